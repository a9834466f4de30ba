/** Short messages to the writer (a refused paste, a finished import), shown by ui/Notices. */
import { create } from 'zustand';

export interface Toast { id: number; kind: 'error' | 'info'; text: string }

let nextId = 1;

export const useToasts = create<{ toasts: Toast[] }>(() => ({ toasts: [] }));

export const TOAST_VISIBLE_MS = 8000;

export function showToast(text: string, kind: Toast['kind'] = 'info'): void {
  const toast = { id: nextId++, kind, text };
  useToasts.setState((s) => ({ toasts: [...s.toasts, toast] }));
  setTimeout(() => dismissToast(toast.id), TOAST_VISIBLE_MS);
}

export function dismissToast(id: number): void {
  useToasts.setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
}
