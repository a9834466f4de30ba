/**
 * The built phrase index as one ArrayBuffer, so that a page load reads it instead of rebuilding the suffix
 * array (`storage/phraseIndexCache.ts` keeps it; the worker writes and reads it). Owns the file layout, the
 * content key of an index's inputs, and the checks on load: a buffer that is truncated, of another format
 * version, built from other inputs or altered is refused (the caller rebuilds), never used. Pure, no DOM;
 * Web Crypto (SHA-256, for the content key) is in the worker, the page and Node.
 *
 * Layout (little-endian; every section starts on an 8-byte boundary so typed arrays view it in place):
 *   0  magic "JGIX"            4  format version (u32)     8  section count (u32)   12  reserved (u32)
 *   16 content key (64 ASCII hex digits)                  80 checksum of everything after the header
 *                                                            (`bodyChecksum`, 8 bytes, then 24 zero bytes)
 *   112 section table: per section its offset and byte length (2 × u32)
 *   sections: meta (UTF-8 JSON: documents, chars), codes (u16), sa (i32), docOfRank (u16 or u32),
 *             docYears (i16), texts (u16: each document's text at its `start` in `codes`)
 */
import { assemblePhraseIndex, type PhraseIndex } from './build';
import { PROVINCE_NAMES } from './places';

/** Bump whenever the layout, the build (normalisation, suffix order) or the meaning of a section changes. */
export const INDEX_FORMAT_VERSION = 2;

const MAGIC = 0x58494a47; // "JGIX" read as a little-endian u32
const KEY_OFFSET = 16;
const KEY_CHARS = 64;
const CHECKSUM_OFFSET = 80;
const CHECKSUM_BYTES = 32;
const TABLE_OFFSET = 112;
const SECTION_COUNT = 6;
const HEADER_BYTES = TABLE_OFFSET + SECTION_COUNT * 8;
const ALIGN_BYTES = 8;

/** What the key of an index is computed from: one entry per document, in index order. */
export interface IndexInputDescriptor {
  id: string;
  pack: string;
  title: string;
  year?: number | null;
  /** A hash of the document's text (the manifest's SHA-256, or one computed for the writer's documents). */
  contentHash: string;
}

interface IndexMeta {
  chars: number;
  buildMs: number;
  wideDocs: boolean;
  docs: { id: string; title: string; pack: string; start: number; length: number }[];
}

/** Why a buffer was refused. */
export type IndexFileProblem = 'truncated' | 'magic' | 'version' | 'key' | 'checksum' | 'layout';

export class IndexFileError extends Error {
  constructor(readonly problem: IndexFileProblem, message: string) {
    super(message);
  }
}

/** SHA-256 of `data` as 64 hex digits. */
export async function sha256Hex(data: BufferSource | string): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The content key of an index over `inputs`: the format version, the normalisation's fixed tables (the
 * province names it masks) and each document's identity, title, year and text hash, hashed.
 */
export function indexContentKey(inputs: readonly IndexInputDescriptor[]): Promise<string> {
  const lines = [`jianggao-phrase-index ${INDEX_FORMAT_VERSION}`, PROVINCE_NAMES.join(',')];
  for (const d of inputs) lines.push(JSON.stringify([d.id, d.pack, d.title, d.year ?? null, d.contentHash]));
  return sha256Hex(lines.join('\n'));
}

const align = (n: number): number => Math.ceil(n / ALIGN_BYTES) * ALIGN_BYTES;

/** `index` as one buffer carrying `key` (from `indexContentKey` over the inputs it was built from). */
export async function serializePhraseIndex(index: PhraseIndex, key: string): Promise<ArrayBuffer> {
  if (!/^[0-9a-f]{64}$/.test(key)) throw new Error('serializePhraseIndex: the key must be 64 hex digits');
  const meta: IndexMeta = {
    chars: index.chars,
    buildMs: index.buildMs,
    wideDocs: index.docOfRank instanceof Uint32Array,
    docs: index.docs.map((d) => ({ id: d.id, title: d.title, pack: d.pack, start: d.start, length: d.text.length })),
  };
  const texts = new Uint16Array(index.codes.length);
  for (const d of index.docs) for (let i = 0; i < d.text.length; i++) texts[d.start + i] = d.text.charCodeAt(i);
  const sections: Uint8Array[] = [
    new TextEncoder().encode(JSON.stringify(meta)),
    bytesOf(index.codes), bytesOf(index.sa), bytesOf(index.docOfRank), bytesOf(index.docYears), bytesOf(texts),
  ];
  let end = HEADER_BYTES;
  const offsets = sections.map((s) => {
    const at = align(end);
    end = at + s.byteLength;
    return at;
  });
  const buffer = new ArrayBuffer(align(end));
  const bytes = new Uint8Array(buffer);
  const view = new DataView(buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, INDEX_FORMAT_VERSION, true);
  view.setUint32(8, SECTION_COUNT, true);
  for (let i = 0; i < KEY_CHARS; i++) bytes[KEY_OFFSET + i] = key.charCodeAt(i);
  sections.forEach((s, i) => {
    view.setUint32(TABLE_OFFSET + i * 8, offsets[i], true);
    view.setUint32(TABLE_OFFSET + i * 8 + 4, s.byteLength, true);
    bytes.set(s, offsets[i]);
  });
  const [a, b] = bodyChecksum(buffer);
  view.setUint32(CHECKSUM_OFFSET, a, true);
  view.setUint32(CHECKSUM_OFFSET + 4, b, true);
  return buffer;
}

/**
 * A 64-bit checksum of everything after the header: two lanes over alternate 32-bit words, each step
 * (xor, multiply by an odd constant, rotate) a bijection of the lane for a fixed word and of the word for a
 * fixed lane, so any one changed word always changes the result. It guards against damage, not tampering
 * (the file is the browser's own cache); about six times faster than SHA-256, which mattered on a page load.
 */
