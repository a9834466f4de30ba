import { readFileSync } from 'node:fs';
import { ACCEPTANCE_MODEL, logisticMargin, TREE_INPUTS, treeInputs } from '../src/phrases/confidence';
import { acceptanceFeatures, type ContinuationEvidence } from '../src/phrases/evidence';
import { compileTrees, treeMargin, validateEnsemble } from '../src/phrases/trees';
const rows = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).filter((s) => s.source === 'corpus' && s.top);
function auc(p: number[], y: number[]) {
  const o = p.map((_, i) => i).sort((a, b) => p[a] - p[b]); let rs = 0, pos = 0;
  for (let r = 0; r < o.length;) { let e = r; while (e + 1 < o.length && p[o[e + 1]] === p[o[r]]) e++; for (let k = r; k <= e; k++) if (y[o[k]]) { rs += (r + e) / 2 + 1; pos++; } r = e + 1; }
  const neg = o.length - pos; return (rs - pos * (pos + 1) / 2) / (pos * neg);
}
const y = rows.map((s) => s.label);
const prep = rows.map((s) => { const e = s.evidence as ContinuationEvidence; const f = acceptanceFeatures(e); const logit = logisticMargin(f, ACCEPTANCE_MODEL); return { logit, inputs: Float64Array.from(treeInputs(e, f, logit)) }; });
console.log('n', rows.length, 'logistic', auc(prep.map((x) => x.logit), y).toFixed(4));
for (const file of process.argv.slice(3)) {
  const t = compileTrees(validateEnsemble(JSON.parse(readFileSync(file, 'utf8'))), TREE_INPUTS);
  console.log(file, auc(prep.map((x) => x.logit + treeMargin(t, x.inputs)), y).toFixed(4));
}
