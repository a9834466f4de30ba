/** The .docx the export writes, read back part by part: footer page numbers, paragraph layout, fonts. */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import type { JSONContent } from '@tiptap/core';
import { draftToWord } from '../../../src/files/wordExport';
import { readWordDocument } from '../../../src/files/wordImport';

const text = (value: string, marks?: JSONContent['marks']): JSONContent => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });
const paragraph = (value: string): JSONContent => ({ type: 'paragraph', content: [text(value)] });

interface Run { text: string; eastAsia: string | null; xml: string }
interface Para { xml: string; text: string; runs: Run[] }

function paragraphsOf(xml: string): Para[] {
  return [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map(([p]) => {
    const runs = [...p.matchAll(/<w:r>[\s\S]*?<\/w:r>/g)].map(([r]) => ({
      xml: r,
      text: [...r.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
      eastAsia: /w:eastAsia="([^"]*)"/.exec(r)?.[1] ?? null,
    }));
    return { xml: p, text: runs.map((r) => r.text).join(''), runs };
  });
}

async function exportParts(title: string, content: JSONContent[]) {
  const blob = await draftToWord(title, { type: 'doc', content });
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const files = unzipSync(bytes);
  const part = (name: string) => (files[name] ? strFromU8(files[name]) : null);
  return { bytes, part };
}

const LONG_TITLE = '在全县学习贯彻党的二十届四中全会精神大会上的讲话';

describe('Word export per GB/T 9704-2012', async () => {
  const { bytes, part } = await exportParts(LONG_TITLE, [
    paragraph('XXX'),
    paragraph('（2026年X月X日）'),
    paragraph('各位领导、同志们：'),
    paragraph('下面，我讲三点意见。'),
    { type: 'sectionHeading', attrs: { level: 1, number: '一、' }, content: [text('提高政治站位。要深刻认识'), text('重大意义', [{ type: 'bold' }]), text('。')] },
    { type: 'sectionHeading', attrs: { level: 2, number: '（一）' }, content: [text('层层传达学习。一是原原本本学。')] },
    { type: 'sectionHeading', attrs: { level: 2, number: '（二）' }, content: [text('深入宣传阐释')] },
  ]);
  const document = part('word/document.xml')!;
  const paragraphs = paragraphsOf(document);
  const byText = (value: string) => paragraphs.find((p) => p.text === value)!;

  test('footers for odd and even pages carry 「— PAGE —」 in 四号 宋体, right and left, one character in', () => {
    expect(part('word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    const rels = part('word/_rels/document.xml.rels')!;
    const target = (type: string) => {
      const id = new RegExp(`<w:footerReference w:type="${type}" r:id="(rId\\d+)"/>`).exec(document)?.[1];
      return new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
    };
    const odd = part(`word/${target('default')}`)!;
    const even = part(`word/${target('even')}`)!;
    for (const [footer, side] of [[odd, 'right'], [even, 'left']] as const) {
      expect(footer).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
      const [p] = paragraphsOf(footer);
      expect(p.text).toBe('—  —');
      expect(p.xml).toContain(`<w:jc w:val="${side}"/>`);
      expect(p.xml).toContain(`<w:ind w:${side}="280"/>`);
      for (const run of p.runs) {
        expect(run.eastAsia).toBe('宋体');
        expect(run.xml).toContain('<w:sz w:val="28"/>');
      }
    }
  });

  test('the title is centred and whole; speaker and date centred in 楷体; the salutation has no indent', () => {
    const title = paragraphs[0];
    expect(title.text).toBe(LONG_TITLE);
    expect(title.xml).toContain('<w:jc w:val="center"/>');
    expect(title.xml).not.toMatch(/<w:ind /);
    for (const line of ['XXX', '（2026年X月X日）']) {
      const p = byText(line);
      expect(p.xml).toContain('<w:jc w:val="center"/>');
      expect(p.xml).toContain('<w:ind w:firstLine="0"/>');
      expect(p.runs.map((r) => r.eastAsia)).toEqual(['楷体_GB2312']);
    }
    expect(byText('各位领导、同志们：').xml).toContain('<w:ind w:firstLine="0"/>');
    expect(byText('下面，我讲三点意见。').xml).toContain('<w:ind w:firstLine="640"/>');
  });

  test('a run-in heading: the heading sentence in the heading font, the body after it in 仿宋', () => {
    const fonts = (p: Para) => p.runs.map((r) => [r.text, r.eastAsia]);
    expect(fonts(byText('一、提高政治站位。要深刻认识重大意义。'))).toEqual([
      ['一、', '黑体'], ['提高政治站位。', '黑体'], ['要深刻认识', '仿宋_GB2312'], ['重大意义', '仿宋_GB2312'], ['。', '仿宋_GB2312'],
    ]);
    expect(fonts(byText('（一）层层传达学习。一是原原本本学。'))).toEqual([
      ['（一）', '楷体_GB2312'], ['层层传达学习。', '楷体_GB2312'], ['一是原原本本学。', '仿宋_GB2312'],
    ]);
    // A heading that is only a title keeps the heading font throughout.
    expect(fonts(byText('（二）深入宣传阐释'))).toEqual([['（二）', '楷体_GB2312'], ['深入宣传阐释', '楷体_GB2312']]);
  });

  test('every run names its Chinese font (w:eastAsia)', () => {
    const runs = paragraphs.flatMap((p) => p.runs);
    expect(runs.length).toBeGreaterThan(10);
    for (const run of runs) expect(run.eastAsia, run.text).toMatch(/\S/);
  });

  test('the file reads back with its centred title as the title', async () => {
    const read = await readWordDocument(bytes);
    expect(read.title).toBe(LONG_TITLE);
    expect(read.text.split('\n')[0]).toBe('XXX');
  });
});

describe('Word import: the title', () => {
  test('a document that does not open with a centred line has no title of its own', async () => {
    const { bytes } = await exportParts('', [paragraph('同志们：'), paragraph('下面，我讲三点意见。')]);
    expect(await readWordDocument(bytes)).toEqual({ title: null, text: '同志们：\n下面，我讲三点意见。\n' });
  });
});
