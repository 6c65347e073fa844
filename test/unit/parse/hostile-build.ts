/**
 * Hostile test files, built honestly in code (hostile-files.test.ts):
 * - a password-protected PDF: PDF 1.4 Standard security handler, revision 2 (RC4, 40-bit key), user
 *   password `secret`, computed with the algorithms of the PDF specification (ISO 32000-1 §7.6.3) —
 *   pdf.js opens it with the password, so it is a real encrypted PDF, not a broken one;
 * - a zip-bomb .xlsx: a valid ZIP whose one sheet entry inflates to more than 1 GB of zeros, made of
 *   independently flushed deflate blocks (byte-aligned, so one compressed megabyte repeats), with its
 *   real CRC-32.
 */
import { createHash } from 'node:crypto';
import { constants, crc32, deflateRawSync } from 'node:zlib';

/** RC4, as PDF encryption revision 2 uses it. */
function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i += 1) {
    j = (j + s[i]! + key[i % key.length]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = new Uint8Array(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n += 1) {
    i = (i + 1) & 255;
    j = (j + s[i]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[n] = data[n]! ^ s[(s[i]! + s[j]!) & 255]!;
  }
  return out;
}

const md5 = (...parts: Uint8Array[]) => {
  const h = createHash('md5');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};

/** The 32-byte padding string of the Standard security handler. */
const PAD = Buffer.from('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A', 'hex');

function padded(password: string): Uint8Array {
  const bytes = Buffer.from(password, 'latin1').subarray(0, 32);
  return new Uint8Array(Buffer.concat([bytes, PAD.subarray(0, 32 - bytes.length)]));
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex').toUpperCase();

/** A one-page PDF with the text `Secret table`, encrypted with user password `userPassword` (R2, RC4-40). */
export function encryptedPdf(userPassword = 'secret', ownerPassword = 'owner'): Uint8Array {
  const id = md5(Buffer.from('tianbao-hostile-test'));
  const permissions = -4;
  // Algorithm 3: the owner entry.
  const ownerKey = md5(padded(ownerPassword)).subarray(0, 5);
  const O = rc4(ownerKey, padded(userPassword));
  // Algorithm 2: the file key; algorithm 4: the user entry.
  const p = new Uint8Array(4);
  new DataView(p.buffer).setInt32(0, permissions, true);
  const key = md5(padded(userPassword), O, p, id).subarray(0, 5);
  const U = rc4(key, PAD);
  // Algorithm 1: each object's key.
  const objectKey = (num: number, gen: number) =>
    md5(key, new Uint8Array([num & 255, (num >> 8) & 255, (num >> 16) & 255, gen & 255, (gen >> 8) & 255])).subarray(0, 10);
  const content = rc4(objectKey(4, 0), Buffer.from('BT /F1 24 Tf 30 100 Td (Secret table) Tj ET', 'latin1'));

  const chunks: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (b: Buffer | string) => {
    const buf = typeof b === 'string' ? Buffer.from(b, 'latin1') : b;
    chunks.push(buf);
    length += buf.length;
  };
  const object = (num: number, body: Buffer | string) => {
    offsets[num] = length;
    push(`${num} 0 obj\n`);
    push(body);
    push('\nendobj\n');
  };
  push('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  object(3, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Resources << /Font << /F1 6 0 R >> >> /Contents 4 0 R >>');
  object(4, Buffer.concat([Buffer.from(`<< /Length ${content.length} >>\nstream\n`, 'latin1'), Buffer.from(content), Buffer.from('\nendstream', 'latin1')]));
  object(5, `<< /Filter /Standard /V 1 /R 2 /O <${hex(O)}> /U <${hex(U)}> /P ${permissions} >>`);
  object(6, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  const xref = length;
  push(`xref\n0 7\n0000000000 65535 f \n${offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`);
  push(`trailer\n<< /Size 7 /Root 1 0 R /Encrypt 5 0 R /ID [<${hex(id)}> <${hex(id)}>] >>\nstartxref\n${xref}\n%%EOF\n`);
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * A zip bomb named like a workbook: `xl/worksheets/sheet1.xml` stated and truly inflating to `megabytes`
 * MB of zeros (default 1100 MB), about 1 MB compressed.
 */
export function zipBombXlsx(megabytes = 1100): Uint8Array {
  const mb = Buffer.alloc(1024 * 1024);
  // A full flush ends each block byte-aligned with an empty dictionary, so the block can be repeated.
  const block = deflateRawSync(mb, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const final = deflateRawSync(Buffer.alloc(0));
  let crc = 0;
  for (let i = 0; i < megabytes; i += 1) crc = crc32(mb, crc);
  const data = Buffer.concat([...Array.from({ length: megabytes }, () => block), final]);
  const size = megabytes * mb.length;
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt32LE(crc >>> 0, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(size >>> 0, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc >>> 0, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(size >>> 0, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42); // local header offset
  const centralOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return new Uint8Array(Buffer.concat([local, name, data, central, name, end]));
}
