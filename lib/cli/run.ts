import { IMPORT_FORMATS } from '../parse/formats';
import { runCheckCommand } from './check-command';
import { runImportCommand } from './import-command';

/** Where CLI output goes (process streams in main.ts, buffers in tests). */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, findings: 1, badInput: 2 } as const;

const USAGE = `用法 / usage:
  tianbao import <file> [--json]        读取绩效目标表 (${IMPORT_FORMATS.join(' / ')})
  tianbao import <file> --explain [--json] 逐行说明每一行被读成了什么
  tianbao check <file> [--json] [--fix] 检查绩效目标表
`;

/** Runs one CLI invocation and resolves to its exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'import':
      return runImportCommand(rest, io);
    case 'check':
      return runCheckCommand(rest, io);
    case undefined:
    case '-h':
    case '--help':
      io.stdout.write(USAGE);
      return command === undefined ? EXIT.badInput : EXIT.ok;
    default:
      io.stderr.write(`tianbao: unknown command "${command}"\n${USAGE}`);
      return EXIT.badInput;
  }
}
