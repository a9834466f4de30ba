/**
 * The writer's own documents for the phrase index, as a zustand store over src/storage/userDocuments.ts:
 * the list, adding and removing; after a change the index rebuilds in the background when they are on.
 */
import { create } from 'zustand';
import { openJianggaoDB } from '../storage/db';
import type { UserDocumentRecord } from '../storage/records';
import { addUserDocument, deleteUserDocument, listUserDocuments, OWN_DOCUMENTS_PACK } from '../storage/userDocuments';
import { rebuild } from './phraseIndex';
import { useSettings } from './settings';

export { OWN_DOCUMENTS_PACK } from '../storage/userDocuments';
export type { UserDocumentRecord } from '../storage/records';

export interface NewOwnDocument { title: string; text: string }

interface OwnDocumentsState {
  documents: UserDocumentRecord[];
  reload(): Promise<void>;
  /** Adds each document in turn; one that fails is returned with its error and the rest still go in. */
  add<D extends NewOwnDocument>(documents: readonly D[]): Promise<{ document: D; error: unknown }[]>;
  remove(id: string): Promise<void>;
}

export const useOwnDocuments = create<OwnDocumentsState>((set, get) => {
  async function changed(): Promise<void> {
    await get().reload();
    if (!useSettings.getState().disabledPacks.includes(OWN_DOCUMENTS_PACK)) void rebuild();
  }
  return {
    documents: [],
    async reload() {
      set({ documents: await listUserDocuments(await openJianggaoDB()) });
    },
    async add<D extends NewOwnDocument>(documents: readonly D[]) {
      const failed: { document: D; error: unknown }[] = [];
      const db = await openJianggaoDB();
      for (const document of documents) {
        try {
          await addUserDocument(db, document.title, document.text);
        } catch (error) {
          failed.push({ document, error });
        }
      }
      await changed();
      return failed;
    },
    async remove(id) {
      await deleteUserDocument(await openJianggaoDB(), id);
      await changed();
    },
  };
});
