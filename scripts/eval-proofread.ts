/**
 * `npm run eval:proofread [-- --folds K] [--seed S]`
 *
 * Measures the checks of src/checks on the corpus of scripts/checks-corpus.ts:
 * - 提法校对: the speeches and the 2026 reports are split into K folds (default: one per document, i.e.
 *   leave-one-out); each document is checked against an index without its fold. One-character IME slips
 *   are injected (a different character with the same toneless pinyin, seen in the corpus) into
 *   formulations the index writes in ≥ 5 documents, where the slipped text is written nowhere; recall = slips
 *   found with the right character back. False alarms = 提法 findings on the same documents without slips.
 * - time to check a 20,000-character draft (all finders), median of runs;
 * - 时效: seed 004 (2017) with reference year 2026, and every 2026 report, against the corpus without it;
 * - the timeliness rules' citations, looked up in the corpus files.
 * Prints figures; asserts nothing. This script owns the experiment loop and printing only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPhraseIndex, type PhraseIndex } from '../src/phrases/build';
import { cleanText, normalizeCodes } from '../src/phrases/normalize';
import { countDocs, findRange } from '../src/phrases/search';
import { createChecker } from '../src/checks/checker';
import { clauses } from '../src/checks/evidence';
import { HomophoneTable, isHan, soundAlike } from '../src/checks/pinyin';
import { SHIPPED_TIMELINESS_RULES } from '../src/checks/timeliness';
import { CORPUS_BASE_DIR, CORPUS_DIR, checkCorpus, type YearedDocument } from './checks-corpus';
import { seededRandom } from './random';

const SLIP_MIN_DOCS = 5;
/** One slip per this many characters at most, and slips at least this far apart. */
const CHARS_PER_SLIP = 300;
const SLIP_SPACING_CHARS = 30;
const DRAFT_CHARS = 20_000;
const TIMING_RUNS = 5;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

interface Slip { at: number; right: string; wrong: string }

