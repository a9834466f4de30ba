/**
 * The year of a corpus document: the manifest's `year` when it has one, else the first plausible year
 * (1949–2099) in its title, id or file name (「report-2026-anhui.txt」, 「2023年全国“两会”」). Pure.
 */
import type { CheckDocMeta } from './types';

const YEAR = /(?:^|[^0-9])((?:19[4-9]|20[0-9])[0-9])(?![0-9])/;

/** The year a manifest entry states, or the one its title / id / path names, or null. */
export function documentYear(entry: { year?: number | null; title?: string; id?: string; path?: string }): number | null {
  if (typeof entry.year === 'number' && Number.isInteger(entry.year)) return entry.year;
  for (const s of [entry.title, entry.id, entry.path]) {
    const m = s ? YEAR.exec(s) : null;
    if (m) return Number(m[1]);
  }
  return null;
}

/** Metadata of each document, in index order. */
export function documentMetas(entries: readonly { year?: number | null; title: string; id?: string; path?: string }[]): CheckDocMeta[] {
  return entries.map((e) => ({ title: e.title, year: documentYear(e) }));
}
