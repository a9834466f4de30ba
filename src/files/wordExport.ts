/**
 * The open draft as a Word document (.docx), laid out the way 讲话稿 are printed (GB/T 9704-2012 where it
 * applies): A4 with 37/35/28/26 mm margins, title in 小标宋 二号 centred, body in 仿宋 三号 with a two-character
 * first-line indent and a fixed 28.95 pt line, 一、 headings in 黑体, （一） in 楷体, 1.（1） in bold 仿宋; a
 * run-in heading (「（一）层层传达学习。一是……」) takes the heading font for its first sentence only. Salutation
 * lines (「同志们：」) start at the margin; the speaker and date lines under the title are centred in 楷体
 * (rules in src/structure/paragraphRoles.ts, shared with the editor). Page numbers 「— 1 —」 in 四号 宋体
 * sit in the footer, odd pages right and even pages left, one character in from the edge.
 * Section numbers come from the document (they are computed by the editor and stored on each heading).
 * Every run names its Chinese font in `w:eastAsia`. The `docx` library is loaded only when the writer exports.
 */
import type { JSONContent } from '@tiptap/core';
import { SECTION_HEADING } from '../document/schema';
import { paragraphRoles, runInTitleLength, type ParagraphRole, type RoleBlock } from '../structure';

const TITLE_FONT = '方正小标宋简体';
const BODY_FONT = '仿宋_GB2312';
const KAI_FONT = '楷体_GB2312';
const PAGE_NUMBER_FONT = '宋体';
const LEVEL_FONTS = { 1: '黑体', 2: KAI_FONT, 3: BODY_FONT, 4: BODY_FONT } as const;
/** 三号 = 16 pt, 二号 = 22 pt, 四号 = 14 pt; docx counts half-points. */
const BODY_SIZE_HALF_POINTS = 32;
const TITLE_SIZE_HALF_POINTS = 44;
const PAGE_NUMBER_SIZE_HALF_POINTS = 28;
/** One character of 四号 (14 pt) between the page number and the edge of the text block. */
const PAGE_NUMBER_INDENT_TWIPS = 280;
/** Fixed line pitch of printed official documents: 28.95 pt, in twentieths of a point. */
const LINE_PITCH_TWIPS = 579;
/** Two characters of 16 pt. */
const FIRST_LINE_INDENT_TWIPS = 640;
const PAGE_MARGINS_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;
/** Page edge to the footer's foot, so that the page number sits about 7 mm under the text block (GB/T 9704 7.5). */
const FOOTER_DISTANCE_MM = 24;

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

/**
 * Splits inline content after its first `length` characters of text (as ProseMirror's textContent counts
 * them: a hard break counts none), cutting a text node in two where needed.
 */
function splitInline(nodes: readonly JSONContent[], length: number): [JSONContent[], JSONContent[]] {
  const head: JSONContent[] = [];
  const tail: JSONContent[] = [];
  let left = length;
  for (const node of nodes) {
    const size = node.type === 'text' ? (node.text ?? '').length : 0;
    if (left <= 0) tail.push(node);
    else if (size <= left) { head.push(node); left -= size; }
    else {
      head.push({ ...node, text: node.text!.slice(0, left) });
      tail.push({ ...node, text: node.text!.slice(left) });
      left = 0;
    }
  }
  return [head, tail];
}

type Layout = 'body' | 'flush' | 'centred';

function bodyParagraph(docx: Docx, children: ReturnType<typeof inlineRuns>, layout: Layout = 'body') {
  return new docx.Paragraph({
    children,
    indent: layout === 'body' ? { firstLine: FIRST_LINE_INDENT_TWIPS } : { firstLine: 0 },
    spacing: { line: LINE_PITCH_TWIPS, lineRule: docx.LineRuleType.EXACT },
    alignment: layout === 'centred' ? docx.AlignmentType.CENTER : docx.AlignmentType.JUSTIFIED,
  });
}

