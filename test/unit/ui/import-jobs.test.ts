import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImportJob } from '../../../lib/ui/import-jobs';

const FIXTURE = join(__dirname, '../../fixtures/baiyun-perf-targets.txt');

describe('runImportJob', () => {
  it('reads the seed fixture into a batch with the given tags', async () => {
    const result = await runImportJob({ kind: 'read', bytes: new Uint8Array(readFileSync(FIXTURE)), fileName: 'baiyun.txt', tags: ['2025'] });
    expect(result.ok).toBe(true);
    if (!result.ok || result.kind !== 'read') return;
    expect(result.batch.file).toBe('baiyun.txt');
    // 19 projects, two of them without indicators (12345热线运作经费, 政府雇员公用经费): no set for those.
    expect(result.batch.sets.length).toBe(17);
    expect(result.batch.items.length).toBeGreaterThan(90);
    expect(result.batch.items.every((i) => i.tags.includes('2025'))).toBe(true);
  });

  it.each([
    ['notes.pages', new Uint8Array([37, 80, 68, 70]), '不支持的文件类型'],
    // Four bytes of a PDF signature and nothing after: damaged, said so rather than "unsupported".
    ['notes.pdf', new Uint8Array([37, 80, 68, 70]), 'PDF'],
    ['empty.csv', new Uint8Array(), '文件为空'],
    ['backup.json', new TextEncoder().encode('{"format":"other"}'), '不是填报助手的指标库备份'],
  ])('refuses %s with a message that names the file', async (fileName, bytes, zh) => {
    const result = await runImportJob({ kind: 'read', bytes, fileName, tags: [] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain(fileName);
    expect(result.message).toContain(zh);
    expect(result.message).toContain(' / ');
  });

  it('writes the library as an XLSX workbook', async () => {
    const result = await runImportJob({
      kind: 'xlsx',
      templates: [
        { id: 't1', level1: '产出指标', level2: '数量指标', name: '培训人次', period: null, annual: null, tags: [], source: '', createdAt: 0, updatedAt: 0, useCount: 0, lastUsedAt: null },
      ],
      sets: [],
    });
    expect(result.ok).toBe(true);
    if (!result.ok || result.kind !== 'xlsx') return;
    // A zip container (PK\x03\x04).
    expect([...result.bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });
});
