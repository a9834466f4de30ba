/** Saves a file to the writer's machine through the browser's download (nothing leaves the machine). */
export function downloadFile(name: string, content: string | Blob, type: string): void {
  const url = URL.createObjectURL(typeof content === 'string' ? new Blob([content], { type }) : content);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Reads a file the writer picked as bytes. */
export async function readPickedFile(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}
