/**
 * The worker that reads archive files off the main thread (so the editor stays responsive during a large
 * import): each message is one file's bytes; the answer is its ImportCandidate with its fingerprint, or
 * the refusal's kind and Chinese reason. Protocol in archiveReader.ts.
 */
import { fingerprintText } from '../archive/duplicates';
import { ImportRefusal } from '../archive/types';
import { readArchiveFile } from './archiveImport';
import type { ReadRequest, ReadResponse } from './archiveReader';

const scope = self as unknown as { onmessage: ((e: MessageEvent<ReadRequest>) => void) | null; postMessage(m: ReadResponse): void };

scope.onmessage = (e) => {
  const { id, path, size, lastModified, bytes } = e.data;
  void (async () => {
    try {
      const candidate = await readArchiveFile({ path, size, lastModified, bytes: async () => new Uint8Array(bytes) });
      const { hash, signature, shingles } = await fingerprintText(candidate.text);
      scope.postMessage({ id, ok: true, candidate, fingerprint: { hash, signature, shingles: [...shingles] } });
    } catch (error) {
      scope.postMessage({ id, ok: false, kind: error instanceof ImportRefusal ? error.kind : 'unreadable', message: error instanceof Error ? error.message : String(error) });
    }
  })();
};
