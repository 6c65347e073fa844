/**
 * The checks behind `npm run lint:ext` (scripts/lint-ext.ts runs them on the built packages). Pure: a
 * manifest, the package's code as strings and the README's text in, findings out, so the unit tests
 * run them on samples without a build.
 *
 * - Every permission the manifest declares (permissions, optional_permissions, host_permissions,
 *   optional_host_permissions) is used by the code. The code is the built, minified JS: names of
 *   extension APIs are property names (`x.storage.local`, `n.sidePanel`) and survive minification,
 *   whatever the `browser`/`chrome` object was renamed to.
 * - Every permission is explained in README's "Permissions" section (each one in backticks).
 * - addons-linter's warnings are either fixed or listed in EXPECTED_LINTER_WARNINGS with the reason.
 */

export interface ExtManifest {
  manifest_version?: number;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches?: string[] }[];
  [key: string]: unknown;
}

export type PermissionKey = 'permissions' | 'optional_permissions' | 'host_permissions' | 'optional_host_permissions';

export interface DeclaredPermission {
  name: string;
  key: PermissionKey;
  optional: boolean;
  /** A match pattern (an origin) rather than an API permission. */
  host: boolean;
}

export interface PermissionFinding {
  permission: string;
  key: PermissionKey;
  problem: 'unused' | 'unexplained';
  message: string;
}

/** A match pattern (`https://*.example.com/*`, `<all_urls>`) rather than an API name. */
export function isHostPattern(permission: string): boolean {
  return permission === '<all_urls>' || permission.includes('://');
}

export function declaredPermissions(manifest: ExtManifest): DeclaredPermission[] {
  const keys: PermissionKey[] = ['permissions', 'optional_permissions', 'host_permissions', 'optional_host_permissions'];
  const out: DeclaredPermission[] = [];
  for (const key of keys) {
    for (const name of manifest[key] ?? []) {
      out.push({ name, key, optional: key.startsWith('optional_'), host: key.endsWith('host_permissions') || isHostPattern(name) });
    }
  }
  return out;
}

/** APIs that act on a page and so need a host permission (or activeTab's temporary one). */
const HOST_SCOPED_API = /\.scripting\.(?:executeScript|insertCSS|removeCSS|registerContentScripts|updateContentScripts)\b|\.tabs\.(?:executeScript|insertCSS|removeCSS|captureVisibleTab)\b|\.webRequest\.on\w+|\.cookies\.\w+|\.webNavigation\.\w+/;

/** Asking for optional permissions at run time. */
const PERMISSIONS_REQUEST = /\.permissions\.request\b/;

/**
 * How the code shows that it uses a permission, for permissions whose use is not simply a property of
 * the same name (`alarms` → `x.alarms.create`: the default rule, see apiPermissionUse).
 */
