/** Finds the system Chromium the e2e suite drives (never downloads a browser). */
import { accessSync, constants } from 'node:fs';

/** Where Debian's `chromium` package installs the browser. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * `CHROME_PATH` when set (it must exist), else /usr/bin/chromium; otherwise throws an error that says
 * what to install.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env, isExecutable: (path: string) => boolean = executable): string {
  const fromEnv = env.CHROME_PATH?.trim();
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH=${fromEnv} is not an executable file. Point it at a Chromium/Chrome binary, or unset it to use ${DEBIAN_CHROMIUM}.`);
  }
  if (isExecutable(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  throw new Error(
    `No Chromium found: CHROME_PATH is not set and ${DEBIAN_CHROMIUM} does not exist. ` +
      `Install Debian's chromium package (sudo apt-get install chromium fonts-noto-cjk), ` +
      `or set CHROME_PATH to a Chromium/Chrome binary. The e2e suite never downloads a browser.`,
  );
}
