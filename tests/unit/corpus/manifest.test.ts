import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CORPUS_PACKS, parseCorpusManifest, summarisePack, yearRangeText } from '../../../src/corpus/manifest';

const CORPUS = resolve(import.meta.dirname, '../../../corpus');
const manifest = parseCorpusManifest(JSON.parse(readFileSync(join(CORPUS, 'manifest.json'), 'utf8')));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [relative(CORPUS, path)];
  });
}

describe('corpus manifest', () => {
  test('every file under corpus/ is listed, and every entry matches its file: size, hash, characters', () => {
    const onDisk = filesUnder(CORPUS).filter((f) => f !== 'manifest.json').sort();
    expect(manifest.documents.map((d) => d.path).sort()).toEqual(onDisk);
    for (const d of manifest.documents) {
      const bytes = readFileSync(join(CORPUS, d.path));
      expect(bytes.length, d.path).toBe(d.bytes);
      expect(createHash('sha256').update(bytes).digest('hex'), d.path).toBe(d.sha256);
      expect([...bytes.toString('utf8')].length, d.path).toBe(d.chars);
      expect(d.path.startsWith(`${d.pack}/`)).toBe(true);
    }
  });

  test('ships the six corpus packs in order, each with the counts, characters and years of its documents', () => {
    expect(manifest.packs.map((p) => p.id)).toEqual(CORPUS_PACKS.map((p) => p.id));
    expect(manifest.packs).toHaveLength(6);
    for (const p of manifest.packs) {
      expect(p).toEqual(summarisePack(CORPUS_PACKS.find((d) => d.id === p.id)!, manifest.documents));
      expect(p.documents, p.id).toBeGreaterThan(0);
      for (const d of manifest.documents.filter((e) => e.pack === p.id)) {
        expect([d.genre, d.level], d.id).toEqual([p.genre, p.level]);
      }
    }
    const count = (pack: string) => manifest.packs.find((p) => p.id === pack)!.documents;
    expect([count('speeches'), count('reports-2026'), count('reports-2025'), count('national-reports'), count('congress-reports'), count('central-documents')])
      .toEqual([9, 25, 31, 25, 6, 10]);
    const range = (pack: string) => yearRangeText(manifest.packs.find((p) => p.id === pack)!.years);
    expect(range('national-reports')).toBe('2000—2025');
    expect(range('congress-reports')).toBe('1997—2022');
    expect(range('reports-2026')).toBe('2026');
    expect(new Set(manifest.documents.map((d) => d.id)).size).toBe(manifest.documents.length);
  });

  test('every document has a year (a seed speech with the reason from its text), dates fall in it', () => {
    for (const d of manifest.documents) {
      expect(d.year === null ? d.yearNote : d.year, d.id).toBeTruthy();
      if (d.date) expect(d.date.slice(0, 4), d.id).toBe(String(d.year));
    }
    const speeches = manifest.documents.filter((d) => d.pack === 'speeches');
    for (const d of speeches) expect(d.yearNote, d.id).toBeTruthy();
    expect(speeches.find((d) => d.id === 'speech-004')?.year).toBe(2017);
    expect(speeches.filter((d) => d.id.startsWith('speech-002-')).map((d) => d.year)).toEqual([2023, 2023, 2023, 2023, 2023]);
    expect(manifest.documents.find((d) => d.id === 'congress-20')?.date).toBe('2022-10-16');
    expect(manifest.documents.find((d) => d.id === 'national-2013')?.year).toBe(2013);
  });

  test('provenance is kept: repository, commit and path for every public document, the source url where given', () => {
    for (const d of manifest.documents) {
      expect(d.provenance.note.length, d.id).toBeGreaterThan(10);
      if (d.pack === 'speeches') continue;
      expect(d.provenance.repository, d.id).toMatch(/^[\w.-]+\/[\w.-]+$/);
      expect(d.provenance.commit, d.id).toMatch(/^[0-9a-f]{40}$/);
      expect(d.provenance.path, d.id).toBeTruthy();
    }
    expect(manifest.documents.find((d) => d.pack === 'reports-2026')?.provenance.repository).toBe('johncodes404/china-provincial-gov-reports-2026');
    for (const d of manifest.documents.filter((e) => e.pack === 'national-reports' || e.pack === 'congress-reports')) {
      expect(d.provenance.url, d.id).toMatch(/^https:\/\/zh\.wikisource\.org\//);
    }
  });

  test('speeches carry no paid markers and no speech appears twice', () => {
    const texts = manifest.documents.filter((d) => d.pack === 'speeches').map((d) => readFileSync(join(CORPUS, d.path), 'utf8'));
    for (const t of texts) expect(t).not.toMatch(/##paid/);
    expect(new Set(texts.map((t) => t.replace(/\s+/g, ''))).size).toBe(texts.length);
  });

  test('a malformed manifest is refused with a Chinese message', () => {
    const good = manifest.documents[0];
    const packs = manifest.packs;
    expect(() => parseCorpusManifest({ version: 1 })).toThrow('语料清单格式不正确');
    expect(() => parseCorpusManifest({ version: 2, packs: [], documents: [good] })).toThrow('语料清单中的条目不正确');
    expect(() => parseCorpusManifest({ version: 2, packs, documents: [{ ...good, year: null, yearNote: null }] })).toThrow('年份');
    expect(() => parseCorpusManifest({ version: 2, packs, documents: [{ ...good, year: 2017, date: '2022-01-01' }] })).toThrow('日期与年份不符');
    expect(() => parseCorpusManifest({ version: 2, packs, documents: [{ ...good, sha256: 'x' }] })).toThrow('SHA-256');
    expect(() => parseCorpusManifest({ version: 2, packs, documents: [{ ...good, genre: '通知' }] })).toThrow('文种或层级');
  });
});
