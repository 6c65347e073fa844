import { describe, expect, it } from 'vitest';
import { InputError } from '@/lib/parse';
import { BACKUP_FORMAT, backupJson, libraryBackupSchema, makeBackup, readBackup } from '@/lib/library/backup';
import { content, makeSet, makeTemplate } from './helpers';

const templates = [
  makeTemplate('b', { tags: ['常用'], useCount: 4, lastUsedAt: 2000 }, content({ name: '验收合格率', level2: '质量指标', annual: '＝100%' })),
  makeTemplate('a', {}, content({ name: '培训人次', explanation: '按签到表', weight: '10' })),
];
const sets = [makeSet('s', '培训项目', [content()], { goal: '开展培训', tags: ['2025'] })];

describe('makeBackup', () => {
  it('sorts records by id and validates against its own schema', () => {
    const backup = makeBackup(templates, sets, 5000);
    expect(backup.templates.map((t) => t.id)).toEqual(['a', 'b']);
    expect(libraryBackupSchema.parse(backup)).toEqual(backup);
    expect(backup).toMatchObject({ format: BACKUP_FORMAT, version: 1, exportedAt: 5000 });
  });
});

describe('readBackup', () => {
  it('reads every record back with ids, timestamps and counts', () => {
    const batch = readBackup(backupJson(makeBackup(templates, sets, 5000)), 'lib.json');
    expect(batch.kind).toBe('backup');
    expect(batch.items.map((i) => i.record)).toEqual([templates[1], templates[0]]);
    expect(batch.items.every((i) => i.issues.length === 0)).toBe(true);
    expect(batch.sets.map((s) => s.record)).toEqual(sets);
  });

  it.each([
    ['malformed JSON', '{"format": "tianbao-library", ', /bad\.json.*不是有效的 JSON/],
    ['another program’s JSON', '{"name": "x"}', /bad\.json.*不是填报助手的指标库备份/],
    ['a JSON array', '[1, 2]', /bad\.json.*不是填报助手的指标库备份/],
    ['a backup without its templates array', `{"format":"${BACKUP_FORMAT}","version":1,"exportedAt":1,"templateSets":[]}`, /bad\.json.*templates/],
    ['a newer backup version', `{"format":"${BACKUP_FORMAT}","version":99,"exportedAt":1,"templates":[],"templateSets":[]}`, /版本 99.*升级/],
  ])('refuses %s with a message naming the file', (_label, text, message) => {
    const read = () => readBackup(text, 'bad.json');
    expect(read).toThrow(InputError);
    expect(read).toThrow(message);
  });

  it('turns a wrong-schema record into an error on its row, naming the field', () => {
    const backup = JSON.parse(backupJson(makeBackup(templates, [], 1)));
    backup.templates[1].name = 42;
    delete backup.templates[1].createdAt;
    const batch = readBackup(JSON.stringify(backup), 'lib.json');
    expect(batch.items[0]!.issues).toEqual([]);
    const issues = batch.items[1]!.issues;
    expect(issues.map((i) => [i.severity, i.row, i.field])).toEqual([
      ['error', 2, 'templates[1].name'],
      ['error', 2, 'templates[1].createdAt'],
    ]);
    expect(issues[0]!.message).toMatch(/lib\.json 第 2 行「templates\[1\]\.name」/);
    expect(batch.items[1]!.content).toBeNull();
  });

  it('refuses script markup inside a backed-up field as a row error', () => {
    const backup = JSON.parse(backupJson(makeBackup(templates, [], 1)));
    backup.templates[0].explanation = '<script>alert(1)</script>';
    const batch = readBackup(JSON.stringify(backup), 'lib.json');
    expect(batch.items[0]!.issues).toEqual([expect.objectContaining({ severity: 'error', field: 'templates[0].explanation' })]);
  });

  it('reads a file with a UTF-8 BOM', () => {
    expect(readBackup('\uFEFF' + backupJson(makeBackup([], [], 1)), 'a.json').items).toEqual([]);
  });
});
