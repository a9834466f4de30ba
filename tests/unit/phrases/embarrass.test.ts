/**
 * Suggestions that would embarrass the writer read out at a meeting (issue 20): another place's name, a
 * level word not the draft's own, a closing mark the draft never opened, a suggestion (or a word-by-word
 * accept of it) that stops inside a word. A table of cases (context, draft so far, what must never be
 * offered) run against the shipped corpus; add any like them found later.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPhraseIndex, type PhraseIndex } from '../../../src/phrases/build';
import { balancedLength } from '../../../src/phrases/chunks';
import { foreignPlace } from '../../../src/phrases/evaluate';
import { CAPITAL_NAMES, draftLevel, localiseLevelWords, PROVINCE_NAMES } from '../../../src/phrases/places';
import { confidenceLevel } from '../../../src/phrases/levels';
import { suggestFromIndex } from '../../../src/phrases/query';
import { shippedDocuments } from './shippedCorpus';

const COUNTY = '同志们：今天召开全县经济工作会议，主要任务是总结我县今年工作，部署明年任务。全县上下要团结一心，我县发展正处在关键时期。\n';
const CITY = '同志们：这次全市经济工作会议，总结我市今年工作。全市上下要奋勇争先，我市发展正处在关键时期。\n';
const PROVINCE = '同志们：今年广西经济社会发展取得新成效。全区上下要团结奋斗，推动广西高质量发展。\n';

interface Case {
  name: string;
  before: string;
  /** Strings none of the suggestions may hold. */
  never: readonly string[];
  /** Shown at this confidence or above (default 0: every suggestion of the list). */
  minConfidence?: number;
  /** Endings the draft may never be left with by accepting a suggestion whole or word by word (Ctrl/Alt+→). */
  neverStopsAt?: readonly string[];
}

/** A county draft that has written 「二十届四中全会」 eight times (never after 「党的」). */
const SAID_FOURTH_PLENUM = `${COUNTY}${[
  '要把学习贯彻二十届四中全会精神作为首要政治任务。', '全县各级党组织要认真学习二十届四中全会精神。', '二十届四中全会擘画了宏伟蓝图。',
  '我们要用二十届四中全会精神武装头脑。', '贯彻落实二十届四中全会部署。', '这次会议的主题是贯彻二十届四中全会精神。',
  '对照二十届四中全会要求查找差距。', '以二十届四中全会精神为指引。',
].join('\n')}\n`;
/** A county party committee's speech: its register is the speeches'. */
const PARTY_SPEECH = '同志们：\n今天，县委召开全县领导干部大会，主要任务是深入学习贯彻党的二十届四中全会精神，动员全县上下进一步统一思想、凝聚共识。'
  + '刚才，几位同志作了很好的发言，讲得都很实在，我都同意。下面，我再讲几点意见。\n一、提高政治站位，切实增强责任感和使命感\n'
  + '各级党组织和广大党员干部要把思想和行动统一到县委的决策部署上来，以更高站位、更实举措、更严标准、更实作风，把各项工作抓实抓细抓到位。\n'
  + '二、突出工作重点，推动各项任务落地见效\n各乡镇、各部门主要负责同志要亲自抓、带头干，一级抓一级、层层抓落实。\n';
const SHOWN = confidenceLevel('balanced').minConfidence;

const OTHER_PROVINCES = PROVINCE_NAMES.filter((p) => p !== '广西');
const TABLE: readonly Case[] = [
  { name: 'county draft, 谱写…篇章', before: `${COUNTY}奋力谱写中国式现代化`, never: [...PROVINCE_NAMES, ...CAPITAL_NAMES, '我省', '全省'] },
  { name: 'county draft, 总书记在', before: `${COUNTY}习近平总书记在`, never: [...PROVINCE_NAMES, ...CAPITAL_NAMES] },
  { name: 'county draft, 推动', before: `${COUNTY}坚定不移推动`, never: [...PROVINCE_NAMES, '我省', '全省'] },
  { name: 'county draft, 全', before: `${COUNTY}我们要动员全`, never: ['省上下', '省人民', '市上下', '市人民'] },
  { name: 'city draft, 谱写…篇章', before: `${CITY}奋力谱写中国式现代化`, never: [...PROVINCE_NAMES, ...CAPITAL_NAMES, '我省', '全省'] },
  { name: 'city draft, 总书记在', before: `${CITY}习近平总书记在`, never: [...PROVINCE_NAMES, ...CAPITAL_NAMES] },
  { name: 'province draft, 谱写…篇章', before: `${PROVINCE}奋力谱写中国式现代化`, never: [...OTHER_PROVINCES, '我省', '全省'] },
  { name: 'province draft, 推动', before: `${PROVINCE}坚定不移推动`, never: OTHER_PROVINCES },
  { name: '两会 without its opening quote', before: `${COUNTY}认真学习贯彻全国两会`, never: ['”', '》'] },
  { name: 'whole words: 谱写中国式现代化', before: `${COUNTY}奋力`, never: [], neverStopsAt: ['奋力谱', '谱写中国', '中国式', '现代'] },
  { name: 'whole words: 社会主义现代化', before: `${COUNTY}为全面建设`, never: [], neverStopsAt: ['建设社会', '社会主义现代'] },
  { name: 'whole words: “十五五”开局之年', before: `${COUNTY}今年是“十五五”`, never: [], neverStopsAt: ['”开', '开局之'] },
  { name: 'the draft\'s own wording: 二十届四中全会, not 二十大', before: `${SAID_FOURTH_PLENUM}我们要深入学习贯彻党的`, never: ['二十大'] },
  { name: 'register: a party-committee speech is not shown a government report\'s wording', before: `${PARTY_SPEECH}我们要坚持把党的领导`, minConfidence: SHOWN, never: ['政府工作'] },
  { name: 'whole words: the word the cursor is in', before: `${COUNTY}全面建设社会主义现`, never: [], neverStopsAt: ['现代'] },
];