export const API_PERMISSION_USES: Readonly<Record<string, readonly RegExp[]>> = {
  storage: [/\.storage\.(?:local|sync|session|managed|onChanged)\b/],
  // More than the default quota: for storage.local and for IndexedDB (the library's Dexie database).
  unlimitedStorage: [/\.storage\.local\b/, /\bindexedDB\b/],
  scripting: [/\.scripting\.(?:executeScript|insertCSS|removeCSS|registerContentScripts|updateContentScripts|getRegisteredContentScripts|unregisterContentScripts)\b/],
  sidePanel: [/\.sidePanel\b/],
  // `tabs` only adds a tab's url/title/favIconUrl; the rule is its API's calls, where those are read.
  tabs: [/\.tabs\.(?:query|get|getCurrent|onUpdated|onCreated|onActivated|onReplaced)\b/],
  // The temporary grant on the tab the person acted on serves only page-scoped calls.
  activeTab: [/\.scripting\.(?:executeScript|insertCSS|removeCSS)\b|\.tabs\.(?:executeScript|insertCSS|removeCSS|captureVisibleTab)\b/],
  contextMenus: [/\.contextMenus\.\w+/, /\.menus\.\w+/],
  menus: [/\.menus\.\w+/],
  webRequestBlocking: [/["']blocking["']/],
  nativeMessaging: [/\.runtime\.(?:connectNative|sendNativeMessage)\b/],
  clipboardWrite: [/\.clipboard\.write(?:Text)?\b/, /execCommand\(\s*["'](?:copy|cut)["']/],
  clipboardRead: [/\.clipboard\.read(?:Text)?\b/, /execCommand\(\s*["']paste["']/],
  geolocation: [/\.geolocation\.\w+/],
  declarativeNetRequestWithHostAccess: [/\.declarativeNetRequest\.\w+/],
  declarativeNetRequestFeedback: [/\.declarativeNetRequest\.(?:getMatchedRules|onRuleMatchedDebug)\b/],
};

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The rules for one API permission: its entry above, else a property access of the same name. */
export function apiPermissionUse(permission: string): readonly RegExp[] {
  return API_PERMISSION_USES[permission] ?? [new RegExp(`\\.${escapeRegExp(permission)}\\b`)];
}

function contentScriptMatches(manifest: ExtManifest): Set<string> {
  return new Set((manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []));
}

/** Why a declared permission counts as unused, or null when the code uses it. */
export function unusedReason(permission: DeclaredPermission, manifest: ExtManifest, code: string): string | null {
  if (permission.optional && !PERMISSIONS_REQUEST.test(code)) {
    return `optional permission "${permission.name}" is never requested (no permissions.request call)`;
  }
  if (permission.host) {
    if (!permission.optional && contentScriptMatches(manifest).has(permission.name)) return null;
    if (HOST_SCOPED_API.test(code)) return null;
    return `host permission "${permission.name}" is in no content script's matches and the code calls no page-scoped API (scripting, tabs.executeScript, webRequest, cookies, webNavigation)`;
  }
  const rules = apiPermissionUse(permission.name);
  if (rules.some((rule) => rule.test(code))) return null;
  return `permission "${permission.name}" is not used by the code (looked for ${rules.map((r) => `/${r.source}/`).join(' or ')})`;
}

/**
 * The names listed in README's Permissions section: every `backticked` word between a heading
 * "Permissions" (any level) and the next heading of the same or a higher level. Null when there is none.
 */
export function readmePermissions(markdown: string): Set<string> | null {
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((line) => /^#{1,6}\s+Permissions\b/i.test(line));
  if (start < 0) return null;
  const level = /^#+/.exec(lines[start] ?? '')?.[0].length ?? 1;
  const names = new Set<string>();
  let fenced = false;
  for (const line of lines.slice(start + 1)) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^(#{1,6})\s/.exec(line);
    if (heading && (heading[1]?.length ?? 0) <= level) break;
    for (const match of line.matchAll(/`([^`\s]+)`/g)) names.add(match[1] ?? '');
  }
  return names;
}

/** All findings for one package: unused permissions, and permissions README does not explain. */
export function checkPermissions(manifest: ExtManifest, code: string, readme: string): PermissionFinding[] {
  const findings: PermissionFinding[] = [];
  const explained = readmePermissions(readme);
  for (const permission of declaredPermissions(manifest)) {
    const reason = unusedReason(permission, manifest, code);
    if (reason) findings.push({ permission: permission.name, key: permission.key, problem: 'unused', message: `${permission.key}: ${reason}` });
    if (!explained?.has(permission.name)) {
      const where = explained ? 'is not explained in README\'s "Permissions" section' : 'is not explained: README has no "Permissions" section';
      findings.push({ permission: permission.name, key: permission.key, problem: 'unexplained', message: `${permission.key}: "${permission.name}" ${where}` });
    }
  }
  return findings;
}

/** One message of addons-linter's JSON output (the fields used here). */
export interface LinterMessage {
  _type?: string;
  type?: string;
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

/** A warning addons-linter gives that Tianbao keeps, recognised by its code and the source at its place. */
export interface ExpectedWarning {
  code: string;
  /** Tested against the source around the reported line and column. */
  source: RegExp;
  why: string;
}

export const EXPECTED_LINTER_WARNINGS: readonly ExpectedWarning[] = [
  {
    code: 'DANGEROUS_EVAL',
    source: /Function\(\s*["']return this["']\s*\)/,
    why: "underscore (mammoth's dependency, .docx import): a last-resort global lookup after `self` and `global`, never reached in a browser",
  },
  {
    code: 'DANGEROUS_EVAL',
    source: /new Function\(\s*\w+\s*,\s*["']_["']\s*,/,
    why: "underscore's _.template compiler (mammoth's dependency): Tianbao calls no template; the extension's CSP forbids it anyway",
  },
  {
    code: 'DANGEROUS_EVAL',
    source: /new Function\(\s*["']["']\s*\+\s*\w+\s*\)/,
    why: 'the setImmediate polyfill in the .docx reader (string callbacks only; Tianbao passes functions)',
  },
  // pdf.js (PDF import, loaded only by the options page's import worker and its in-page fallback), run with
  // `isEvalSupported: false` and its worker code in the same thread (lib/parse/read-pdf.ts):
  {
    code: 'DANGEROUS_EVAL',
    source: /try\s*\{\s*return new Function\(\s*["']{2}\s*\)\s*,\s*!0\s*\}/,
    why: "pdf.js's probe whether eval works (FeatureTest.isEvalSupported), only asked when the caller allows eval; Tianbao passes isEvalSupported: false",
  },
  {
    code: 'DANGEROUS_EVAL',
    source: /isEvalSupported[\s\S]*new Function\(\s*["']src["']\s*,\s*["']srcOffset["']/,
    why: "pdf.js's compiler for PostScript functions in PDF shadings, used only when isEvalSupported is true (Tianbao passes false); it falls back to an interpreter",
  },
  {
    code: 'DANGEROUS_EVAL',
    source: /getBuiltinModule\(\w+\)\s*\}\s*catch\s*\{\s*\}\s*try\s*\{\s*return Function\(\s*['"]return require\(/,
    why: "core-js in pdf.js's legacy build (the one that runs on Node 20 too): looks up a Node built-in module, only where it detected Node",
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    source: /_setupFakeWorkerGlobal[\s\S]*await import\(this\.workerSrc\)/,
    why: "pdf.js loading its worker from GlobalWorkerOptions.workerSrc; Tianbao hands it the bundled worker module (globalThis.pdfjsWorker), so no URL is ever imported",
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    source: /openjpeg_nowasm_fallback\.js`[\s\S]*await import\(\w+\)/,
    why: "pdf.js's JPEG 2000 image decoder fallback from wasmUrl; text extraction decodes no images and Tianbao sets no wasmUrl",
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    source: /dangerouslySetInnerHTML[\s\S]*\.innerHTML\s*=/,
    why: "React DOM's handling of the dangerouslySetInnerHTML prop, which no Tianbao component uses",
  },
];

/** The source around a message's place (a few hundred characters back, for the minified one-line bundles). */
export function sourceAround(text: string, line: number | undefined, column: number | undefined, before = 400, after = 200): string {
  if (line === undefined) return '';
  const row = text.split('\n')[line - 1] ?? '';
  const at = column ?? 0;
  return row.slice(Math.max(0, at - before), at + after);
}

export interface ClassifiedMessages {
  expected: { message: LinterMessage; why: string }[];
  unexpected: LinterMessage[];
}

/** Sorts addons-linter's messages: errors are always unexpected; a warning or notice is expected when listed. */
export function classifyLinterMessages(
  messages: readonly LinterMessage[],
  excerpt: (message: LinterMessage) => string,
  expectedWarnings: readonly ExpectedWarning[] = EXPECTED_LINTER_WARNINGS,
): ClassifiedMessages {
  const out: ClassifiedMessages = { expected: [], unexpected: [] };
  for (const message of messages) {
    const type = message._type ?? message.type;
    const known = type === 'error' ? undefined : expectedWarnings.find((w) => w.code === message.code && w.source.test(excerpt(message)));
    if (known) out.expected.push({ message, why: known.why });
    else out.unexpected.push(message);
  }
  return out;
}
