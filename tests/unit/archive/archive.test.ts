import { describe, expect, test } from 'vitest';
import { detectDate, parseDateInput } from '../../../src/archive/dates';
import {
  contentHash, DuplicateIndex, estimatedJaccard, findDuplicate, fingerprintText, jaccard, NEAR_DUPLICATE_JACCARD, shingleHashes, type Fingerprint,
} from '../../../src/archive/duplicates';
import { importSummary } from '../../../src/archive/summary';

const NOW = new Date(Date.UTC(2026, 11, 2));
const FILE_MS = Date.UTC(2018, 0, 15, 12);

describe('date detection on real-style lines', () => {
  test.each([
    ['在县委全会上的讲话\n（2017年3月15日）\n同志们：', '2017-03-15', 2017],
    ['在县委全会上的讲话\n(2017年3月15日)\n同志们：', '2017-03-15', 2017],
    ['讲话\n（二〇一九年十二月二十八日）', '2019-12-28', 2019],
    ['讲话\n（２０２２年１月６日）', '2022-01-06', 2022],
    ['县长 张三\n2023年3月\n同志们：', '2023-03', 2023],
    ['现在，我代表县人民政府，向大会报告工作。2024年1月10日在县第十八届人大三次会议上', '2024-01-10', 2024],
  ])('%s', (text, date, year) => {
    expect(detectDate(text, FILE_MS, NOW)).toEqual({ date, year, fromText: true });
  });

  test('a dateline wins over an earlier month in the text', () => {
    expect(detectDate('回顾2020年6月以来的工作\n（2021年1月8日）', FILE_MS, NOW).date).toBe('2021-01-08');
  });

  test('no date, or an implausible one, falls back to the file date', () => {
    expect(detectDate('同志们：\n我讲三点意见。', FILE_MS, NOW)).toEqual({ date: '2018-01-15', year: 2018, fromText: false });
    expect(detectDate('到2035年基本实现现代化', FILE_MS, NOW).fromText).toBe(false);
    expect(detectDate('第1830年13月', FILE_MS, NOW).fromText).toBe(false);
  });

  test('a date the writer types', () => {
    expect(parseDateInput('2023')).toEqual({ date: '2023', year: 2023 });
    expect(parseDateInput('2023-3')).toEqual({ date: '2023-03', year: 2023 });
    expect(parseDateInput('2023年3月5日')).toEqual({ date: '2023-03-05', year: 2023 });
    expect(parseDateInput('2023/13/1')).toBeNull();
    expect(parseDateInput('去年')).toBeNull();
  });
});

const BASE = Array.from({ length: 40 }, (_, i) => `第${i + 1}条，要坚持以人民为中心的发展思想，推动第${i + 1}项重点工作落地见效，确保各项任务按期完成。`).join('\n');

describe('duplicates', () => {
  test('the same text with other whitespace hashes the same', async () => {
    expect(await contentHash(BASE)).toBe(await contentHash(`\u3000\u3000${BASE.replace(/\n/g, '\n\n  ')}\n`));
    expect(await contentHash(BASE)).not.toBe(await contentHash(BASE.replace('第1条', '第一条')));
  });

  test('a copy with small edits is a near duplicate; a different speech on the same topic is not', async () => {
    const edited = BASE.replace('第3条', '第三条').replace('按期完成。', '按时完成。');
    const a = await fingerprintText(BASE);
    const b = await fingerprintText(edited);
    expect(jaccard(a.shingles, b.shingles)).toBeGreaterThanOrEqual(0.9);
    const known = [{ hash: a.hash, signature: a.signature, text: BASE, title: '原稿' }];
    expect(findDuplicate(b, known)).toMatchObject({ kind: 'near-duplicate', of: { title: '原稿' } });
    expect(findDuplicate(a, known)).toMatchObject({ kind: 'duplicate' });

    const half = BASE.split('\n').slice(0, 20).join('\n') + '\n' + Array.from({ length: 20 }, (_, i) => `另一方面，要扎实推进乡村振兴第${i}项工程，壮大村集体经济。`).join('\n');
    const c = await fingerprintText(half);
    expect(jaccard(a.shingles, c.shingles)).toBeLessThan(0.9);
    expect(findDuplicate(c, known)).toBeNull();
  });

  test('a short text is one shingle', () => {
    expect(shingleHashes('同志们').length).toBe(1);
  });
});

