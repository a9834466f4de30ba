import { describe, expect, test } from 'vitest';
import { Document, Packer, Paragraph, TextRun, AlignmentType } from 'docx';
import { readArchiveFile, type ArchiveFileSource } from '../../../src/files/archiveImport';
import { decodeTextFile } from '../../../src/files/textFile';
import { readDocumentFile, markdownToText } from '../../../src/files/readDocument';
import { ImportRefusal } from '../../../src/archive/types';
import { encodeGBK, encodeUTF16 } from './encodings';

const SPEECH = '在全县经济工作会议上的讲话\n（2021年12月28日）\n同志们：\n今天召开全县经济工作会议，主要任务是总结2021年工作，部署2022年任务。“十四五”开局良好。';

const source = (path: string, bytes: Uint8Array, lastModified = Date.UTC(2020, 5, 1)): ArchiveFileSource =>
  ({ path, size: bytes.length, lastModified, bytes: async () => bytes });

async function refusal(promise: Promise<unknown>): Promise<ImportRefusal> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ImportRefusal) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('every encoding decodes to the same text', () => {
  const utf8 = new TextEncoder().encode(SPEECH);
  const cases: [string, Uint8Array, string][] = [
    ['UTF-8', utf8, 'UTF-8'],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]), 'UTF-8'],
    ['UTF-16 LE with BOM', encodeUTF16(SPEECH, 'le', true), 'UTF-16'],
    ['UTF-16 BE with BOM', encodeUTF16(SPEECH, 'be', true), 'UTF-16'],
    ['UTF-16 LE without BOM', encodeUTF16(SPEECH, 'le', false), 'UTF-16'],
    ['UTF-16 BE without BOM', encodeUTF16(SPEECH, 'be', false), 'UTF-16'],
    ['GBK', encodeGBK(SPEECH), 'GBK'],
  ];
  test.each(cases)('%s', (_name, bytes, encoding) => {
    expect(decodeTextFile(bytes)).toEqual({ text: SPEECH, encoding });
  });

  test('GBK text that happens to be valid-looking is not read as mojibake UTF-8', () => {
    const text = decodeTextFile(encodeGBK('同志们，下面我讲三点意见。')).text;
    expect(text).toBe('同志们，下面我讲三点意见。');
  });
});

describe('files refused with a one-line Chinese reason', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const pdf = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj');
  const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
  test.each([
    ['图片.txt', png, 'unsupported', /PNG 图片/],
    ['报告.txt', pdf, 'unsupported', /PDF/],
    ['报告.pdf', pdf, 'unsupported', /PDF/],
    ['旧稿.doc', ole, 'unsupported', /\.doc/],
    ['旧稿.wps', ole, 'unsupported', /WPS/],
    ['坏了.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), 'unreadable', /已损坏/],
    ['空.txt', new Uint8Array(0), 'empty', /空/],
    ['空白.txt', new TextEncoder().encode(' \n\u3000\u3000\n\t'), 'empty', /空白/],
  ] as const)('%s', async (name, bytes, kind, message) => {
    const r = await refusal(readArchiveFile(source(name, bytes)));
    expect(r.kind).toBe(kind);
    expect(r.message).toMatch(message);
    expect(r.message).not.toMatch(/\n/);
  });

  test('a file over the size limit is refused before it is read', async () => {
    let read = false;
    const r = await refusal(readArchiveFile({ path: '大.txt', size: 50 * 1024 * 1024, lastModified: 0, bytes: async () => { read = true; return new Uint8Array(); } }));
    expect(r.kind).toBe('too-large');
    expect(read).toBe(false);
  });
});

describe('reading an archive file', () => {
  test('a text file: title from its first line, date from its dateline, folder from its path', async () => {
    const c = await readArchiveFile(source('讲话/2021/经济.txt', encodeGBK(SPEECH)));
    expect(c).toMatchObject({ title: '在全县经济工作会议上的讲话', sourceName: '经济.txt', folder: '讲话/2021', date: '2021-12-28', year: 2021 });
    expect(c.text).toBe(SPEECH);
  });

  test('without a date in the text, the file date is used', async () => {
    const c = await readArchiveFile(source('a.txt', new TextEncoder().encode('同志们：\n我讲三点意见。'), Date.UTC(2019, 2, 10, 12)));
    expect(c).toMatchObject({ date: '2019-03-10', year: 2019, title: 'a' });
  });

  test('a .docx with a centred title', async () => {
    const doc = new Document({ sections: [{ children: [
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun('在全市宣传工作会议上的讲话')] }),
      new Paragraph({ children: [new TextRun('（2023年3月5日）')] }),
      new Paragraph({ children: [new TextRun('同志们：宣传工作十分重要。')] }),
    ] }] });
    const bytes = new Uint8Array(await Packer.toBuffer(doc));
    const c = await readArchiveFile(source('x/宣传.docx', bytes));
    expect(c).toMatchObject({ title: '在全市宣传工作会议上的讲话', date: '2023-03-05', year: 2023, folder: 'x' });
    expect(c.text).toContain('宣传工作十分重要');
  });

  test('Markdown loses its markup', async () => {
    expect(markdownToText('# 标题\n\n- 一是**抓落实**\n- 二是[看效果](http://x)')).toBe('标题\n\n一是抓落实\n二是看效果');
    const read = await readDocumentFile('a.md', new TextEncoder().encode('## 二、工作要求\n要*坚持*问题导向。'));
    expect(read).toEqual({ title: 'a', text: '二、工作要求\n要坚持问题导向。', format: 'Markdown' });
  });
});
