import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { libraryHandlers } from '@/lib/background/library-handlers';
import { requestPersistence } from '@/lib/background/persist';
import { isExtensionPage } from '@/lib/background/start';
import { TemplateLibrary } from '@/lib/db/library';
import { readTemplateSheet } from '@/lib/library/template-sheet';
import { protocol } from '@/lib/background/protocol';
import { libraryEvents } from '@/lib/library/messages';
import { CHANNEL, createClient, createMessageListener, eventMessage, MessageError, readEvent, type Sender } from '@/lib/messaging';
import { idCounter } from './helpers';

const PAGE: Sender = { id: 'ext', url: 'chrome-extension://ext/sidepanel.html' };
const CONTENT: Sender = { id: 'ext', url: 'https://portal.example/grid', tab: { id: 1 } };

const libraries: TemplateLibrary[] = [];
afterEach(() => {
  for (const l of libraries.splice(0)) l.close();
});

async function setup(sender: Sender = PAGE) {
  const library = await TemplateLibrary.open({ indexedDB: new IDBFactory(), IDBKeyRange, newId: idCounter() });
  libraries.push(library);
  const events: unknown[] = [];
  const exampleText = async () => readFileSync(new URL('../../fixtures/baiyun-perf-targets.txt', import.meta.url), 'utf8');
  const handlers = libraryHandlers(async () => library, {
    emit: (event, payload) => {
      events.push(eventMessage(event, payload));
    },
    persisted: () => true,
    exampleText,
  });
  const listener = createMessageListener(protocol, handlers, { isExtensionPage: (s) => isExtensionPage(s, 'ext', 'chrome-extension://ext/') });
  // The runtime: sendMessage → listener → sendResponse, through a structured clone like the real channel.
  const send = (message: unknown) =>
    new Promise<unknown>((resolve, reject) => {
      const kept = listener(structuredClone(message), sender, (reply) => resolve(structuredClone(reply)));
      if (!kept) setTimeout(() => reject(new Error('no listener answered')), 50);
    });
  return { library, client: createClient(send), events, listener };
}