/** 「— 1 —」: a PAGE field between em dashes, in 四号 宋体, at the outer edge one character in. */
function pageNumberFooter(docx: Docx, side: 'odd' | 'even') {
  const font = { ascii: PAGE_NUMBER_FONT, hAnsi: PAGE_NUMBER_FONT, eastAsia: PAGE_NUMBER_FONT };
  const size = PAGE_NUMBER_SIZE_HALF_POINTS;
  return new docx.Footer({
    children: [new docx.Paragraph({
      alignment: side === 'odd' ? docx.AlignmentType.RIGHT : docx.AlignmentType.LEFT,
      indent: side === 'odd' ? { right: PAGE_NUMBER_INDENT_TWIPS } : { left: PAGE_NUMBER_INDENT_TWIPS },
      children: [
        new docx.TextRun({ text: '— ', font, size }),
        new docx.TextRun({ children: [docx.PageNumber.CURRENT], font, size }),
        new docx.TextRun({ text: ' —', font, size }),
      ],
    })],
  });
}

/** Top-level blocks → Word paragraphs (lists and quotes are flattened into body paragraphs). */
function blockParagraphs(docx: Docx, node: JSONContent, prefix = '', role: ParagraphRole | null = null): InstanceType<Docx['Paragraph']>[] {
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
      const number: JSONContent = { type: 'text', text: String(node.attrs?.number ?? '') };
      const content = node.content ?? [];
      const titleLength = runInTitleLength(textContent(content));
      if (titleLength === null) return [bodyParagraph(docx, inlineRuns(docx, [number, ...content], style))];
      // A run-in heading: the title sentence in the heading's font, the text after it as body.
      const [title, body] = splitInline(content, titleLength);
      return [bodyParagraph(docx, [...inlineRuns(docx, [number, ...title], style), ...inlineRuns(docx, body, { font: BODY_FONT })])];
    }
    case 'paragraph': {
      const inline = [...(prefix ? [{ type: 'text', text: prefix }] : []), ...(node.content ?? [])];
      if (role === 'speaker' || role === 'date') return [bodyParagraph(docx, inlineRuns(docx, inline, { font: KAI_FONT }), 'centred')];
      return [bodyParagraph(docx, inlineRuns(docx, inline, { font: BODY_FONT }), role === 'salutation' ? 'flush' : 'body')];
    }
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

function textContent(nodes: readonly JSONContent[]): string {
  return nodes.map((node) => (node.type === 'text' ? node.text ?? '' : '')).join('');
}

function roleBlock(node: JSONContent): RoleBlock {
  const kind = node.type === 'paragraph' ? 'paragraph' : node.type === 'heading' && node.attrs?.level === 1 ? 'title' : 'other';
  return { kind, text: textContent(node.content ?? []) };
}

/** Builds the .docx of a draft: its name as the title unless the draft already starts with a title. */
export async function draftToWord(title: string, doc: JSONContent): Promise<Blob> {
  const docx = await import('docx');
  const blocks = doc.content ?? [];
  const hasTitle = blocks[0]?.type === 'heading' && blocks[0].attrs?.level === 1;
  const titleBlock: JSONContent[] = hasTitle || !title.trim() ? [] : [{ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: title }] }];
  const mm = docx.convertMillimetersToTwip;
  const allBlocks = [...titleBlock, ...blocks];
  const roles = paragraphRoles(allBlocks.map(roleBlock));
  const document = new docx.Document({
    creator: '讲稿',
    title,
    evenAndOddHeaderAndFooters: true,
    sections: [{
      properties: { page: { margin: { top: mm(PAGE_MARGINS_MM.top), bottom: mm(PAGE_MARGINS_MM.bottom), left: mm(PAGE_MARGINS_MM.left), right: mm(PAGE_MARGINS_MM.right), footer: mm(FOOTER_DISTANCE_MM) } } },
      footers: { default: pageNumberFooter(docx, 'odd'), even: pageNumberFooter(docx, 'even') },
      children: allBlocks.flatMap((block, i) => blockParagraphs(docx, block, '', roles[i])),
    }],
  });
  return docx.Packer.toBlob(document);
}
