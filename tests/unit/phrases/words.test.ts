/**
 * Corpus words (`words.ts`) against the shipped corpus: which segmenter fragments are joined into the words
 * a writer would name, and which stay apart. The table is the measured behaviour the thresholds were picked
 * for (see docs/engine/design.md); a change of thresholds that breaks a row must say why in the log.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPhraseIndex, type PhraseIndex } from '../../../src/phrases/build';
import { splitIntoChunks, withoutLead, wordLead } from '../../../src/phrases/chunks';
import { stopSuggestion } from '../../../src/phrases/saving';
import { corpusWords } from '../../../src/phrases/words';
import { shippedDocuments } from './shippedCorpus';

/** Text → its chunks with corpus words ('/' between chunks). Joined words are the point of each row. */
const JOINS: ReadonlyArray<[string, string]> = [
  ['奋力谱写中国式现代化新篇章', '奋力/谱写/中国式现代化/新/篇章'],
  ['全面建设社会主义现代化国家', '全面/建设/社会主义/现代化/国家'],
  ['“十五五”开局之年', '“十五五”/开局/之年'],
  ['十五五规划', '十五五/规划'],
  ['推动高质量发展', '推动/高质量/发展'],
  ['坚持稳中求进工作总基调', '坚持/稳中求进/工作/总基调'],
  ['因地制宜发展新质生产力，', '因地制宜/发展/新质生产力，'],
  ['全面从严治党', '全面从严治党'],
  ['深入学习贯彻党的二十大精神', '深入/学习/贯彻/党/的/二十大/精神'],
];

/** Neighbours the corpus writes together often but not nearly always: they stay apart. */
const APART: ReadonlyArray<[string, string]> = [
  ['谱写中国式现代化', '谱写|中国'], // 谱写 goes on with 中国 in about half of its occurrences
  ['现代化国家', '现代化|国家'],
  ['把党的领导贯穿政府工作各方面', '党|的'], // particles never join
  ['把党的领导贯穿政府工作各方面', '贯穿|政府'],
  ['以习近平新时代中国特色社会主义思想为指导', '以|习近平'],
  ['统筹发展和安全', '发展|和'],
];

let index: PhraseIndex;
beforeAll(() => {
  index = buildPhraseIndex(shippedDocuments());
}, 120_000);

describe('corpus words (shipped corpus)', () => {
  for (const [text, expected] of JOINS) {
    it(`joins ${expected}`, () => {
      expect(splitIntoChunks(text, corpusWords(index)).join('/')).toBe(expected);
    });
  }

  for (const [text, pair] of APART) {
    it(`keeps ${pair} apart`, () => {
      const [left, right] = pair.split('|');
      const chunks = splitIntoChunks(text, corpusWords(index));
      const at = chunks.findIndex((c) => c.endsWith(left));
      expect(at, chunks.join('/')).toBeGreaterThanOrEqual(0);
      expect(chunks[at + 1]?.startsWith(right), chunks.join('/')).toBe(true);
    });
  }

  it('the segmenter alone splits what the corpus joins', () => {
    expect(splitIntoChunks('奋力谱写中国式现代化')).toEqual(['奋力', '谱', '写', '中国', '式', '现代', '化']);
  });

  it('tells a text cut inside a word', () => {
    const words = corpusWords(index);
    for (const cut of ['全面建设社会主义现代', '“十五五”开局之']) expect(words.endsInside(splitIntoChunks(cut, words)), cut).toBe(true);
    for (const whole of ['全面建设社会主义现代化', '“十五五”开局之年', '推动高质量发展']) expect(words.endsInside(splitIntoChunks(whole, words)), whole).toBe(false);
  });

  it('never stops a suggestion inside a word, and completes the word the cursor is in', () => {
    const words = corpusWords(index);
    const smoothing = { chunk: 2, figure: 8 };
    // Matches falling after 「现代」 would stop the suggestion there without corpus words.
    const countAfter = (chars: number) => (chars <= 8 ? 100 : 1);
    expect(stopSuggestion('建设社会主义现代化国家', 2, countAfter, smoothing, true).chars).toBe(8);
    expect(stopSuggestion('建设社会主义现代化国家', 2, countAfter, smoothing, true, words).chunks.join('/')).not.toMatch(/现代$/);
    const lead = wordLead('全面建设社会主义现');
    expect(lead).toBe('会主义现');
    expect(wordLead('迎接“十五五”开')).toBe('开');
    expect(withoutLead(splitIntoChunks(`${lead}代化国家`, words), lead.length)).toEqual(['代化', '国家']);
  });
});
