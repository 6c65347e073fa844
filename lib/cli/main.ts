import { runCli } from './run';

// Thin entry: all logic lives in run.ts so tests can call it with captured output.
runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`tianbao: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
