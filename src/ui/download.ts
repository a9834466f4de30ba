/** Saves a file to the writer's machine through the browser's download (nothing leaves the machine). */
export function downloadFile(name: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
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
