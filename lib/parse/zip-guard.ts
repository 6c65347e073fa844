/**
 * Zip-bomb guard for the ZIP-based formats (.xlsx, .docx): reads the ZIP central directory — the table of
 * contents at the end of the file that states each entry's compressed and uncompressed size — and refuses
 * the file before any entry is inflated when the stated sizes add up to more than a target table can be.
 * SheetJS and mammoth inflate every entry fully in memory, so a 50 KB file stating 1 GB of sheet XML would
 * otherwise take the page (or the CLI) down.
 *
 * Deflate cannot expand data by more than about 1032:1, so an entry whose stated size is far beyond that
 * of its compressed size is also refused (a damaged or forged directory).
 */
import { InputError } from './errors';

/** Total uncompressed size allowed (a real performance-target workbook or document is a few MB unzipped). */
export const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;

/** Entries allowed (a workbook has tens; hundreds of thousands are an attack on the reader's bookkeeping). */
export const MAX_ZIP_ENTRIES = 10_000;

const EOCD = 0x06054b50;
const ZIP64_EOCD = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;

/** Whether bytes start like a ZIP file (local file header, or an empty archive). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(0)} MB`;
}

/** One central-directory entry's stated sizes. */
export interface ZipEntrySize {
  name: string;
  compressed: number;
  uncompressed: number;
}

/** Reads the central directory's entries (ZIP64 sizes included). Returns null when there is no readable directory. */
export function zipEntries(bytes: Uint8Array): ZipEntrySize[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record: 22 bytes plus a comment of up to 65535 bytes, at the end.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i -= 1) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_LOCATOR) {
    const at = Number(view.getBigUint64(eocd - 20 + 8, true));
    if (at + 56 > bytes.length || view.getUint32(at, true) !== ZIP64_EOCD) return null;
    count = Number(view.getBigUint64(at + 32, true));
    offset = Number(view.getBigUint64(at + 48, true));
  }
  const entries: ZipEntrySize[] = [];
  let p = offset;
  for (let n = 0; n < count; n += 1) {
    if (entries.length > MAX_ZIP_ENTRIES) break;
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL) return entries.length > 0 ? entries : null;
    let compressed = view.getUint32(p + 20, true);
    let uncompressed = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const name = new TextDecoder().decode(bytes.subarray(p + 46, Math.min(bytes.length, p + 46 + nameLength)));
    // ZIP64 extra field (id 1): the 64-bit sizes of the fields set to 0xffffffff, uncompressed first.
    let e = p + 46 + nameLength;
    const end = Math.min(bytes.length, e + extraLength);
    while (e + 4 <= end) {
      const id = view.getUint16(e, true);
      const size = view.getUint16(e + 2, true);
      if (id === 1) {
        let q = e + 4;
        if (uncompressed === 0xffffffff && q + 8 <= end) {
          uncompressed = Number(view.getBigUint64(q, true));
          q += 8;
        }
        if (compressed === 0xffffffff && q + 8 <= end) compressed = Number(view.getBigUint64(q, true));
      }
      e += 4 + size;
    }
    entries.push({ name, compressed, uncompressed });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Throws InputError naming the file when a ZIP's central directory states more than MAX_UNZIPPED_BYTES in
 * all, more than MAX_ZIP_ENTRIES entries, or an entry inflating beyond what deflate can do. `kind` names the
 * format in the message (`Excel`, `Word`). Files that are not ZIPs pass (their own reader reports them).
 */
export function assertZipWithinLimits(bytes: Uint8Array, fileName: string, kind: string): void {
  if (!looksLikeZip(bytes)) return;
  const entries = zipEntries(bytes);
  if (entries === null) return; // No directory: the reader reports a damaged file.
  if (entries.length > MAX_ZIP_ENTRIES) {
    throw new InputError(
      `${fileName}: ${kind} 文件内含 ${MAX_ZIP_ENTRIES} 个以上的压缩条目,不像绩效目标表,已拒绝读取 / ` +
        `the ${kind} file holds over ${MAX_ZIP_ENTRIES} zip entries; refused`,
      { file: fileName },
    );
  }
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressed;
    const impossible = entry.compressed > 0 && entry.uncompressed / entry.compressed > 1100 && entry.uncompressed > 1024 * 1024;
    if (total > MAX_UNZIPPED_BYTES || impossible) {
      throw new InputError(
        `${fileName}: ${kind} 文件解压后过大(条目 ${entry.name} 解压为 ${mb(entry.uncompressed)},合计超过 ${mb(MAX_UNZIPPED_BYTES)} 上限),` +
          `疑似压缩炸弹,已拒绝读取 / the ${kind} file would unzip to over ${mb(MAX_UNZIPPED_BYTES)} ` +
          `(entry ${entry.name}: ${mb(entry.uncompressed)}); refused as a possible zip bomb`,
        { file: fileName, field: entry.name },
      );
    }
  }
}