/** The texts the draft would end with after each chunk of `s` accepted (the last is `s` accepted whole). */
function stopsOf(before: string, chunks: readonly string[]): string[] {
  const out: string[] = [];
  let text = before;
  for (const chunk of chunks) out.push((text += chunk));
  return out;
}

let index: PhraseIndex;
beforeAll(() => {
  index = buildPhraseIndex(shippedDocuments());
}, 120_000);

describe('suggestions that must never be offered (shipped corpus)', () => {
  for (const c of TABLE) {
    it(c.name, () => {
      const all = suggestFromIndex(index, c.before, { limit: 5, minConfidence: 0 });
      expect(all.length).toBeGreaterThan(0);
      const suggestions = all.filter((s) => s.confidence >= (c.minConfidence ?? 0));
      for (const { text } of suggestions) for (const word of c.never) expect(text, `「${text}」 holds 「${word}」`).not.toContain(word);
      for (const s of suggestions) {
        for (const stop of stopsOf(c.before, s.chunks)) {
          for (const end of c.neverStopsAt ?? []) expect(stop.endsWith(end), `「${s.chunks.join('/')}」 stops at 「${end}」`).toBe(false);
        }
      }
    });
  }

  it('the draft\'s own wording comes from the draft: 「本稿前文」', () => {
    const [first] = suggestFromIndex(index, `${SAID_FOURTH_PLENUM}我们要深入学习贯彻党的`, { limit: 5, minConfidence: 0 });
    expect(first.text.startsWith('二十届四中全会')).toBe(true);
    expect(first.origin).toBe('draft');
  });

  it('word-by-word accept takes 「谱写」, not 「谱」', () => {
    const shown = suggestFromIndex(index, `${COUNTY}奋力`, { limit: 5, minConfidence: 0 });
    const s = shown.find((x) => x.text.startsWith('谱写'));
    expect(s?.chunks[0]).toBe('谱写');
  });

  it('a province draft is still offered its own name where the corpus writes one', () => {
    const shown = suggestFromIndex(index, `${PROVINCE}奋力谱写中国式现代化`, { limit: 5, minConfidence: 0 }).map((s) => s.text);
    expect(shown.some((t) => t.includes('广西'))).toBe(true);
  });
});

describe('place and mark rules', () => {
  it('reads the draft level from its level words, 省 from a province name alone', () => {
    expect(draftLevel(COUNTY)).toBe('县');
    expect(draftLevel(CITY)).toBe('市');
    expect(draftLevel('推动安徽高质量发展。')).toBe('省');
    expect(draftLevel('推动高质量发展。')).toBeNull();
  });

  it('writes level words at the draft level', () => {
    expect(localiseLevelWords('全省上下和我省人民', '县')).toBe('全县上下和我县人民');
    expect(localiseLevelWords('全省上下', null)).toBe('全省上下');
    expect(localiseLevelWords('省上下', '县', '动员全')).toBe('县上下');
  });

  it('cuts before a closing mark the draft did not open', () => {
    expect(balancedLength('”精神', '学习贯彻全国两会')).toBe(0);
    expect(balancedLength('”精神', '学习贯彻全国“两会')).toBe(3);
    expect(balancedLength('“十五五”开局', '迎接')).toBe(7);
    expect(balancedLength('开局”之年', '第一段“十五五”\n迎接')).toBe(2);
  });

  it('names a foreign place only when the document does not', () => {
    expect(foreignPlace('奋力谱写中国式现代化福建篇章', '我县')).toBe('福建');
    expect(foreignPlace('奋力谱写中国式现代化福建篇章', '福建我县')).toBeUndefined();
  });
});
