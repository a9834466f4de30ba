import { describe, expect, it } from 'vitest';
import { buildPhraseIndex } from '../../../src/phrases/build';
import { normalizeCodes } from '../../../src/phrases/normalize';
import { draftPlaceName, localisePlaceNames } from '../../../src/phrases/places';
import { suggestFromIndex } from '../../../src/phrases/query';
import type { PhraseDocument } from '../../../src/phrases/types';

const docs = (...texts: string[]): PhraseDocument[] => texts.map((text, i) => ({ id: `d${i}`, title: `文档${i}`, pack: 'test', text }));
const codes = (text: string) => Array.from(normalizeCodes(text));

describe('province names', () => {
  it('are one slot when matching: 「推动广西」 is 「推动安徽」, a 3-character name ends like a 2-character one', () => {
    expect(codes('推动广西高质量发展')).toEqual(codes('推动安徽高质量发展'));
    expect(codes('推动内蒙古').slice(-2)).toEqual(codes('推动湖北').slice(-2));
    expect(codes('推动内蒙古').slice(0, 3)).not.toEqual(codes('推动湖北').slice(0, 3));
    // Other characters are untouched, also the ones a name starts with.
    expect(codes('广大干部')).toEqual(Array.from('广大干部', (c) => c.charCodeAt(0)));
  });

  it("the draft's own name is the one it uses most, the latest on a tie, none when it names none", () => {
    expect(draftPlaceName('安徽的经验。广西坚持……广西要')).toBe('广西');
    expect(draftPlaceName('学习浙江，对标江苏')).toBe('江苏');
    expect(draftPlaceName('全市上下')).toBeNull();
    // Beyond the recent window, the latest name the draft wrote.
    expect(draftPlaceName('湖北省委。四川' + '好'.repeat(3000))).toBe('四川');
  });

  it("a name in a suggestion is replaced by the draft's, of any length", () => {
    const text = '安徽篇章。';
    expect(localisePlaceNames(text, normalizeCodes(text), '广西')).toBe('广西篇章。');
    expect(localisePlaceNames(text, normalizeCodes(text), '黑龙江')).toBe('黑龙江篇章。');
    const three = '内蒙古篇章';
    expect(localisePlaceNames(three, normalizeCodes(three), '湖北')).toBe('湖北篇章');
    // Cut off at the end of the suggestion: left as the corpus wrote it.
    expect(localisePlaceNames('建设安', normalizeCodes('建设安徽').subarray(0, 3), '广西')).toBe('建设安');
  });

  it("the engine follows a province name with what the other provinces wrote, in the draft's name", () => {
    const index = buildPhraseIndex(docs(
      '推动安徽高质量发展。谱写中国式现代化安徽篇章。',
      '推动湖北高质量发展。谱写中国式现代化湖北篇章。',
      '推动四川高质量发展。谱写中国式现代化四川篇章。',
    ));
    expect(suggestFromIndex(index, '我们要推动广西').map((s) => s.text)).toContain('高质量发展。');
    const inDraft = suggestFromIndex(index, '广西各族人民团结奋斗。奋力谱写中国式现代化')[0];
    expect(inDraft.text).toBe('广西篇章。');
    expect(inDraft.chunks.join('')).toBe(inDraft.text);
    const longer = suggestFromIndex(index, '内蒙古各族人民团结奋斗。奋力谱写中国式现代化')[0];
    expect(longer.text).toBe('内蒙古篇章。');
    expect(longer.chunks.join('')).toBe(longer.text);
    // A draft that names no province is never shown another's name: the suggestion stops before it.
    expect(suggestFromIndex(index, '奋力谱写中国式现代化').map((s) => s.text).filter((t) => /安徽|湖北|四川/.test(t))).toEqual([]);
  });
});
