/**
 * Building the index: documents concatenated into one array of normalised codes (separated by
 * DOC_SEPARATOR_CODE, so no match can run across two documents), its suffix array, and the table that
 * maps a position back to its document and to the text the writer sees.
 *
 * Data structure (infini-gram style): a suffix array over the concatenation answers "where does this
 * context occur, and what follows it" for a context of any length by binary search, so the engine backs
 * off from the longest seen context without storing n-gram tables; all matches of a context are one
 * contiguous range, sorted by what follows, so continuations and their counts are sub-ranges too.
 * Memory: 2 bytes (codes) + 4 (suffix array) + 2 or 4 (document of each rank) + 2 (the original
 * strings) ≈ 10 bytes per character, plus 256 KB for the first rank of each code. Pure, no DOM: runs in
 * the worker, in Node and in the tests.
 */
import { buildSuffixArray } from './suffixArray';
import { cleanText, DOC_SEPARATOR_CODE, normalizeInto } from './normalize';
import type { PhraseDocument } from './types';

/** A document as the index keeps it: its text after line-ending clean-up, as the writer sees it. */
export interface IndexedDocument {
  id: string;
  title: string;
  pack: string;
  text: string;
  /** Position of the document's first character in `PhraseIndex.codes`. */
  start: number;
}

/** The built index. Read-only after `buildPhraseIndex`, apart from the query scratch space. */
export interface PhraseIndex {
  /** Normalised codes of all documents, each followed by DOC_SEPARATOR_CODE. */
  codes: Uint16Array;
  /** Suffix array of `codes`. */
  sa: Int32Array;
  /**
   * The first rank of the suffixes starting with each code (the suffix array is sorted by first code, so
   * code c's suffixes are ranks `[firstRank[c], firstRank[c + 1])`): a search starts inside its first
   * character's block, not over the whole array.
   */
  firstRank: Int32Array;
  /**
   * Document number of the suffix at each rank (`docOfRank[r]` is the document of position `sa[r]`): range
   * scans count documents by rank, and one read per rank instead of two keeps them within the latency target
   * at 10 M characters.
   */
  docOfRank: Uint16Array | Uint32Array;
  docs: IndexedDocument[];
  /** Year of each document (`docs[i]`'s year at `docYears[i]`), 0 where unknown. */
  docYears: Int16Array;
  /** Characters of document text (separators not counted). */
  chars: number;
  buildMs: number;
  /** Per-document marks used to count distinct documents in a range without allocating. */
  scratch: { stamp: number; docMarks: Uint32Array };
}

/** Builds the index over `docs`; documents with empty text are kept (for numbering) but match nothing. */
export function buildPhraseIndex(docs: readonly PhraseDocument[]): PhraseIndex {
  const t0 = performance.now();
  const cleaned = docs.map((d) => cleanText(d.text));
  let total = 0;
  for (const t of cleaned) total += t.length + 1;
  const codes = new Uint16Array(total);
  const starts = new Int32Array(docs.length + 1);
  const indexed: IndexedDocument[] = [];
  const docYears = new Int16Array(docs.length);
  let pos = 0;
  let chars = 0;
  cleaned.forEach((text, i) => {
    const d = docs[i];
    indexed.push({ id: d.id, title: d.title, pack: d.pack, text, start: pos });
    docYears[i] = documentYear(d.year);
    normalizeInto(text, codes, pos);
    starts[i] = pos;
    pos += text.length;
    codes[pos++] = DOC_SEPARATOR_CODE;
    chars += text.length;
  });
  const sa = total > 0 ? buildSuffixArray(codes) : new Int32Array(0);
  starts[docs.length] = total;
  const docOfRank = documentsOfRanks(sa, starts, docs.length, total);
  return assemblePhraseIndex(codes, sa, docOfRank, indexed, docYears, chars, performance.now() - t0);
}

