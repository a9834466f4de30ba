/**
 * Homophones for 提法校对: a pinyin IME slip puts a character with the same (or a confusable) toneless
 * reading in place of the right one (识→思, 护→户, 记→计). Owns the readings of a character (`pinyin-pro`,
 * every reading of a heteronym), the fuzzy key that merges the readings an IME user confuses (z/zh, c/ch,
 * s/sh, n/l, -n/-ng), and the table of the index's characters by key. Pure, no DOM.
 */
import { pinyin } from 'pinyin-pro';
import type { PhraseIndex } from '../phrases/build';

const readingsMemo = new Map<number, string[]>();

/** Toneless readings of one CJK character (empty for anything else). */
export function readingsOf(code: number): string[] {
  let r = readingsMemo.get(code);
  if (r === undefined) {
    r = isHan(code) ? [...new Set(pinyin(String.fromCharCode(code), { multiple: true, type: 'array', toneType: 'none', v: true }))].filter((p) => /^[a-z]+$/.test(p)) : [];
    readingsMemo.set(code, r);
  }
  return r;
}

export function isHan(code: number): boolean {
  return code >= 0x4e00 && code <= 0x9fff;
}

/** The reading with the distinctions an IME user blurs removed: zh→z, ch→c, sh→s, l→n, ng→n. */
export function fuzzyReading(reading: string): string {
  return reading.replace(/^([zcs])h/, '$1').replace(/^l/, 'n').replace(/ng$/, 'n');
}

/** Whether two characters share a toneless reading (`exact`) or a fuzzy one. */
export function soundAlike(a: number, b: number, exact = false): boolean {
  const ra = readingsOf(a);
  const rb = readingsOf(b);
  if (exact) return ra.some((r) => rb.includes(r));
  const fb = rb.map(fuzzyReading);
  return ra.some((r) => fb.includes(fuzzyReading(r)));
}

/** The characters the index holds at least `minCount` times, grouped by fuzzy reading, most frequent first. */
export class HomophoneTable {
  private readonly byKey = new Map<string, number[]>();
  private readonly memo = new Map<number, Uint16Array>();

  /**
   * `minCount`: characters seen fewer times are no candidates; `maxHomophones`: the most frequent this many
   * sound-alikes of a character are tried (a common reading such as shi has over 80).
   */
  constructor(private readonly index: PhraseIndex, minCount = 5, private readonly maxHomophones = 40) {
    const { firstRank } = index;
    const chars: number[] = [];
    for (let c = 0x4e00; c <= 0x9fff; c++) if (firstRank[c + 1] - firstRank[c] >= minCount) chars.push(c);
    chars.sort((a, b) => this.count(b) - this.count(a));
    for (const c of chars) {
      for (const key of new Set(readingsOf(c).map(fuzzyReading))) {
        const list = this.byKey.get(key);
        if (list) list.push(c);
        else this.byKey.set(key, [c]);
      }
    }
  }

  /** Occurrences of `code` in the index. */
  count(code: number): number {
    return this.index.firstRank[code + 1] - this.index.firstRank[code];
  }

  /** Characters that sound like `code` (fuzzy), `code` itself excluded, most frequent first. */
  of(code: number): Uint16Array {
    let r = this.memo.get(code);
    if (r === undefined) {
      const out = new Set<number>();
      for (const key of readingsOf(code).map(fuzzyReading)) for (const c of this.byKey.get(key) ?? []) if (c !== code) out.add(c);
      r = Uint16Array.from([...out].sort((a, b) => this.count(b) - this.count(a)).slice(0, this.maxHomophones));
      this.memo.set(code, r);
    }
    return r;
  }
}
