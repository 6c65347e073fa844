/**
 * Word (.docx) → rows. The document is converted to HTML by mammoth (maintained, reads merged cells as
 * rowspan/colspan) and read by `readHtmlRows`, so Word tables and web tables share one code path.
 * Works in Node (CLI) and in extension pages: mammoth's browser build reads `arrayBuffer`, its Node build
 * reads `buffer`; both are given.
 */
import mammoth from 'mammoth';
import { InputError } from './errors';
import type { SourceRow } from './index';
import { readHtmlRows } from './read-html';

/** The ZIP signature every .docx starts with. */
function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Reads a .docx file's tables (merged cells repeated, see read-html.ts) and paragraphs (one-cell rows), in
 * document order. Rows are numbered 1, 2, 3… in that order. Throws InputError when the bytes are not a
 * Word document (an old binary .doc, a renamed file, a damaged download).
 */
export async function readDocxRows(bytes: Uint8Array, fileName = 'input.docx'): Promise<SourceRow[]> {
  if (!looksLikeZip(bytes)) {
    throw new InputError(
      `${fileName}: 不是 .docx 文件(旧版 .doc 请在 Word 中另存为 .docx) / not a .docx file (save an old .doc as .docx in Word)`,
      { file: fileName },
    );
  }
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let html: string;
  try {
    const input = { arrayBuffer, buffer: bytes } as unknown as { arrayBuffer: ArrayBuffer };
    html = (await mammoth.convertToHtml(input)).value;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(`${fileName}: 无法读取 Word 文件 / cannot read the Word file (${reason})`, { file: fileName });
  }
  return readHtmlRows(html, { lineNumbers: 'sequence' });
}
