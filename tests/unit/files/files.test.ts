import { describe, expect, test } from 'vitest';
import { structuredTextToDoc } from '../../../src/files/draftDocument';
import { readDocumentFile } from '../../../src/files/readDocument';
import { decodeTextFile } from '../../../src/files/textFile';
import { draftToWord } from '../../../src/files/wordExport';
import { readWordDocument } from '../../../src/files/wordImport';

describe('text files', () => {
  test('reads UTF-8 and GBK, refuses binary', () => {
    const utf8 = new TextEncoder().encode('同志们：\n下面，我讲几点意见。');
    expect(decodeTextFile(utf8)).toEqual({ text: '同志们：\n下面，我讲几点意见。', encoding: 'UTF-8' });
    // 「同志们」 in GBK.
    const gbk = new Uint8Array([0xcd, 0xac, 0xd6, 0xbe, 0xc3, 0xc7]);
    expect(decodeTextFile(gbk)).toEqual({ text: '同志们', encoding: 'GBK' });
    expect(() => decodeTextFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toThrow('这不是文本文件');
  });

  test('text becomes paragraphs and numbered section headings, indentation dropped', () => {
    const doc = structuredTextToDoc('同志们：\r\n\r\n　　下面，我讲几点意见。\n一、提高站位\n（一）深刻认识\n1.第一点\n');
    expect(doc.content).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: '同志们：' }] },
      { type: 'paragraph', content: [{ type: 'text', text: '下面，我讲几点意见。' }] },
      { type: 'sectionHeading', attrs: { level: 1 }, content: [{ type: 'text', text: '提高站位' }] },
      { type: 'sectionHeading', attrs: { level: 2 }, content: [{ type: 'text', text: '深刻认识' }] },
      { type: 'sectionHeading', attrs: { level: 3 }, content: [{ type: 'text', text: '第一点' }] },
    ]);
    expect(structuredTextToDoc('  \n').content).toEqual([{ type: 'paragraph' }]);
  });
});

describe('Word files', () => {
  test('a draft exported to .docx reads back with its title, numbers and text', async () => {
    const blob = await draftToWord('动员大会讲话', {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: '同志们：' }] },
        { type: 'sectionHeading', attrs: { level: 1, number: '一、' }, content: [{ type: 'text', text: '提高政治站位' }] },
        { type: 'paragraph', content: [{ type: 'text', text: '要' }, { type: 'text', text: '深刻认识', marks: [{ type: 'bold' }] }, { type: 'text', text: '重大意义。' }] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: '一项' }] }] }] },
      ],
    });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    // The centred title comes back as the title, not as a body line.
    expect(await readWordDocument(bytes)).toEqual({ title: '动员大会讲话', text: '同志们：\n一、提高政治站位\n要深刻认识重大意义。\n• 一项\n' });
    const read = await readDocumentFile('另一个文件名.docx', bytes);
    expect(read.format).toBe('Word');
    expect(read.title).toBe('动员大会讲话');
    expect(structuredTextToDoc(read.text).content?.[1]).toEqual({ type: 'sectionHeading', attrs: { level: 1 }, content: [{ type: 'text', text: '提高政治站位' }] });
  });

  test('an old .doc, a renamed file and a damaged .docx are refused in Chinese', async () => {
    await expect(readWordDocument(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).rejects.toThrow('旧版 Word（.doc）');
    await expect(readWordDocument(new TextEncoder().encode('hello'))).rejects.toThrow('这不是 Word（.docx）文件');
    await expect(readWordDocument(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toThrow('Word 文件已损坏');
  });
});
