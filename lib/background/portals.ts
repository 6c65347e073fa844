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
  /**
   * Runs the content script in the tabs already open on `pattern` (registration reaches only pages
   * loaded after it). Resolves to the number of tabs it ran in.
   */
  injectOpenTabs: (pattern: string) => Promise<number>;
}

export interface PortalEntry {
  pattern: string;
  source: 'build' | 'user';
}

/** The registration id of a person-added portal's content script. */
export function scriptId(pattern: string): string {
  return `tianbao-portal-${pattern.replace(/[^a-zA-Z0-9]+/g, '-')}`;
}

/**
 * Whether `pattern` names one web origin (`http(s)://host[:port]/*`): no `*` in the scheme or host, so
 * never a * for any host or every subdomain of gov.cn, which would grant and run Tianbao on many sites at once.
 */
export function isSingleOriginPattern(pattern: string): boolean {
  return /^https?:\/\/(\[[0-9a-fA-F:.]+\]|[^/*:@[\]]+)(:\d{1,5})?\/\*$/.test(pattern);
}

export class PortalRegistry {
  /** ensureRegistered runs one at a time: a start-up run and an add's run both registering one id fail. */
  private registering: Promise<void> = Promise.resolve();

  constructor(private readonly apis: PortalApis) {}

  async list(): Promise<PortalEntry[]> {
    const build = this.apis.buildPatterns().map((pattern) => ({ pattern, source: 'build' as const }));
    const user = (await this.apis.getStored()).map((pattern) => ({ pattern, source: 'user' as const }));
    return [...build, ...user.filter((u) => !build.some((b) => b.pattern === u.pattern))];
  }

  /** Registers a granted pattern (the options page asked the browser for the permission first). */
  async add(pattern: string): Promise<PortalEntry[]> {
    const [valid] = parsePortalList(pattern);
    if (!valid) throw Object.assign(new Error(`不是有效的网址规则:${pattern} / Not a valid address pattern: ${pattern}`), { code: 'invalid-pattern' });
    if (!isSingleOriginPattern(valid)) {
      throw Object.assign(
        new Error(`只能添加一个网站的地址(如 https://yth.czt.gd.gov.cn/),不能用 * 覆盖多个网站:${valid} / Add one site’s address; a pattern with * covers many sites: ${valid}`),
        { code: 'broad-pattern' },
      );
    }
    if (!(await this.apis.hasPermission(valid))) {
      throw Object.assign(new Error(`浏览器尚未授予访问 ${valid} 的权限`), { code: 'no-permission' });
    }
    const stored = await this.apis.getStored();
    if (!stored.includes(valid)) await this.apis.setStored([...stored, valid]);
    const added = await this.ensureRegistered();
    // Pages already open on the portal get Tianbao now, not only after a reload.
    if (added.includes(valid)) await this.apis.injectOpenTabs(valid).catch(() => 0);
    return this.list();
  }

  async remove(pattern: string): Promise<PortalEntry[]> {
    const stored = await this.apis.getStored();
    await this.apis.setStored(stored.filter((p) => p !== pattern));
    if ((await this.apis.registered()).includes(scriptId(pattern))) await this.apis.unregister(scriptId(pattern));
    if (!this.apis.buildPatterns().includes(pattern)) await this.apis.removePermission(pattern).catch(() => undefined);
    return this.list();
  }

  /**
   * Makes the registered scripts match the stored, still-granted patterns (on start-up and after changes);
   * returns the patterns it registered now. Calls queue: the worker's start-up run and the add that woke
   * it would otherwise both find a pattern unregistered and the second register would fail (duplicate id).
   */
  ensureRegistered(): Promise<string[]> {
    const run = this.registering.then(async () => {
      const registered = new Set(await this.apis.registered());
      const added: string[] = [];
      for (const pattern of await this.apis.getStored()) {
        if (registered.has(scriptId(pattern))) continue;
        if (await this.apis.hasPermission(pattern)) {
          await this.apis.register(scriptId(pattern), pattern);
          added.push(pattern);
        }
      }
      return added;
    });
    this.registering = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }
}
