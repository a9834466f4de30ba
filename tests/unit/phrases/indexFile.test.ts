import { describe, expect, it } from 'vitest';
import { buildPhraseIndex, type PhraseIndex } from '../../../src/phrases/build';
import { deserializePhraseIndex, indexContentKey, indexFileKey, INDEX_FORMAT_VERSION, IndexFileError, serializePhraseIndex, type IndexInputDescriptor } from '../../../src/phrases/indexFile';
import { suggestFromIndex } from '../../../src/phrases/query';
import type { PhraseDocument } from '../../../src/phrases/types';

const DOCS: PhraseDocument[] = [
  { id: 'a', title: '甲', pack: 'p', year: 2023, text: '\uFEFF要坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神。\n推动高质量发展。' },
  { id: 'b', title: '乙', pack: 'p', year: 2024, text: '要坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻中央经济工作会议精神。' },
  { id: 'c', title: '丙', pack: 'q', text: '坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大和二十届二中全会精神。' },
];

const descriptors = (docs: PhraseDocument[]): IndexInputDescriptor[] => docs.map((d) => ({ id: d.id, pack: d.pack, title: d.title, year: d.year, contentHash: String(d.text.length) }));

async function roundTrip(): Promise<{ index: PhraseIndex; key: string; buffer: ArrayBuffer }> {
  const index = buildPhraseIndex(DOCS);
  const key = await indexContentKey(descriptors(DOCS));
  return { index, key, buffer: await serializePhraseIndex(index, key) };
}

async function problemOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof IndexFileError) return e.problem;
    throw e;
  }
  return 'accepted';
}

describe('index file', () => {
  it('round trip: the same arrays, documents and years, and the same suggestions', async () => {
    const { index, key, buffer } = await roundTrip();
    expect(indexFileKey(buffer)).toBe(key);
    const back = await deserializePhraseIndex(buffer, key);
    expect([...back.codes]).toEqual([...index.codes]);
    expect([...back.sa]).toEqual([...index.sa]);
    expect([...back.firstRank]).toEqual([...index.firstRank]);
    expect([...back.docOfRank]).toEqual([...index.docOfRank]);
    expect([...back.docYears]).toEqual([2023, 2024, 0]);
    expect(back.docs).toEqual(index.docs);
    expect(back.docs[0].text.startsWith('\uFEFF')).toBe(true);
    expect(back.chars).toBe(index.chars);
    // Views on the buffer, not copies.
    expect(back.sa.buffer).toBe(buffer);
    const text = '我们要坚持以习近平新时代';
    const before = suggestFromIndex(index, text);
    expect(before.length).toBeGreaterThan(0);
    expect(suggestFromIndex(back, text)).toEqual(before);
  });

  it('the key changes with a document text, title, year, order or the format version', async () => {
    const base = descriptors(DOCS);
    const key = await indexContentKey(base);
    const variants = [
      base.map((d, i) => (i === 1 ? { ...d, contentHash: 'x' } : d)),
      base.map((d, i) => (i === 1 ? { ...d, title: '乙二' } : d)),
      base.map((d, i) => (i === 1 ? { ...d, year: 2025 } : d)),
      [...base].reverse(),
      base.slice(1),
    ];
    const keys = await Promise.all(variants.map((v) => indexContentKey(v)));
    for (const k of keys) expect(k).not.toBe(key);
    expect(await indexContentKey(base)).toBe(key);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a buffer built for other inputs is refused (key mismatch)', async () => {
    const { buffer } = await roundTrip();
    const other = await indexContentKey(descriptors(DOCS.slice(1)));
    expect(await problemOf(deserializePhraseIndex(buffer, other))).toBe('key');
  });

  it('a flipped byte anywhere in the body is refused (checksum mismatch)', async () => {
    const { key, buffer } = await roundTrip();
    for (const at of [200, Math.floor(buffer.byteLength / 2), buffer.byteLength - 3]) {
      const copy = buffer.slice(0);
      new Uint8Array(copy)[at] ^= 0x40;
      expect(await problemOf(deserializePhraseIndex(copy, key))).toBe('checksum');
    }
  });

  it('a truncated buffer is refused, at any length', async () => {
    const { key, buffer } = await roundTrip();
    for (const length of [0, 10, 100, 150, Math.floor(buffer.byteLength / 2), buffer.byteLength - 8]) {
      expect(['truncated', 'checksum']).toContain(await problemOf(deserializePhraseIndex(buffer.slice(0, length), key)));
    }
  });

  it('another format version or a foreign file is refused', async () => {
    const { key, buffer } = await roundTrip();
    const newer = buffer.slice(0);
    new DataView(newer).setUint32(4, INDEX_FORMAT_VERSION + 1, true);
    expect(await problemOf(deserializePhraseIndex(newer, key))).toBe('version');
    expect(indexFileKey(newer)).toBeNull();
    const foreign = new TextEncoder().encode('PK\u0003\u0004 not an index'.padEnd(400, ' ')).buffer as ArrayBuffer;
    expect(await problemOf(deserializePhraseIndex(foreign, key))).toBe('magic');
  });
});