/** Slips for `text` against `index`: positions inside a 5-character window the index writes in ≥ 5 documents. */
function injectSlips(index: PhraseIndex, homophones: HomophoneTable, text: string, random: () => number): { text: string; slips: Slip[] } {
  const codes = normalizeCodes(text);
  const candidates: number[] = [];
  for (const [cs, ce] of clauses(codes)) {
    for (let i = cs + 2; i + 3 <= ce; i++) {
      if (!isHan(codes[i])) continue;
      const [lo, hi] = findRange(index, codes, i - 2, i + 3);
      if (hi - lo >= SLIP_MIN_DOCS && countDocs(index, lo, hi, 4096, SLIP_MIN_DOCS) >= SLIP_MIN_DOCS) candidates.push(i);
    }
  }
  const wanted = Math.max(1, Math.floor(text.length / CHARS_PER_SLIP));
  const chosen: Slip[] = [];
  const out = text.split('');
  for (let tries = 0; tries < candidates.length * 2 && chosen.length < wanted; tries++) {
    const i = candidates[Math.floor(random() * candidates.length)];
    if (chosen.some((s) => Math.abs(s.at - i) < SLIP_SPACING_CHARS)) continue;
    // A real character with the same toneless reading (not only a fuzzy one).
    const xs = [...homophones.of(codes[i])].filter((x) => soundAlike(x, codes[i], true) && homophones.count(x) >= 20);
    if (xs.length === 0) continue;
    const x = xs[Math.floor(random() * Math.min(xs.length, 12))];
    const window = codes.slice(i - 2, i + 3);
    window[2] = x;
    const [lo, hi] = findRange(index, window, 0, window.length);
    if (hi > lo) continue; // the slipped text is itself written somewhere: not a slip
    chosen.push({ at: i, right: text[i], wrong: String.fromCharCode(x) });
    out[i] = String.fromCharCode(x);
  }
  return { text: out.join(''), slips: chosen.sort((a, b) => a.at - b.at) };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function main(): void {
  const corpus = checkCorpus().map((d) => ({ ...d, text: cleanText(d.text) }));
  const tests = corpus.filter((d) => d.pack === 'speeches' || d.pack === 'reports-2026');
  const folds = Math.min(tests.length, arg('--folds', tests.length));
  const random = seededRandom(arg('--seed', 16));
  console.log(`corpus: ${corpus.length} documents, ${corpus.reduce((n, d) => n + d.text.length, 0)} characters; test: ${tests.length} documents in ${folds} folds`);

  let injected = 0;
  let found = 0;
  let wrongFix = 0;
  let falseAlarms = 0;
  let cleanChars = 0;
  const perFold: { recall: number; fa: number }[] = [];
  const examples: string[] = [];
  for (let k = 0; k < folds; k++) {
    const fold = tests.filter((_, i) => i % folds === k);
    const out = new Set(fold.map((d) => d.id));
    const train = corpus.filter((d) => !out.has(d.id));
    const index = buildPhraseIndex(train);
    const checker = createChecker(index, train);
    const homophones = new HomophoneTable(index);
    let fInjected = 0;
    let fFound = 0;
    let fFa = 0;
    let fChars = 0;
    for (const doc of fold) {
      const clean = checker.check(doc.text, { kinds: ['提法'] });
      falseAlarms += clean.length;
      fFa += clean.length;
      cleanChars += doc.text.length;
      fChars += doc.text.length;
      if (examples.length < 12) for (const f of clean.slice(0, 2)) examples.push(`  误报 ${doc.id}: ${f.message}`);
      const { text, slips } = injectSlips(index, homophones, doc.text, random);
      const findings = checker.check(text, { kinds: ['提法'] });
      for (const s of slips) {
        injected++;
        fInjected++;
        const f = findings.find((g) => g.start <= s.at && s.at < g.end);
        if (!f) continue;
        const fixed = text.slice(0, f.start) + (f.suggestion ?? '') + text.slice(f.end);
        if (fixed[s.at] === s.right && fixed.length === text.length) {
          found++;
          fFound++;
        } else wrongFix++;
      }
    }
    perFold.push({ recall: fInjected ? fFound / fInjected : 0, fa: fChars ? (fFa * 5000) / fChars : 0 });
  }
  const recalls = perFold.map((f) => f.recall);
  const fas = perFold.map((f) => f.fa);
  console.log(`提法校对: ${injected} slips injected, found ${found} (recall ${((100 * found) / injected).toFixed(1)} %; per fold ${(100 * Math.min(...recalls)).toFixed(0)}–${(100 * Math.max(...recalls)).toFixed(0)} %), ${wrongFix} flagged with a wrong fix`);
  console.log(`  false alarms on the same documents without slips: ${falseAlarms} in ${cleanChars} characters = ${((falseAlarms * 5000) / cleanChars).toFixed(2)} per 5,000 characters (per fold ${Math.min(...fas).toFixed(2)}–${Math.max(...fas).toFixed(2)})`);
  for (const e of examples) console.log(e);

  // Timing: a 20,000-character draft (2026 reports concatenated), against the corpus without them.
  const draftDocs = tests.filter((d) => d.pack === 'reports-2026');
  let draft = '';
  for (const d of draftDocs) {
    if (draft.length >= DRAFT_CHARS) break;
    draft += `${d.text}\n`;
  }
  draft = draft.slice(0, DRAFT_CHARS);
  const used = new Set(draftDocs.filter((d) => draft.includes(d.text.slice(0, 200))).map((d) => d.id));
  const timingTrain = corpus.filter((d) => !used.has(d.id));
  const t0 = performance.now();
  const timingIndex = buildPhraseIndex(timingTrain);
  const tIndex = performance.now() - t0;
  const t1 = performance.now();
  const timingChecker = createChecker(timingIndex, timingTrain);
  const tChecker = performance.now() - t1;
  const times: number[] = [];
  for (let r = 0; r < TIMING_RUNS; r++) {
    const t = performance.now();
    timingChecker.check(draft, { year: 2026 });
    times.push(performance.now() - t);
  }
  console.log(`time to check a ${draft.length}-character draft: median ${median(times).toFixed(0)} ms (runs ${times.map((t) => t.toFixed(0)).join(', ')}; first includes pinyin warm-up); index ${tIndex.toFixed(0)} ms, checker ${tChecker.toFixed(0)} ms`);

  // 时效 targets.
  const seed = corpus.find((d) => d.id === 'speech-004');
  const timelinessOf = (doc: YearedDocument, year: number) => {
    const train = corpus.filter((d) => d.id !== doc.id);
    return createChecker(buildPhraseIndex(train), train).check(doc.text, { year, kinds: ['时效'] });
  };
  if (seed) {
    const f = timelinessOf(seed, 2026);
    const flagged = (s: string) => f.filter((g) => g.text.includes(s)).length;
    console.log(`时效, seed 004 (2017) at 2026: ${f.length} findings; 「决胜全面建成小康社会」 ×${flagged('决胜全面建成小康社会')}, 「党的十九大精神」 ×${flagged('党的十九大精神')}; rules ${f.filter((g) => g.message.includes('出处')).length}, corpus evidence ${f.filter((g) => g.message.startsWith('此提法')).length}`);
  }
  let ruleHits = 0;
  let evidenceHits = 0;
  const hitTexts: string[] = [];
  // One index without all 2026 reports would make every 2026 formulation look new; each report is left out alone.
  for (const doc of corpus.filter((d) => d.pack === 'reports-2026').slice(0, arg('--reports', 25))) {
    const f = timelinessOf(doc, 2026);
    const rules = f.filter((g) => g.message.includes('出处'));
    ruleHits += rules.length;
    evidenceHits += f.length - rules.length;
    for (const g of f) hitTexts.push(`  ${doc.id}: ${g.message.includes('出处') ? 'rule' : 'corpus'} 「${g.text}」 ${g.message.slice(0, 50)}`);
  }
  console.log(`时效 on the 2026 reports at 2026: ${ruleHits} rule findings, ${evidenceHits} corpus-evidence findings`);
  for (const h of hitTexts.slice(0, 20)) console.log(h);

  // Citations of the rule file.
  let verified = 0;
  for (const r of SHIPPED_TIMELINESS_RULES) {
    const path = [join(CORPUS_BASE_DIR, r.citation.file), join(CORPUS_DIR, r.citation.file)].find((p) => existsSync(p));
    if (path && readFileSync(path, 'utf8').includes(r.citation.quote)) verified++;
    else console.log(`  citation not found: ${r.id} (${r.citation.file})`);
  }
  console.log(`时效 rules: ${SHIPPED_TIMELINESS_RULES.length}, citations found in the corpus files: ${verified}`);
}

main();
