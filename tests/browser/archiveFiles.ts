/**
 * Generated archive files for the browser test and the import benchmark: speeches of distinct wording
 * as .txt (UTF-8, GBK, UTF-16) and .docx (docx), plus the bad cases (a duplicate, a near duplicate, an
 * empty file, a PNG renamed .txt).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { encodeGBK, encodeUTF16 } from '../unit/files/encodings';

export interface ArchiveFile { path: string; bytes: Uint8Array }

const TOPICS = ['乡村振兴', '营商环境', '生态保护', '安全生产', '教育发展', '医疗卫生', '基层治理', '文化建设', '招商引资', '城市更新'];

/** A speech of `paragraphs` paragraphs whose wording is its own (numbers and topics differ per `n`). */
export function generatedSpeech(n: number, paragraphs = 12, extra: string[] = []): string {
  const topic = TOPICS[n % TOPICS.length];
  const lines = [`在全县${topic}工作会议上的讲话`, `（${2015 + (n % 10)}年${1 + (n % 12)}月${1 + (n % 27)}日）`, '同志们：'];
  for (let i = 0; i < paragraphs; i++) {
    lines.push(`第${n}号文件第${i}部分，围绕${topic}第${n * 31 + i}项任务，落实第${(n * 7 + i) % 97}条措施，完成${n + i}个项目的第${i * 3 + n}次调度。`);
  }
  lines.splice(4, 0, ...extra);
  return lines.join('\n');
}

export async function docxBytes(text: string): Promise<Uint8Array> {
  const [title, ...rest] = text.split('\n');
  const doc = new Document({ sections: [{ children: [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(title)] }),
    ...rest.map((line) => new Paragraph({ children: [new TextRun(line)] })),
  ] }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

export const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);

export function writeFiles(root: string, files: readonly ArchiveFile[]): void {
  for (const f of files) {
    const path = join(root, f.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.bytes);
  }
}

/** The utf-8 bytes of `text`. */
export const utf8 = (text: string) => new TextEncoder().encode(text);
export { encodeGBK, encodeUTF16 };
