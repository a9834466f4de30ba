/** The live TipTap editor of the open draft, for the toolbar and side panels (null while none is mounted). */
import type { Editor } from '@tiptap/core';
import { create } from 'zustand';

export const useEditorInstance = create<{ editor: Editor | null }>(() => ({ editor: null }));
