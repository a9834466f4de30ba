/**
 * Decodes a text file the writer imports. A byte-order mark decides UTF-8 / UTF-16 LE / UTF-16 BE; without
 * one, UTF-16 is recognised by its zero bytes, then UTF-8 is tried strictly (`fatal`), then GB18030/GBK,
 * which office machines still produce — never a guess that yields mojibake. Images, PDFs, Word and zip
 * files renamed .txt are recognised by their first bytes and refused with a Chinese message.
 */
import { ImportRefusal } from '../archive/types';

export const MAX_TEXT_FILE_BYTES = 20 * 1024 * 1024;

export type TextEncodingName = 'UTF-8' | 'UTF-16' | 'GBK';
export interface DecodedText { text: string; encoding: TextEncodingName }

const MAGIC: { bytes: number[]; what: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'PNG 图片' },
  { bytes: [0xff, 0xd8, 0xff], what: 'JPEG 图片' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'GIF 图片' },
  { bytes: [0x42, 0x4d], what: 'BMP 图片' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'PDF 文件' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: '旧版 Word/WPS（.doc/.wps）文件' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: '压缩包或 Word（.docx）文件' },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: 'RAR 压缩包' },
];

/** What a binary file is, by its first bytes, or null when it does not look like one of the known kinds. */
export function binaryKind(bytes: Uint8Array): string | null {
  for (const m of MAGIC) if (m.bytes.every((b, i) => bytes[i] === b)) return m.what;
  return null;
}

/** UTF-16 without a BOM: Chinese or ASCII text has a zero byte in one half of many code units. */
function utf16WithoutBOM(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const units = n / 2;
  if (oddZeros > units * 0.2 && evenZeros < units * 0.05) return 'utf-16le';
  if (evenZeros > units * 0.2 && oddZeros < units * 0.05) return 'utf-16be';
  return null;
}

function strict(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function decodeTextFile(bytes: Uint8Array): DecodedText {
  if (bytes.length > MAX_TEXT_FILE_BYTES) throw new ImportRefusal('too-large', `文件过大（${(bytes.length / 1048576).toFixed(1)} MB，上限 ${MAX_TEXT_FILE_BYTES / 1048576} MB），请拆分后再导入。`);
  const kind = binaryKind(bytes);
  if (kind) throw new ImportRefusal('unsupported', `这不是文本文件（是${kind}），未导入。`);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = strict('utf-8', bytes);
    if (text !== null) return { text, encoding: 'UTF-8' };
  }
  const bom16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  const utf16 = bom16 ?? utf16WithoutBOM(bytes);
  if (utf16) {
    const text = strict(utf16, bytes);
    if (text !== null) return { text, encoding: 'UTF-16' };
  }
  if (bytes.subarray(0, 4096).includes(0)) throw new ImportRefusal('unsupported', '这不是文本文件（含有二进制内容），请选择 .txt 文本文件。');
  const utf8 = strict('utf-8', bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'UTF-8' };
  const gbk = strict('gb18030', bytes);
  if (gbk !== null) return { text: gbk, encoding: 'GBK' };
  throw new ImportRefusal('unreadable', '无法识别文件的文字编码（不是 UTF-8、UTF-16 或 GBK），请另存为 UTF-8 文本后再导入。');
}
