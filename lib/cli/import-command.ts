import type { CliIo } from './run';

/** `tianbao import` — being implemented. */
export async function runImportCommand(_args: readonly string[], io: CliIo): Promise<number> {
  io.stderr.write('tianbao import: not available yet\n');
  return 2;
}
