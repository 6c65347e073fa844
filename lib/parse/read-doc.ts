/**
 * Old Word (.doc, Word 97–2003 binary) → rows, through word-extractor (pure JS, maintained). It gives the
 * body as text: paragraphs end with `\n`, a table cell ends with `\t` and a table row with `\t\n` (an empty
 * cell is a bare `\t`). So a line ending in a tab is a table row, split at its tabs; any other line is a
 * one-cell row (title, `单位:万元`, notes), the same shape read-docx.ts gives for .docx.
 *
 * word-extractor uses Node's Buffer, fs and stream, so it runs in the CLI only. It is loaded with Node's
 * own require (no import the extension bundler would follow) and only when a .doc arrives; in a browser
 * page the reader throws an InputError saying to save the file as .docx (or use the CLI).
 */
import { InputError } from './errors';
import type { SourceRow } from './index';

/** The OLE compound-file signature every Word 97–2003 file starts with. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function looksLikeOle(bytes: Uint8Array): boolean {
  return OLE_SIGNATURE.every((b, i) => bytes[i] === b);
}

function isNode(): boolean {
  const p = (globalThis as { process?: { versions?: { node?: string }; getBuiltinModule?: unknown } }).process;
  return typeof p?.versions?.node === 'string' && typeof p.getBuiltinModule === 'function';
}

/** word-extractor's text (see the module note) → rows numbered 1, 2, 3… in order; empty lines dropped. */
export function docTextToRows(text: string): SourceRow[] {
  const rows: SourceRow[] = [];
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    // Word's remaining field and object marks are C0 control characters (tab kept: it separates cells).
    const line = [...raw].filter((ch) => ch === '\t' || ch >= ' ').join('');
    if (line.trim() === '') continue;
    const cells = line.endsWith('\t') ? line.slice(0, -1).split('\t') : [line];
    rows.push({ cells: cells.map((c) => c.replace(/[\s\u00a0\u3000]+/g, ' ').trim()), line: rows.length + 1 });
  }
  return rows;
}

interface NodeProcessWithBuiltins {
  getBuiltinModule(id: string): unknown;
}

interface WordExtractorLike {
  extract(source: unknown): Promise<{ getBody(): string }>;
}

/**
 * Reads a .doc file's body into rows. Throws InputError naming the file when the bytes are not a Word
 * 97–2003 document (a .docx renamed, a damaged download), or in a browser page, where it cannot run.
 */
export async function readDocRows(bytes: Uint8Array, fileName = 'input.doc'): Promise<SourceRow[]> {
  if (!looksLikeOle(bytes)) {
    const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
    throw new InputError(
      zip
        ? `${fileName}: 这是 .docx 文件,扩展名却是 .doc,请改名为 .docx 后导入 / this is a .docx file named .doc; rename it to .docx`
        : `${fileName}: 不是 Word 97–2003 (.doc) 文件 / not a Word 97–2003 (.doc) file`,
      { file: fileName },
    );
  }
  if (!isNode()) {
    throw new InputError(
      `${fileName}: 此页面无法读取旧版 Word (.doc) 文件,请在 Word 或 WPS 中另存为 .docx 后导入(或用命令行 tianbao import) / ` +
        `old Word (.doc) files cannot be read here: save it as .docx in Word or WPS and import that (or use the tianbao CLI)`,
      { file: fileName },
    );
  }
  // Node's own module loader (process.getBuiltinModule, Node ≥ 20.16): no import for the extension bundler
  // to follow, so word-extractor (Node-only) stays out of browser chunks.
  const node = (globalThis as unknown as { process: NodeProcessWithBuiltins }).process;
  const { createRequire } = node.getBuiltinModule('node:module') as typeof import('node:module');
  const { Buffer } = node.getBuiltinModule('node:buffer') as typeof import('node:buffer');
  const WordExtractor = createRequire(import.meta.url)('word-extractor') as new () => WordExtractorLike;
  let text: string;
  try {
    const doc = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    text = doc.getBody();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(`${fileName}: Word (.doc) 文件已损坏,无法读取(${reason}) / the Word (.doc) file is damaged (${reason})`, {
      file: fileName,
    });
  }
  return docTextToRows(text);
}
