import { describe, expect, it } from 'vitest';
import {
  checkPermissions,
  classifyLinterMessages,
  declaredPermissions,
  readmePermissions,
  sourceAround,
  unusedReason,
  type ExtManifest,
  type LinterMessage,
} from '../../../scripts/ext-lint/checks';

/** Minified code as WXT builds it: the browser object renamed, API names kept. */
const CODE = [
  'const kn=globalThis.browser?.runtime?.id?globalThis.browser:globalThis.chrome;',
  'await kn.storage.local.get("settings");kn.storage.onChanged.addListener(f);',
  'const n=kn.sidePanel;if(n){n.setPanelBehavior({openPanelOnActionClick:!0})}',
  'await kn.permissions.request({origins:[o]});await kn.scripting.registerContentScripts([{id:"portal",matches:[o]}]);',
  'const db=indexedDB.open("tianbao");',
].join('\n');

const README = `# Tianbao

## Load the extension by hand

Text.

### Permissions

| Permission | Why |
|---|---|
| \`storage\` | settings |
| \`unlimitedStorage\` | the library |
| \`scripting\` | run-time registration |
| \`sidePanel\` | the side panel |
| \`http://*/*\`, \`https://*/*\` | portals, one at a time |

## Next section

\`tabs\` is mentioned here, outside the section.
`;

const CHROME: ExtManifest = {
  manifest_version: 3,
  permissions: ['storage', 'unlimitedStorage', 'scripting', 'sidePanel'],
  optional_host_permissions: ['http://*/*', 'https://*/*'],
  content_scripts: [],
};

describe('declaredPermissions', () => {
  it('reads the four keys and tells origins from API names (MV2 keeps origins in optional_permissions)', () => {
    const firefox: ExtManifest = { permissions: ['storage'], optional_permissions: ['https://*/*'] };
    expect(declaredPermissions(firefox)).toEqual([
      { name: 'storage', key: 'permissions', optional: false, host: false },
      { name: 'https://*/*', key: 'optional_permissions', optional: true, host: true },
    ]);
    expect(declaredPermissions({ host_permissions: ['<all_urls>'] })[0]).toMatchObject({ host: true, optional: false });
  });
});

describe('readmePermissions', () => {
  it('collects the backticked names of the Permissions section only', () => {
    const names = readmePermissions(README);
    expect(names && [...names].sort()).toEqual(['http://*/*', 'https://*/*', 'scripting', 'sidePanel', 'storage', 'unlimitedStorage']);
  });

  it('is null without a Permissions section', () => {
    expect(readmePermissions('# Tianbao\n\n## Development\n`storage`\n')).toBeNull();
  });

  it('ends the section at a heading of the same or a higher level, not at a deeper one', () => {
    const names = readmePermissions('## Permissions\n`storage`\n### Details\n`tabs`\n## Other\n`alarms`\n');
    expect(names && [...names].sort()).toEqual(['storage', 'tabs']);
  });
});