describe('the duplicate index (signature bands)', () => {
  /** A speech whose paragraphs are drawn from a shared pool, so that texts overlap a little or a lot. */
  const POOL = Array.from({ length: 60 }, (_, i) => `第${i}段：要坚持稳中求进工作总基调，统筹推进第${i * 7}项重点任务和第${i * 13}个民生项目。`);
  function speech(seed: number): string {
    let x = seed;
    const next = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) % POOL.length);
    return Array.from({ length: 30 }, () => POOL[next()]).join('\n');
  }
  /** `text` with `edits` paragraphs replaced: from a near copy (1–2) to a different speech (many). */
  const edited = (text: string, edits: number, seed: number) => text.split('\n').map((p, i) => (i < edits ? `改写${seed}-${i}：${p.slice(6)}完善` : p)).join('\n');

  /** The definition the index must agree with: same hash, else estimate ≥ 0.8 and exact Jaccard ≥ 0.9, against every known text. */
  function bruteForce(c: { hash: string; signature: number[]; shingles: Uint32Array }, known: (Fingerprint & { shingles: Uint32Array })[]): string | null {
    if (known.some((k) => k.hash === c.hash)) return 'duplicate';
    return known.some((k) => estimatedJaccard(c.signature, k.signature) >= 0.8 && jaccard(c.shingles, k.shingles) >= NEAR_DUPLICATE_JACCARD) ? 'near-duplicate' : null;
  }

  test('finds exactly what a comparison with every known document finds', async () => {
    const known: (Fingerprint & { shingles: Uint32Array })[] = [];
    for (let n = 0; n < 120; n++) {
      const text = speech(n + 1);
      known.push({ ...(await fingerprintText(text)), text, title: `讲话${n}` });
    }
    const index = new DuplicateIndex(known);
    const kinds = new Map<string | null, number>();
    for (let n = 0; n < 120; n++) {
      const text = n % 4 === 0 ? known[n].text : edited(known[n].text, n % 9, n);
      const fp = await fingerprintText(text);
      const expected = bruteForce(fp, known);
      expect(index.find({ ...fp, text })?.kind ?? null).toBe(expected);
      expect(findDuplicate({ ...fp, text }, known)?.kind ?? null).toBe(expected);
      kinds.set(expected, (kinds.get(expected) ?? 0) + 1);
    }
    // The cases cover all three answers.
    expect(kinds.get('duplicate')).toBeGreaterThan(10);
    expect(kinds.get('near-duplicate')).toBeGreaterThan(10);
    expect(kinds.get(null)).toBeGreaterThan(10);
  });

  test('an added document is found by the next check; shingles are computed from the text when not given', async () => {
    const index = new DuplicateIndex();
    const text = speech(7);
    const fp = await fingerprintText(text);
    expect(index.find({ hash: fp.hash, signature: fp.signature, text })).toBeNull();
    index.add({ hash: fp.hash, signature: fp.signature, text, title: '原稿' });
    const near = edited(text, 1, 99);
    const nfp = await fingerprintText(near);
    expect(index.find({ hash: nfp.hash, signature: nfp.signature, text: near })).toMatchObject({ kind: 'near-duplicate', of: { title: '原稿' } });
  });
});

describe('import summary', () => {
  test('counts each kind in a fixed order', () => {
    const skipped = [
      ...Array(3).fill({ kind: 'duplicate' }), ...Array(2).fill({ kind: 'empty' }), { kind: 'near-duplicate' }, { kind: 'unsupported' },
      { kind: 'unreadable' }, { kind: 'too-large' },
    ];
    expect(importSummary(212, skipped)).toBe('已加入 212 篇，跳过 9 篇：3 篇重复、1 篇与已有文稿近似、2 篇为空、1 篇格式不支持、1 篇无法读取、1 篇过大。');
    expect(importSummary(5, [])).toBe('已加入 5 篇。');
    expect(importSummary(2, [], true)).toBe('已取消，已加入 2 篇。');
  });
});
