/**
 * Reads the text of a Word document (.docx) with `mammoth` (loaded only when needed), one paragraph per
 * line. A file that is not a .docx (an old .doc, a renamed file) is refused with a Chinese message.
 */
export const MAX_WORD_FILE_BYTES = 30 * 1024 * 1024;

export async function readWordText(bytes: Uint8Array): Promise<string> {
  if (bytes.length > MAX_WORD_FILE_BYTES) throw new Error(`文件过大（${(bytes.length / 1048576).toFixed(1)} MB），请拆分后再导入。`);
  // A .docx is a zip archive: it starts with "PK". An old binary .doc starts with D0 CF 11 E0.
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf) throw new Error('这是旧版 Word（.doc）文件，请在 Word 中另存为 .docx 后再导入。');
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new Error('这不是 Word（.docx）文件，无法导入。');
  const mammoth = await import('mammoth');
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  // mammoth's browser build reads `arrayBuffer`; its Node build (the unit tests) reads `buffer`.
  const NodeBuffer = (globalThis as { Buffer?: { from(data: ArrayBuffer): unknown } }).Buffer;
  const input = NodeBuffer ? { buffer: NodeBuffer.from(arrayBuffer) } : { arrayBuffer };
  try {
    const { value } = await mammoth.extractRawText(input as { arrayBuffer: ArrayBuffer });
    return value.replace(/\n{2,}/g, '\n');
  } catch {
    throw new Error('Word 文件已损坏，无法读取其中的文字。');
  }
}
