import { buildPhraseIndex } from '../../../src/phrases/build';
import type { CheckDocMeta } from '../../../src/checks/types';

/** An index over small documents, with their years as metadata. */
export function smallCorpus(docs: { text: string; year?: number | null; title?: string }[]) {
  const index = buildPhraseIndex(docs.map((d, i) => ({ id: `d${i}`, title: d.title ?? `文档${i}`, pack: 'test', text: d.text })));
  const meta: CheckDocMeta[] = docs.map((d, i) => ({ title: d.title ?? `文档${i}`, year: d.year ?? 2025 }));
  return { index, meta };
}