/** An index from its parts (a fresh build, or one read back by `indexFile.ts`): same class, same shapes. */
export function assemblePhraseIndex(
  codes: Uint16Array,
  sa: Int32Array,
  docOfRank: Uint16Array | Uint32Array,
  docs: IndexedDocument[],
  docYears: Int16Array,
  chars: number,
  buildMs: number,
): PhraseIndex {
  return new BuiltIndex(codes, sa, firstRanks(codes), docOfRank, docs, docYears, chars, buildMs, new QueryScratch(new Uint32Array(docs.length)));
}

/*
 * The index and its scratch are class instances, not object literals: V8 records the type of each field of
 * a literal's shape, and a second index built from the same literal (an import, each size of the benchmark)
 * widened those records and threw away the compiled code of every query function that reads the index.
 */
class QueryScratch {
  stamp = 0;
  constructor(readonly docMarks: Uint32Array) {}
}

class BuiltIndex implements PhraseIndex {
  constructor(
    readonly codes: Uint16Array,
    readonly sa: Int32Array,
    readonly firstRank: Int32Array,
    readonly docOfRank: Uint16Array | Uint32Array,
    readonly docs: IndexedDocument[],
    readonly docYears: Int16Array,
    readonly chars: number,
    readonly buildMs: number,
    readonly scratch: QueryScratch,
  ) {}
}

/** `PhraseIndex.docYears`' entry for `year`: the year when it is a plausible one, else 0 (unknown). */
function documentYear(year: number | null | undefined): number {
  return typeof year === 'number' && Number.isInteger(year) && year > 0 && year <= 0x7fff ? year : 0;
}

/** An array of `length` document numbers, 16 bits wide while the documents allow. */
function documentNumbers(documents: number, length: number): Uint16Array | Uint32Array {
  return documents < 0xffff ? new Uint16Array(length) : new Uint32Array(length);
}

/** Positions per entry of the table that starts the search for a position's document (`documentsOfRanks`). */
const DOC_BLOCK_SHIFT = 10;

/**
 * The document of each rank's position (`docOfRank`), given the documents' first positions `starts` (and the
 * total at `starts[documents]`). The ranks visit positions in random order: a table of 1,024-position blocks
 * (small enough to stay in cache) gives the document at each block's start, and a binary search among the few
 * documents that begin inside the block finishes — no lookup in an array as long as the text.
 */
function documentsOfRanks(sa: Int32Array, starts: Int32Array, documents: number, total: number): Uint16Array | Uint32Array {
  const out = documentNumbers(documents, total);
  if (documents === 0) return out;
  const blocks = (total >> DOC_BLOCK_SHIFT) + 2;
  const blockDoc = new Int32Array(blocks);
  for (let b = 0, d = 0; b < blocks; b++) {
    const p = Math.min(b << DOC_BLOCK_SHIFT, total - 1);
    while (d + 1 < documents && starts[d + 1] <= p) d++;
    blockDoc[b] = d;
  }
  for (let r = 0; r < sa.length; r++) {
    const p = sa[r];
    const b = p >> DOC_BLOCK_SHIFT;
    // The last document starting at or before p, among those of blocks b and b + 1.
    let lo = blockDoc[b];
    let hi = blockDoc[b + 1];
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= p) lo = mid;
      else hi = mid - 1;
    }
    out[r] = lo;
  }
  return out;
}

/** `PhraseIndex.firstRank`: the number of codes smaller than each code. */
function firstRanks(codes: Uint16Array): Int32Array {
  const rank = new Int32Array(0x10001);
  for (let i = 0; i < codes.length; i++) rank[codes[i] + 1]++;
  for (let c = 1; c <= 0x10000; c++) rank[c] += rank[c - 1];
  return rank;
}

/** Bytes held by the index: typed arrays plus the documents' strings (2 bytes per code unit). */
export function indexBytes(index: PhraseIndex): number {
  return index.codes.byteLength + index.sa.byteLength + index.firstRank.byteLength + index.docOfRank.byteLength + index.docYears.byteLength + index.chars * 2;
}
