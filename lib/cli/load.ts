import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { FormSnapshot } from '../domain';
import { InputError, parseFileBytes, type ParseOptions } from '../parse';

/** Reads and parses a file for the CLI. Throws InputError (one line naming the file and reason) on bad input. */
export async function loadSnapshotFile(path: string, options: ParseOptions = {}): Promise<FormSnapshot> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '是一个目录,不是文件' : code === 'EACCES' ? '没有读取权限' : '无法读取';
    throw new InputError(`${path}: ${reason}`, { file: path });
  }
  return parseFileBytes(bytes, path, { ...options, file: options.file ?? basename(path) });
}
