/**
 * Corpus words: `Intl.Segmenter` splits the terms its dictionary does not know (谱写 → 谱/写, 中国式现代化 →
 * 中国/式/现代/化, 开局之年 → 开/局/之/年); the corpus knows them. Two neighbouring fragments are joined when
 * the corpus nearly always writes them together, measured from the suffix array: the share of the left
 * one's occurrences followed by the right one, or of the right one's preceded by the left one, is at least
 * `WORD_JOIN_SHARE`, and they occur together at least `WORD_JOIN_MIN_COUNT` times. A one-character
 * fragment is a bound piece more often than a word (式, 化, 之), so it is also measured together with the
 * fragment beyond it (式现代 is always preceded by 中国, 局之 always followed by 年), and after a numeral it is
 * the numeral's ordinal or measure (二十大, 二十届). Particles (的, 和, 把…)
 * never join, and a word stays at most `WORD_MAX_CHARS` long, so chunks stay words a writer would name.
 * Chunking (`chunks.ts`) applies the joins; stops and word-by-word accept then fall on whole words. Pure, no DOM.
 */
import type { PhraseIndex } from './build';
import type { WordJoiner } from './chunks';
import { normalizeCodes } from './normalize';
import { blockOf, codeAt, findRange } from './search';

/** Share of one fragment's occurrences next to the other above which the two are one word. */
export const WORD_JOIN_SHARE = 0.6;
/** Occurrences of the joined pair needed at least: rarer pairs are chance. */
export const WORD_JOIN_MIN_COUNT = 8;
/** A joined word is at most this long (characters). */
export const WORD_MAX_CHARS = 6;
/** Characters that are words of their own and never join a neighbour. */
const PARTICLES = new Set(Array.from('的地得了着和与及或并而是在把被对向于以为也都就又'));
/** A run of these is a numeral; one character after it is its ordinal or measure (二十大, 二十届, 四中). */
const NUMERAL = /^[一二三四五六七八九十百千]+$/u;
const HAN_ONLY = /^\p{Script=Han}+$/u;
/** Counts remembered per index (the same fragments come back at every query). */
const COUNT_MEMO_LIMIT = 65_536;

class IndexWords implements WordJoiner {
  private readonly counts = new Map<string, number>();

  constructor(private readonly index: PhraseIndex) {}

  /** Occurrences of `text` in the corpus. */
  count(text: string): number {
    const known = this.counts.get(text);
    if (known !== undefined) return known;
    const codes = normalizeCodes(text);
    const [lo, hi] = findRange(this.index, codes, 0, codes.length);
    if (this.counts.size >= COUNT_MEMO_LIMIT) this.counts.clear();
    this.counts.set(text, hi - lo);
    return hi - lo;
  }

  /** The share `together / of`, when `together` is frequent enough to count. */
  private share(together: string, of: string): number {
    const n = this.count(together);
    return n < WORD_JOIN_MIN_COUNT ? 0 : n / Math.max(1, this.count(of));
  }

  /** True when the corpus nearly always writes the fragments `left` and `right` one after the other. */
  private pairJoins(left: string, right: string): boolean {
    if (!joinable(left) || !joinable(right)) return false;
    const both = left + right;
    return this.share(both, left) >= WORD_JOIN_SHARE || this.share(both, right) >= WORD_JOIN_SHARE;
  }

  join(fragments: readonly string[]): string[] {
    // Pass 1: neighbouring fragments nearly always written together (谱/写, 现代/化, 社会/主义).
    const words: string[][] = [];
    for (let i = 0; i < fragments.length; i++) {
      const last = words[words.length - 1];
      if (last && this.pairJoins(fragments[i - 1], fragments[i]) && wordLength(last) + fragments[i].length <= WORD_MAX_CHARS) last.push(fragments[i]);
      else words.push([fragments[i]]);
    }
    // Pass 2: a one-character fragment left alone is measured with both neighbours: 式 joins 中国 because
    // 式现代化 is nearly always preceded by 中国, and 中国式 is nearly always followed by 现代化.
    const out: string[] = [];
    for (let i = 0; i < words.length; i++) {
      const word = words[i].join('');
      const prev = out[out.length - 1];
      const next = words[i + 1]?.join('');
      if (prev !== undefined && words[i].length === 1 && word.length === 1 && joinable(word) && joinable(prev)) {
        if (next === undefined || !joinable(next)) {
          // At the end of a run only the chunk before can tell (新质生产 is nearly always followed by 力).
          if (prev.length + 1 <= WORD_MAX_CHARS && (NUMERAL.test(prev) || this.share(prev + word, prev) >= WORD_JOIN_SHARE)) out[out.length - 1] += word;
          else out.push(word);
          continue;
        }
        const joinsLeft = prev.length + 1 <= WORD_MAX_CHARS
          && (NUMERAL.test(prev) || this.share(prev + word + next, word + next) >= WORD_JOIN_SHARE || this.share(prev + word, prev) >= WORD_JOIN_SHARE);
        const joinsRight = (joinsLeft ? prev.length : 0) + 1 + next.length <= WORD_MAX_CHARS
          && (this.share(prev + word + next, prev + word) >= WORD_JOIN_SHARE || this.share(word + next, next) >= WORD_JOIN_SHARE);
        if (joinsLeft) out[out.length - 1] += word;
        if (joinsRight) {
          if (joinsLeft) out[out.length - 1] += next;
          else out.push(word + next);
          i++;
        } else if (!joinsLeft) out.push(word);
        continue;
      }
      out.push(word);
    }
    return out;
  }

  endsInside(chunks: readonly string[]): boolean {
    let tail = chunks[chunks.length - 1];
    if (tail === undefined || !joinable(tail)) return false;
    // A one-character end is measured with the chunk before it (开局之 goes on with 年).
    const before = chunks[chunks.length - 2];
    if (tail.length === 1 && before !== undefined && HAN_ONLY.test(before)) tail = before.slice(-2) + tail;
    return this.majorityNextShare(tail) >= WORD_JOIN_SHARE;
  }

  /** The share of `text`'s occurrences followed by its most frequent next character (0 when too rare). */
  private majorityNextShare(text: string): number {
    const codes = normalizeCodes(text);
    const [lo, hi] = findRange(this.index, codes, 0, codes.length);
    if (hi - lo < WORD_JOIN_MIN_COUNT) return 0;
    // Above one half, the majority next code is the one at the middle rank.
    const code = codeAt(this.index, (lo + hi) >>> 1, codes.length);
    if (!HAN_ONLY.test(String.fromCharCode(code))) return 0;
    const [blo, bhi] = blockOf(this.index, lo, hi, codes.length, code);
    return bhi - blo < WORD_JOIN_MIN_COUNT ? 0 : (bhi - blo) / (hi - lo);
  }
}

function wordLength(fragments: readonly string[]): number {
  let n = 0;
  for (const f of fragments) n += f.length;
  return n;
}

function joinable(fragment: string): boolean {
  return HAN_ONLY.test(fragment) && !(fragment.length === 1 && PARTICLES.has(fragment));
}

const byIndex = new WeakMap<PhraseIndex, IndexWords>();

/** The corpus words of `index` (one joiner per index, its counts remembered). */
export function corpusWords(index: PhraseIndex): WordJoiner & { count(text: string): number } {
  let words = byIndex.get(index);
  if (!words) byIndex.set(index, (words = new IndexWords(index)));
  return words;
}