describe('checkPermissions', () => {
  it('finds nothing when every permission is used and explained', () => {
    expect(checkPermissions(CHROME, CODE, README)).toEqual([]);
  });

  it('reports an API permission the code does not use (activeTab without a page-scoped call)', () => {
    const manifest = { ...CHROME, permissions: [...(CHROME.permissions ?? []), 'activeTab'] };
    const findings = checkPermissions(manifest, CODE, README.replace('| `storage` |', '| `storage`, `activeTab` |'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ permission: 'activeTab', problem: 'unused', key: 'permissions' });
    expect(checkPermissions(manifest, `${CODE}\nkn.scripting.executeScript({target:{tabId:t}})`, README.replace('| `storage` |', '| `storage`, `activeTab` |'))).toEqual([]);
  });

  it('reports a permission the README does not explain', () => {
    const manifest = { ...CHROME, permissions: [...(CHROME.permissions ?? []), 'alarms'] };
    const findings = checkPermissions(manifest, `${CODE}\nkn.alarms.create("sync",{periodInMinutes:5})`, README);
    expect(findings).toEqual([expect.objectContaining({ permission: 'alarms', problem: 'unexplained' })]);
    expect(checkPermissions(CHROME, CODE, '# no section\n')).toHaveLength(6);
  });

  it('uses the same-named property as the rule for permissions without an entry, with word boundaries', () => {
    expect(unusedReason({ name: 'alarms', key: 'permissions', optional: false, host: false }, CHROME, 'x.alarmsLike.create()')).toMatch(/not used/);
    expect(unusedReason({ name: 'alarms', key: 'permissions', optional: false, host: false }, CHROME, 'x.alarms.create()')).toBeNull();
  });

  it('does not take navigator.storage or a string for the storage API', () => {
    const only = { permissions: ['storage'] };
    expect(checkPermissions(only, 'navigator.storage.persist();const s="storage";', '## Permissions\n`storage`\n')).toEqual([
      expect.objectContaining({ permission: 'storage', problem: 'unused' }),
    ]);
  });

  it('needs a permissions.request call for optional permissions', () => {
    const code = CODE.replace('kn.permissions.request({origins:[o]});', '');
    const findings = checkPermissions(CHROME, code, README);
    expect(findings.map((f) => f.permission)).toEqual(['http://*/*', 'https://*/*']);
    expect(findings[0]?.message).toMatch(/never requested/);
  });

  it('takes a host permission as used by a content script matching it, or by a page-scoped API', () => {
    const built: ExtManifest = { permissions: [], host_permissions: ['https://portal.example.gov.cn/*'], content_scripts: [{ matches: ['https://portal.example.gov.cn/*'] }] };
    const readme = '## Permissions\n`https://portal.example.gov.cn/*`\n';
    expect(checkPermissions(built, 'x.runtime.id', readme)).toEqual([]);
    const stray: ExtManifest = { ...built, content_scripts: [] };
    expect(checkPermissions(stray, 'x.runtime.id', readme)).toEqual([expect.objectContaining({ problem: 'unused', key: 'host_permissions' })]);
    expect(checkPermissions(stray, 'x.scripting.executeScript({})', readme)).toEqual([]);
  });

  it('checks the MV2 layout: origins in optional_permissions', () => {
    const firefox: ExtManifest = { manifest_version: 2, permissions: ['storage', 'unlimitedStorage', 'scripting'], optional_permissions: ['http://*/*', 'https://*/*'] };
    expect(checkPermissions(firefox, CODE, README)).toEqual([]);
  });
});

describe('classifyLinterMessages', () => {
  const bundle = 'var He={},Qn="1.13.8",Zi=typeof self=="object"&&self||Function("return this")()||{};\ncase"dangerouslySetInnerHTML":if(l=a.__html,l!=null){e.innerHTML=l}';
  const at = (needle: string): Pick<LinterMessage, 'line' | 'column'> => {
    const lines = bundle.split('\n');
    const line = lines.findIndex((l) => l.includes(needle));
    return { line: line + 1, column: lines[line]?.indexOf(needle) ?? 0 };
  };
  const excerpt = (m: LinterMessage) => sourceAround(bundle, m.line, m.column);

  it('keeps listed third-party warnings as expected, with their reason', () => {
    const messages: LinterMessage[] = [
      { _type: 'warning', code: 'DANGEROUS_EVAL', message: 'The Function constructor is eval.', file: 'a.js', ...at('Function(') },
      { _type: 'warning', code: 'UNSAFE_VAR_ASSIGNMENT', message: 'Unsafe assignment to innerHTML', file: 'a.js', ...at('e.innerHTML') },
    ];
    const { expected, unexpected } = classifyLinterMessages(messages, excerpt);
    expect(unexpected).toEqual([]);
    expect(expected.map((e) => e.why)).toEqual([expect.stringMatching(/underscore/), expect.stringMatching(/React DOM/)]);
  });

  it('fails errors, unlisted warnings and listed codes at other code', () => {
    const messages: LinterMessage[] = [
      { _type: 'error', code: 'DANGEROUS_EVAL', message: 'eval', file: 'a.js', ...at('Function(') },
      { _type: 'warning', code: 'MISSING_ADDON_ID', message: 'The add-on ID is missing in the manifest.', file: 'manifest.json' },
      { _type: 'warning', code: 'UNSAFE_VAR_ASSIGNMENT', message: 'Unsafe assignment to innerHTML', file: 'b.js', line: 1, column: 0 },
    ];
    const other = (m: LinterMessage) => (m.file === 'b.js' ? 'el.innerHTML = userText' : excerpt(m));
    expect(classifyLinterMessages(messages, other).unexpected.map((m) => m.code)).toEqual(['DANGEROUS_EVAL', 'MISSING_ADDON_ID', 'UNSAFE_VAR_ASSIGNMENT']);
  });
});
