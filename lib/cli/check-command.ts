import type { CliIo } from './run';

/** `tianbao check` — implemented by the check-engine issue. */
export async function runCheckCommand(_args: readonly string[], io: CliIo): Promise<number> {
  io.stderr.write('tianbao check: not available yet\n');
  return 2;
}