export function bodyChecksum(buffer: ArrayBuffer): [number, number] {
  const bodyBytes = buffer.byteLength - HEADER_BYTES;
  const words = new Uint32Array(buffer, HEADER_BYTES, bodyBytes >>> 2);
  let a = 0x811c9dc5 ^ bodyBytes;
  let b = 0x9e3779b9;
  const even = words.length & ~1;
  for (let i = 0; i < even; i += 2) {
    a = Math.imul(a ^ words[i], 0x01000193);
    a = (a << 13) | (a >>> 19);
    b = Math.imul(b ^ words[i + 1], 0x85ebca6b);
    b = (b << 15) | (b >>> 17);
  }
  const tail = new Uint8Array(buffer, HEADER_BYTES + even * 4);
  for (let i = 0; i < tail.length; i++) {
    b = Math.imul(b ^ tail[i], 0x85ebca6b);
    b = (b << 15) | (b >>> 17);
  }
  return [Math.imul(a ^ (b >>> 16), 0x7feb352d) >>> 0, Math.imul(b ^ (a >>> 15), 0x846ca68b) >>> 0];
}

function bytesOf(a: Uint16Array | Int32Array | Uint32Array | Int16Array): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

/** The key a buffer says it was built for (null when it is not an index file of this format). */
export function indexFileKey(buffer: ArrayBuffer): string | null {
  if (buffer.byteLength < HEADER_BYTES) return null;
  const view = new DataView(buffer);
  if (view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== INDEX_FORMAT_VERSION) return null;
  return String.fromCharCode(...new Uint8Array(buffer, KEY_OFFSET, KEY_CHARS));
}

/**
 * The index in `buffer`, checked: magic, format version, `expectedKey`, every section inside the buffer,
 * and the checksum of the body (its time in `timing`). The typed arrays are views on `buffer` (no copy).
 * Throws `IndexFileError`.
 */
export async function deserializePhraseIndex(buffer: ArrayBuffer, expectedKey: string, timing?: { checksumMs: number }): Promise<PhraseIndex> {
  if (buffer.byteLength < HEADER_BYTES) throw new IndexFileError('truncated', `索引文件不完整（${buffer.byteLength} 字节）`);
  const view = new DataView(buffer);
  if (view.getUint32(0, true) !== MAGIC) throw new IndexFileError('magic', '不是提法索引文件');
  const version = view.getUint32(4, true);
  if (version !== INDEX_FORMAT_VERSION) throw new IndexFileError('version', `索引文件格式版本 ${version} 与本程序（${INDEX_FORMAT_VERSION}）不符`);
  if (view.getUint32(8, true) !== SECTION_COUNT) throw new IndexFileError('layout', '索引文件的分段数不符');
  if (indexFileKey(buffer) !== expectedKey) throw new IndexFileError('key', '索引文件与当前语料不符');
  const sections: [number, number][] = [];
  for (let i = 0; i < SECTION_COUNT; i++) {
    const at = view.getUint32(TABLE_OFFSET + i * 8, true);
    const length = view.getUint32(TABLE_OFFSET + i * 8 + 4, true);
    if (at < HEADER_BYTES || at % ALIGN_BYTES !== 0 || at + length > buffer.byteLength) throw new IndexFileError('truncated', '索引文件不完整');
    sections.push([at, length]);
  }
  const t0 = performance.now();
  const [a, b] = bodyChecksum(buffer);
  if (timing) timing.checksumMs = performance.now() - t0;
  const padding = new Uint8Array(buffer, CHECKSUM_OFFSET + 8, CHECKSUM_BYTES - 8);
  if (view.getUint32(CHECKSUM_OFFSET, true) !== a || view.getUint32(CHECKSUM_OFFSET + 4, true) !== b || padding.some((x) => x !== 0)) {
    throw new IndexFileError('checksum', '索引文件已损坏（校验和不符）');
  }

  const [metaAt, metaLength] = sections[0];
  let meta: IndexMeta;
  try {
    meta = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, metaAt, metaLength))) as IndexMeta;
  } catch {
    throw new IndexFileError('layout', '索引文件的文档表无法读取');
  }
  const section = <T>(i: number, make: (b: ArrayBuffer, at: number, n: number) => T, width: number): T => {
    const [at, length] = sections[i];
    if (length % width !== 0) throw new IndexFileError('layout', '索引文件的分段长度不符');
    return make(buffer, at, length / width);
  };
  const codes = section(1, (b, at, n) => new Uint16Array(b, at, n), 2);
  const sa = section(2, (b, at, n) => new Int32Array(b, at, n), 4);
  const docOfRank = meta.wideDocs ? section(3, (b, at, n) => new Uint32Array(b, at, n), 4) : section(3, (b, at, n) => new Uint16Array(b, at, n), 2);
  const docYears = section(4, (b, at, n) => new Int16Array(b, at, n), 2);
  const texts = section(5, (b, at, n) => new Uint16Array(b, at, n), 2);
  if (sa.length !== codes.length || docOfRank.length !== codes.length || texts.length !== codes.length || docYears.length !== meta.docs.length) {
    throw new IndexFileError('layout', '索引文件的分段长度不符');
  }
  // One string for all texts, each document's a slice of it (V8 shares the characters); a leading BOM is kept.
  const all = new TextDecoder('utf-16le', { ignoreBOM: true }).decode(texts);
  const docs = meta.docs.map((d) => ({ id: d.id, title: d.title, pack: d.pack, start: d.start, text: all.slice(d.start, d.start + d.length) }));
  return assemblePhraseIndex(codes, sa, docOfRank, docs, docYears, meta.chars, meta.buildMs);
}
