/**
 * Decodes a text file the writer imports: UTF-8 (with or without BOM), else GB18030/GBK, which office
 * machines still produce. Binary files are refused with a Chinese message.
 */
export const MAX_TEXT_FILE_BYTES = 20 * 1024 * 1024;

export interface DecodedText { text: string; encoding: 'UTF-8' | 'GBK' }

export function decodeTextFile(bytes: Uint8Array): DecodedText {
  if (bytes.length > MAX_TEXT_FILE_BYTES) throw new Error(`文件过大（${(bytes.length / 1048576).toFixed(1)} MB），请拆分后再导入。`);
  if (bytes.subarray(0, 4096).includes(0)) throw new Error('这不是文本文件（含有二进制内容），请选择 .txt 文本文件。');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    try {
      return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'GBK' };
    } catch {
      throw new Error('无法识别文件的文字编码（既不是 UTF-8 也不是 GBK），请另存为 UTF-8 文本后再导入。');
    }
  }
}
