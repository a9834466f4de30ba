/**
 * The shape of corpus/manifest.json and its validation. Shared by the corpus script (which writes it),
 * the app (which fetches it) and the tests (which check it against the files). No DOM, no fetch here.
 */

export interface CorpusPack { id: string; name: string; description: string }

export interface CorpusManifestEntry {
  id: string;
  pack: string;
  title: string;
  year: number | null;
  /** Path relative to corpus/, e.g. `speeches/speech-000.txt`. */
  path: string;
  /** The seed or base file it came from. */
  source: string;
  /** Length in Unicode code points. */
  chars: number;
  provenance: string;
}

export interface CorpusManifest { version: 1; packs: CorpusPack[]; documents: CorpusManifestEntry[] }

export const CORPUS_PACKS: readonly CorpusPack[] = [
  { id: 'speeches', name: '讲话稿', description: '学习会、动员会等讲话稿样本' },
  { id: 'reports-2026', name: '2026 政府工作报告', description: '25 个省份 2026 年政府工作报告' },
];

/** Throws a Chinese error naming the first problem; returns the manifest typed when it is sound. */
export function parseCorpusManifest(value: unknown): CorpusManifest {
  const m = value as CorpusManifest;
  if (!m || typeof m !== 'object' || m.version !== 1 || !Array.isArray(m.packs) || !Array.isArray(m.documents)) {
    throw new Error('语料清单格式不正确');
  }
  const packIds = new Set(m.packs.map((p) => p.id));
  for (const d of m.documents) {
    if (typeof d.id !== 'string' || typeof d.path !== 'string' || typeof d.title !== 'string' || !packIds.has(d.pack) || !Number.isInteger(d.chars)) {
      throw new Error(`语料清单中的条目不正确：${JSON.stringify(d).slice(0, 80)}`);
    }
  }
  return m;
}
