/**
 * The optional example library: the seed fixture's indicator sets (白云区政务服务数据管理局, 19 projects),
 * built from the importer's output, not a hand copy.
 */
import type { FormSnapshot } from '../domain/schemas';
import { batchFromSnapshot, type ImportBatch } from './import-batch';

/** `source` of example records (also the file name shown in the preview). */
export const EXAMPLE_SOURCE = '示例 白云区绩效目标表';
/** Tag every example record carries. */
export const EXAMPLE_TAG = '示例';

/** The example fixture's text, loaded on demand (bundled as its own chunk). */
export async function loadExampleText(): Promise<string> {
  const mod = await import('../../test/fixtures/baiyun-perf-targets.txt?raw');
  return mod.default;
}

/**
 * The example library as a batch, from the snapshot the text importer made of the fixture. Projects
 * with no indicators (12345热线运作经费, 政府雇员公用经费) make no set.
 */
export function exampleBatch(snapshot: FormSnapshot): ImportBatch {
  return batchFromSnapshot(snapshot, EXAMPLE_SOURCE, { kind: 'example', tags: [EXAMPLE_TAG] });
}