describe('message protocol', () => {
  it('answers a search from a content script with validated, typed results', async () => {
    const { library, client } = await setup(CONTENT);
    await library.loadStarter();
    const result = await client.request('library.search', { text: 'fwdxmyd', limit: 3 });
    expect(result.hits[0]!.item.name).toBe('服务对象满意度');
    expect(result.hits[0]!.item.tags).toEqual(['常用']);
    expect(await client.request('library.stats', {})).toMatchObject({ templates: 40, starterLoaded: true, persisted: true });
  });

  it.each([
    ['library.delete', { templateIds: ['x'] }],
    ['library.commitImport', { batch: { file: 'f', kind: 'sheet', items: [], sets: [], notes: [] } }],
    ['library.exportBackup', {}],
  ] as const)('refuses %s from a content script', async (type, payload) => {
    const { client } = await setup(CONTENT);
    await expect(client.request(type, payload as never)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it.each([
    ['a wrong type', 'library.search', { text: 42 }],
    ['a query too long', 'library.search', { text: 'x'.repeat(201) }],
    ['a batch of the wrong shape', 'library.previewImport', { batch: { file: 'f', kind: 'nonsense', items: [] } }],
  ])('refuses %s on arrival, naming the message', async (_label, type, payload) => {
    const { client } = await setup();
    const failure = client.request(type as 'library.search', payload as never);
    await expect(failure).rejects.toBeInstanceOf(MessageError);
    await expect(failure).rejects.toMatchObject({ code: 'invalid-request', message: expect.stringContaining(type) });
  });

  it('leaves messages that are not ours to other listeners', async () => {
    const { listener } = await setup();
    const answered: unknown[] = [];
    expect(listener({ hello: 1 }, PAGE, (r) => answered.push(r))).toBe(false);
    expect(listener({ channel: CHANNEL, type: 'fill.apply', payload: {} }, PAGE, (r) => answered.push(r))).toBe(false);
    expect(answered).toEqual([]);
  });

  it('previews, then commits with the preview’s fingerprint, emitting progress and a change event', async () => {
    const { client, events } = await setup();
    const batch = readTemplateSheet(
      [
        { line: 1, cells: ['三级指标', '年度指标值'] },
        { line: 2, cells: ['视频会议场数', '≥100场'] },
        { line: 3, cells: ['', '≥1'] },
      ],
      'a.csv',
    );
    const preview = await client.request('library.previewImport', { batch });
    expect(preview.counts).toMatchObject({ rows: 2, new: 1, error: 1 });
    await expect(client.request('library.commitImport', { batch, expectFingerprint: preview.fingerprint })).rejects.toMatchObject({
      code: 'refused',
    });
    const result = await client.request('library.commitImport', {
      batch,
      skipBadRows: true,
      expectFingerprint: preview.fingerprint,
      jobId: 'job-1',
    });
    expect(result).toMatchObject({ added: 1, skipped: 1 });
    expect(events.map((e) => readEvent(libraryEvents, 'library.importProgress', e)).filter(Boolean)).toContainEqual({
      jobId: 'job-1',
      phase: 'writing',
      done: 1,
      total: 1,
    });
    expect(events.map((e) => readEvent(libraryEvents, 'library.changed', e)).filter(Boolean).at(-1)).toEqual({ templates: 1, sets: 0 });
  });

  it('loads the example library from the seed fixture: 16 sets (2 projects without indicators, 1 only a broken fragment)', async () => {
    const { client } = await setup();
    const result = await client.request('library.loadBuiltIn', { which: 'example' });
    expect(result).toMatchObject({ setsAdded: 16, skipped: 2 });
    const stats = await client.request('library.stats', {});
    expect(stats).toMatchObject({ sets: 16, exampleLoaded: true, starterLoaded: false });
    const suggestion = await client.request('library.suggest', { projectName: '智慧白云二期项目经费', goal: '视频会议、地理信息平台' });
    expect(suggestion.sets[0]!.item.name).toBe('智慧白云一期项目经费');
    const removed = await client.request('library.removeBuiltIn', { which: 'example' });
    expect(removed.kept).toBe(0);
    expect((await client.request('library.stats', {})).sets).toBe(0);
  });

  it.each([
    ['no reply', undefined],
    ['a reply of another shape', { result: 1 }],
    ['a failure without an error', { ok: false }],
  ])('turns %s into a no-reply error', async (_label, reply) => {
    const client = createClient(async () => reply);
    await expect(client.request('library.search', { text: 'x' })).rejects.toMatchObject({ code: 'no-reply' });
  });

  it('reads only well-formed events of the asked type', () => {
    const progress = eventMessage('library.importProgress', { jobId: 'j', phase: 'writing', done: 1, total: 2 });
    expect(readEvent(libraryEvents, 'library.importProgress', progress)).toEqual({ jobId: 'j', phase: 'writing', done: 1, total: 2 });
    expect(readEvent(libraryEvents, 'library.changed', progress)).toBeUndefined();
    expect(readEvent(libraryEvents, 'library.importProgress', { channel: CHANNEL, event: 'library.importProgress', payload: { jobId: 1 } })).toBeUndefined();
  });

  it('declares who may send each library message: only read-only ones are open to content scripts', () => {
    const open = Object.entries(protocol)
      .filter(([type, spec]) => type.startsWith('library.') && spec.from === 'any')
      .map(([type]) => type)
      .sort();
    expect(open).toEqual(['library.get', 'library.recordUse', 'library.search', 'library.searchSets', 'library.stats', 'library.suggest']);
  });
});

describe('background helpers', () => {
  it.each([
    [PAGE, true],
    [{ id: 'ext', url: 'chrome-extension://ext/options.html', tab: { id: 3 } }, true],
    [CONTENT, false],
    [{ id: 'other', url: 'chrome-extension://ext/sidepanel.html' }, false],
    [{ id: 'ext' }, false],
  ])('isExtensionPage(%j) = %s', (sender, expected) => {
    expect(isExtensionPage(sender, 'ext', 'chrome-extension://ext/')).toBe(expected);
  });

  it.each([
    ['no storage API', undefined, null],
    ['already persisted', { persisted: async () => true, persist: async () => false }, true],
    ['granted now', { persisted: async () => false, persist: async () => true }, true],
    ['refused', { persisted: async () => false, persist: async () => false }, false],
    ['throwing', { persist: async () => Promise.reject(new Error('x')) }, false],
  ])('requestPersistence with %s → %s', async (_label, storage, expected) => {
    expect(await requestPersistence(storage)).toBe(expected);
  });
});
