import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CORPUS_PACKS, parseCorpusManifest } from '../../../src/corpus/manifest';

const CORPUS = resolve(import.meta.dirname, '../../../corpus');
const manifest = parseCorpusManifest(JSON.parse(readFileSync(join(CORPUS, 'manifest.json'), 'utf8')));

describe('corpus manifest', () => {
  test('lists exactly the files on disk, with their true character counts', () => {
    const onDisk = CORPUS_PACKS.flatMap((p) => readdirSync(join(CORPUS, p.id)).map((f) => `${p.id}/${f}`)).sort();
    expect(manifest.documents.map((d) => d.path).sort()).toEqual(onDisk);
    for (const d of manifest.documents) {
      const text = readFileSync(join(CORPUS, d.path), 'utf8');
      expect([...text].length, d.path).toBe(d.chars);
      expect(d.path.startsWith(`${d.pack}/`)).toBe(true);
    }
  });

  test('has both packs: 9 distinct speeches and 25 reports, ids unique, provenance kept', () => {
    const count = (pack: string) => manifest.documents.filter((d) => d.pack === pack).length;
    expect(count('speeches')).toBe(9);
    expect(count('reports-2026')).toBe(25);
    expect(new Set(manifest.documents.map((d) => d.id)).size).toBe(manifest.documents.length);
    for (const d of manifest.documents) expect(d.provenance.length).toBeGreaterThan(10);
    expect(manifest.documents.find((d) => d.pack === 'reports-2026')?.provenance).toContain('johncodes404/china-provincial-gov-reports-2026');
  });

  test('speeches carry no paid markers and no speech appears twice', () => {
    const texts = manifest.documents.filter((d) => d.pack === 'speeches').map((d) => readFileSync(join(CORPUS, d.path), 'utf8'));
    for (const t of texts) expect(t).not.toMatch(/##paid/);
    expect(new Set(texts.map((t) => t.replace(/\s+/g, ''))).size).toBe(texts.length);
  });

  test('a malformed manifest is refused with a Chinese message', () => {
    expect(() => parseCorpusManifest({ version: 2 })).toThrow('语料清单格式不正确');
    expect(() => parseCorpusManifest({ version: 1, packs: [], documents: [{ id: 'x', pack: 'nope', path: 'a', title: 't', chars: 1 }] })).toThrow('语料清单中的条目不正确');
  });
});
