import { parsePortalList } from '../portals';

/**
 * The portal origins Tianbao runs on: those the build ships (manifest content_scripts) and those a person
 * added in the options page (granted optional host permission, registered with scripting at run time).
 * The browser APIs are passed in so this runs in tests.
 */
export interface PortalApis {
  /** Match patterns of the manifest's content scripts. */
  buildPatterns: () => string[];
  getStored: () => Promise<string[]>;
  setStored: (patterns: string[]) => Promise<void>;
  hasPermission: (pattern: string) => Promise<boolean>;
  removePermission: (pattern: string) => Promise<void>;
  registered: () => Promise<string[]>;
  register: (id: string, pattern: string) => Promise<void>;
  unregister: (id: string) => Promise<void>;
}

export interface PortalEntry {
  pattern: string;
  source: 'build' | 'user';
}

/** The registration id of a person-added portal's content script. */
export function scriptId(pattern: string): string {
  return `tianbao-portal-${pattern.replace(/[^a-zA-Z0-9]+/g, '-')}`;
}

export class PortalRegistry {
  constructor(private readonly apis: PortalApis) {}

  async list(): Promise<PortalEntry[]> {
    const build = this.apis.buildPatterns().map((pattern) => ({ pattern, source: 'build' as const }));
    const user = (await this.apis.getStored()).map((pattern) => ({ pattern, source: 'user' as const }));
    return [...build, ...user.filter((u) => !build.some((b) => b.pattern === u.pattern))];
  }

  /** Registers a granted pattern (the options page asked the browser for the permission first). */
  async add(pattern: string): Promise<PortalEntry[]> {
    const [valid] = parsePortalList(pattern);
    if (!valid) throw Object.assign(new Error(`不是有效的网址规则:${pattern}`), { code: 'invalid-pattern' });
    if (!(await this.apis.hasPermission(valid))) {
      throw Object.assign(new Error(`浏览器尚未授予访问 ${valid} 的权限`), { code: 'no-permission' });
    }
    const stored = await this.apis.getStored();
    if (!stored.includes(valid)) await this.apis.setStored([...stored, valid]);
    await this.ensureRegistered();
    return this.list();
  }

  async remove(pattern: string): Promise<PortalEntry[]> {
    const stored = await this.apis.getStored();
    await this.apis.setStored(stored.filter((p) => p !== pattern));
    if ((await this.apis.registered()).includes(scriptId(pattern))) await this.apis.unregister(scriptId(pattern));
    if (!this.apis.buildPatterns().includes(pattern)) await this.apis.removePermission(pattern).catch(() => undefined);
    return this.list();
  }

  /** Makes the registered scripts match the stored, still-granted patterns (on start-up and after changes). */
  async ensureRegistered(): Promise<void> {
    const registered = new Set(await this.apis.registered());
    for (const pattern of await this.apis.getStored()) {
      if (registered.has(scriptId(pattern))) continue;
      if (await this.apis.hasPermission(pattern)) await this.apis.register(scriptId(pattern), pattern);
    }
  }
}
