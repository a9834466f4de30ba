/**
 * The worker that reads archive files off the main thread (so the editor stays responsive during a large
 * import): each message is one file (the File itself, read here, or its bytes); the answer is its
 * ImportCandidate with its hash and MinHash signature, or the refusal's kind and Chinese reason. The
 * duplicate check itself runs on the page against an index of signature bands (archive/duplicates.ts).
 * Protocol in archiveReader.ts.
 */
import { contentHash, minHashSignature, shingleHashes } from '../archive/duplicates';
import { ImportRefusal } from '../archive/types';
import { readArchiveFile } from './archiveImport';
import type { ReadRequest, ReadResponse } from './archiveReader';

const scope = self as unknown as { onmessage: ((e: MessageEvent<ReadRequest>) => void) | null; postMessage(m: ReadResponse): void };

/** Files are read one at a time, in the order they came: the page consumes them in that order. */
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (e) => {
  const request = e.data;
  queue = queue.then(async () => {
    const { id, path, file } = request;
    try {
      const source = file instanceof Blob
        ? { path, size: file.size, lastModified: (file as Partial<File>).lastModified ?? 0, bytes: async () => new Uint8Array(await file.arrayBuffer()) }
        : { path, size: 'size' in request ? request.size : file.byteLength, lastModified: 'lastModified' in request ? request.lastModified : 0, bytes: async () => new Uint8Array(file) };
      const candidate = await readArchiveFile(source);
      const shingles = shingleHashes(candidate.text);
      const fingerprint = { hash: await contentHash(candidate.text), signature: minHashSignature(shingles) };
      scope.postMessage({ id, ok: true, candidate, fingerprint });
    } catch (error) {
      scope.postMessage({ id, ok: false, kind: error instanceof ImportRefusal ? error.kind : 'unreadable', message: error instanceof Error ? error.message : String(error) });
    }
  });
};
