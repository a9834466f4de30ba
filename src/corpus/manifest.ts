/**
 * The shape of corpus/manifest.json and its validation. Shared by the corpus script (which writes it),
 * the app (which fetches it) and the tests (which check it against the files). No DOM, no fetch here.
 */

export const CORPUS_GENRES = ['讲话', '工作报告', '中央文件'] as const;
export type CorpusGenre = (typeof CORPUS_GENRES)[number];
export const CORPUS_LEVELS = ['中央', '省级', '地方'] as const;
export type CorpusLevel = (typeof CORPUS_LEVELS)[number];

/** A pack's fixed description; the corpus script adds the counts and the year range it measures. */
export interface CorpusPackDefinition { id: string; name: string; description: string; genre: CorpusGenre; level: CorpusLevel }

export interface CorpusPack extends CorpusPackDefinition {
  documents: number;
  /** Sum of the documents' lengths in Unicode code points. */
  chars: number;
  /** Earliest and latest document year; null when no document has a year. */
  years: { from: number; to: number } | null;
}

/** Where a document was read from: the public repository, commit and path (and page) named by the source folder. */
export interface CorpusProvenance {
  repository: string | null;
  commit: string | null;
  /** Path inside the repository (a zip member after `!`), or the pattern the source names. */
  path: string | null;
  url: string | null;
  /** What was done to the text and on what ground it ships, in Chinese. */
  note: string;
}

export interface CorpusManifestEntry {
  id: string;
  pack: string;
  title: string;
  /** The year the document was given or adopted; null only when nothing says (then `yearNote` says why). */
  year: number | null;
  /** YYYY-MM-DD where the source or the text gives the day. */
  date: string | null;
  /** How the year was found when no source list gave it (the seeds' speeches: the text's evidence). */
  yearNote: string | null;
  genre: CorpusGenre;
  level: CorpusLevel;
  /** Path relative to corpus/, e.g. `speeches/speech-000.txt`. */
  path: string;
  /** The seed or base file it came from. */
  source: string;
  /** Length in Unicode code points. */
  chars: number;
  /** Length of the UTF-8 file and its SHA-256 (hex). */
  bytes: number;
  sha256: string;
  provenance: CorpusProvenance;
}

export interface CorpusManifest { version: 2; packs: CorpusPack[]; documents: CorpusManifestEntry[] }

/** The shipped packs, in the order the 提法 panel lists them. */
export const CORPUS_PACKS: readonly CorpusPackDefinition[] = [
  { id: 'speeches', name: '讲话稿', description: '学习会、动员会等讲话稿样本', genre: '讲话', level: '地方' },
  { id: 'reports-2026', name: '2026 政府工作报告', description: '25 个省份 2026 年政府工作报告', genre: '工作报告', level: '省级' },
  { id: 'reports-2025', name: '2025 政府工作报告', description: '31 个省份 2025 年政府工作报告（河北、吉林为摘要版）', genre: '工作报告', level: '省级' },
  { id: 'national-reports', name: '国务院政府工作报告', description: '2000—2025 年国务院政府工作报告（缺 2020 年）', genre: '工作报告', level: '中央' },
  { id: 'congress-reports', name: '党代会报告', description: '党的十五大至二十大报告', genre: '工作报告', level: '中央' },
  { id: 'central-documents', name: '中央文件', description: '全会公报、中央纪委全会公报、二十届三中全会《决定》、“十五五”规划《建议》', genre: '中央文件', level: '中央' },
];

const YEAR_MIN = 1949;
const YEAR_MAX = 2100;

function isYear(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= YEAR_MIN && (value as number) <= YEAR_MAX;
}

/** The pack's counts and year range over `documents` (the script writes them; the test recomputes them). */
export function summarisePack(definition: CorpusPackDefinition, documents: readonly Pick<CorpusManifestEntry, 'pack' | 'chars' | 'year'>[]): CorpusPack {
  const mine = documents.filter((d) => d.pack === definition.id);
  const years = mine.map((d) => d.year).filter(isYear);
  return {
    ...definition,
    documents: mine.length,
    chars: mine.reduce((n, d) => n + d.chars, 0),
    years: years.length ? { from: Math.min(...years), to: Math.max(...years) } : null,
  };
}

/** 「2000—2025」, 「2026」, or '' when no year is known. */
export function yearRangeText(years: CorpusPack['years']): string {
  if (!years) return '';
  return years.from === years.to ? String(years.from) : `${years.from}—${years.to}`;
}

function entryProblem(d: CorpusManifestEntry, packIds: Set<string>): string | null {
  if (!d || typeof d !== 'object') return '不是对象';
  if (typeof d.id !== 'string' || !d.id || typeof d.title !== 'string' || !d.title) return '缺少编号或标题';
  if (!packIds.has(d.pack)) return `语料包 ${String(d.pack)} 不在清单中`;
  if (typeof d.path !== 'string' || !d.path.startsWith(`${d.pack}/`)) return '路径不在所属语料包目录下';
  if (!Number.isInteger(d.chars) || d.chars <= 0 || !Number.isInteger(d.bytes) || d.bytes < d.chars) return '字数或字节数不正确';
  if (typeof d.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(d.sha256)) return '缺少 SHA-256';
  if (d.year === null ? !(typeof d.yearNote === 'string' && d.yearNote) : !isYear(d.year)) return '年份不正确（未知年份须说明原因）';
  if (d.date !== null && !(typeof d.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d.date) && Number(d.date.slice(0, 4)) === d.year)) return '日期与年份不符';
  if (!(CORPUS_GENRES as readonly string[]).includes(d.genre) || !(CORPUS_LEVELS as readonly string[]).includes(d.level)) return '文种或层级不正确';
  const p = d.provenance;
  if (!p || typeof p !== 'object' || typeof p.note !== 'string' || !p.note) return '缺少来源说明';
  return null;
}

/** Throws a Chinese error naming the first problem; returns the manifest typed when it is sound. */
export function parseCorpusManifest(value: unknown): CorpusManifest {
  const m = value as CorpusManifest;
  if (!m || typeof m !== 'object' || m.version !== 2 || !Array.isArray(m.packs) || !Array.isArray(m.documents)) {
    throw new Error('语料清单格式不正确');
  }
  const packIds = new Set(m.packs.map((p) => p.id));
  for (const d of m.documents) {
    const problem = entryProblem(d, packIds);
    if (problem) throw new Error(`语料清单中的条目不正确（${problem}）：${JSON.stringify(d).slice(0, 80)}`);
  }
  return m;
}
