/**
 * The open draft as a Word document (.docx), laid out the way 讲话稿 are printed (GB/T 9704-2012 where it
 * applies): A4 with 37/35/28/26 mm margins, title in 小标宋 二号 centred, body in 仿宋 三号 with a two-character
 * first-line indent and a fixed 28.95 pt line, 一、 headings in 黑体, （一） in 楷体, 1.（1） in bold 仿宋.
 * Section numbers come from the document (they are computed by the editor and stored on each heading).
 * The `docx` library is loaded only when the writer exports.
 */
import type { JSONContent } from '@tiptap/core';
import { SECTION_HEADING } from '../document/schema';

const TITLE_FONT = '方正小标宋简体';
const BODY_FONT = '仿宋_GB2312';
const LEVEL_FONTS = { 1: '黑体', 2: '楷体_GB2312', 3: BODY_FONT, 4: BODY_FONT } as const;
/** 三号 = 16 pt, 二号 = 22 pt; docx counts half-points. */
const BODY_SIZE_HALF_POINTS = 32;
const TITLE_SIZE_HALF_POINTS = 44;
/** Fixed line pitch of printed official documents: 28.95 pt, in twentieths of a point. */
const LINE_PITCH_TWIPS = 579;
/** Two characters of 16 pt. */
const FIRST_LINE_INDENT_TWIPS = 640;
const PAGE_MARGINS_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;

interface RunStyle { font: string; bold?: boolean; size?: number }

type Docx = typeof import('docx');

function inlineRuns(docx: Docx, nodes: readonly JSONContent[] | undefined, style: RunStyle) {
  return (nodes ?? []).map((node) => {
    if (node.type === 'hardBreak') return new docx.TextRun({ break: 1 });
    const bold = style.bold || node.marks?.some((m) => m.type === 'bold');
    const italics = node.marks?.some((m) => m.type === 'italic');
    return new docx.TextRun({
      text: node.text ?? '',
      bold,
      italics,
      size: style.size ?? BODY_SIZE_HALF_POINTS,
      font: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: style.font },
    });
  });
}

function bodyParagraph(docx: Docx, children: ReturnType<typeof inlineRuns>, indent = true) {
  return new docx.Paragraph({
    children,
    indent: indent ? { firstLine: FIRST_LINE_INDENT_TWIPS } : undefined,
    spacing: { line: LINE_PITCH_TWIPS, lineRule: docx.LineRuleType.EXACT },
    alignment: docx.AlignmentType.JUSTIFIED,
  });
}

/** Top-level blocks → Word paragraphs (lists and quotes are flattened into body paragraphs). */
function blockParagraphs(docx: Docx, node: JSONContent, prefix = ''): InstanceType<Docx['Paragraph']>[] {
  switch (node.type) {
    case 'heading':
      if (node.attrs?.level === 1) {
        return [new docx.Paragraph({
          children: inlineRuns(docx, node.content, { font: TITLE_FONT, size: TITLE_SIZE_HALF_POINTS }),
          alignment: docx.AlignmentType.CENTER,
          spacing: { line: LINE_PITCH_TWIPS, lineRule: docx.LineRuleType.EXACT, after: LINE_PITCH_TWIPS },
        })];
      }
      return [bodyParagraph(docx, inlineRuns(docx, node.content, { font: LEVEL_FONTS[1] }))];
    case SECTION_HEADING: {
      const level = (node.attrs?.level ?? 1) as 1 | 2 | 3 | 4;
      const style: RunStyle = { font: LEVEL_FONTS[level], bold: level >= 3 };
      const number = String(node.attrs?.number ?? '');
      return [bodyParagraph(docx, inlineRuns(docx, [{ type: 'text', text: number }, ...(node.content ?? [])], style))];
    }
    case 'paragraph':
      return [bodyParagraph(docx, [...inlineRuns(docx, prefix ? [{ type: 'text', text: prefix }] : [], { font: BODY_FONT }), ...inlineRuns(docx, node.content, { font: BODY_FONT })])];
    case 'bulletList':
    case 'orderedList':
      return (node.content ?? []).flatMap((item, i) =>
        (item.content ?? []).flatMap((child, j) => blockParagraphs(docx, child, j === 0 ? (node.type === 'bulletList' ? '• ' : `${i + 1}. `) : '')));
    case 'blockquote':
      return (node.content ?? []).flatMap((child) => blockParagraphs(docx, child));
    default:
      return node.content ? (node.content ?? []).flatMap((child) => blockParagraphs(docx, child)) : [];
  }
}

/** Builds the .docx of a draft: its name as the title unless the draft already starts with a title. */
export async function draftToWord(title: string, doc: JSONContent): Promise<Blob> {
  const docx = await import('docx');
  const blocks = doc.content ?? [];
  const hasTitle = blocks[0]?.type === 'heading' && blocks[0].attrs?.level === 1;
  const titleBlock: JSONContent[] = hasTitle || !title.trim() ? [] : [{ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: title }] }];
  const mm = docx.convertMillimetersToTwip;
  const document = new docx.Document({
    creator: '讲稿',
    title,
    sections: [{
      properties: { page: { margin: { top: mm(PAGE_MARGINS_MM.top), bottom: mm(PAGE_MARGINS_MM.bottom), left: mm(PAGE_MARGINS_MM.left), right: mm(PAGE_MARGINS_MM.right) } } },
      children: [...titleBlock, ...blocks].flatMap((block) => blockParagraphs(docx, block)),
    }],
  });
  return docx.Packer.toBlob(document);
}
