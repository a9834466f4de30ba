import { buildPhraseIndex } from '../src/phrases/build';
import { acceptance, emptyTally, simulateWriter } from '../src/phrases/evaluate';
import { suggestFromIndex } from '../src/phrases/query';
import { DEFAULT_ENGINE_CONFIG } from '../src/phrases/config';
import { cleanText } from '../src/phrases/normalize';
import { corpusDocuments, crossFittedTrees } from '../scripts/jobs';
const docs = corpusDocuments();
const pack = process.argv[2] ?? 'speeches';
const every = Number(process.argv[3] ?? 2), offset = Number(process.argv[4] ?? 1);
const th = Number(process.argv[5] ?? 0.2);
const treesFor = crossFittedTrees('scripts/tree-folds');
for (let i = 0; i < docs.length; i++) {
  if (docs[i].pack !== pack) continue;
  const held = docs[i];
  const index = buildPhraseIndex(docs.filter((_, j) => j !== i));
  const trees = treesFor(held);
  const config = trees ? { ...DEFAULT_ENGINE_CONFIG, trees } : DEFAULT_ENGINE_CONFIG;
  const text = cleanText(held.text);
  simulateWriter(held.text, (before, at) => {
    const s = suggestFromIndex(index, before, { limit: 1, minConfidence: th, referenceYear: held.year }, config)[0];
    if (s) {
      const a = acceptance(text, at, s);
      console.log(JSON.stringify({ doc: held.id, at, conf: +s.confidence.toFixed(3), origin: s.origin, docCount: s.docCount, count: s.count, ctx: s.contextLength, tail: before.slice(-12), sug: s.text, chunks: s.chunks, truth: text.slice(at, at + s.text.length + 6), acc: a.chars }));
    }
    return s && s.confidence >= 0.25 ? s : undefined;
  }, emptyTally(), { every, offset });
}
