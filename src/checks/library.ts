/**
 * 提法库: the recurring formulations of a set of documents, browsable and searchable by characters or by
 * pinyin initials (「lgql」 finds 「两个确立」).
 *
 * Candidates are cut at the writers' own boundaries: quoted terms (“两个确立”, 「…」) and whole clauses
 * between punctuation marks. A candidate written in ≥ minDocs documents is kept, unless it is a fragment —
 * contained in a longer kept formulation written in as many documents. Each keeps its documents, years,
 * packs and an example sentence from the newest document. Pure, no DOM; one pass over the text.
 */
import { readingsOf } from './pinyin';

export interface LibraryDocument {
  title: string;
  pack: string;
  year: number | null;
  text: string;
}

export interface Formulation {
  text: string;
  /** Distinct documents writing it. */
  docs: number;
  /** Years of those documents, newest first. */
  years: number[];
  packs: string[];
  /** A sentence of the newest document that writes it. */
  example: string;
  exampleTitle: string;
}

export interface LibraryOptions {
  minDocs?: number;
  minChars?: number;
  maxChars?: number;
}

export interface LibraryQuery {
  /** Characters (a substring) or pinyin initials (「lgql」), case-insensitive. */
  text?: string;
  /** Only formulations written in some document of these years (inclusive). */
  fromYear?: number;
  toYear?: number;
  pack?: string;
  limit?: number;
}

const TERM = /[“「]([^“”「」\n]{2,16})[”」]/gu;
const CLAUSE_SPLIT = /[，。！？；、：“”「」《》（）()\n]/u;
const HAN = /\p{Script=Han}/u;
const SENTENCE = /[^。！？；\n]*[。！？；]?/gu;

export class FormulationLibrary {
  readonly formulations: Formulation[];
  readonly buildMs: number;

  constructor(documents: readonly LibraryDocument[], options: LibraryOptions = {}) {
    const t0 = performance.now();
    const minDocs = options.minDocs ?? 3;
    const minChars = options.minChars ?? 4;
    const maxChars = options.maxChars ?? 20;
    // Per distinct string: its last document and its documents (an array only once a second one is seen).
    const ids = new Map<string, number>();
    const last: number[] = [];
    const docsOf: (number[] | null)[] = [];
    const add = (s: string, d: number) => {
      if (s.length < 2 || s.length > maxChars) return;
      const id = ids.get(s);
      if (id === undefined) {
        if (!HAN.test(s)) return;
        ids.set(s, last.length);
        last.push(d);
        docsOf.push(null);
      } else if (last[id] !== d) {
        (docsOf[id] ??= [last[id]]).push(d);
        last[id] = d;
      }
    };
    documents.forEach((doc, d) => {
      for (const m of doc.text.matchAll(TERM)) add(m[1], d);
      for (const clause of doc.text.split(CLAUSE_SPLIT)) {
        const c = clause.trim();
        if (c.length >= minChars) add(c, d);
      }
    });
    const kept: [string, { docs: number[] }][] = [];
    for (const [s, id] of ids) {
      const list = docsOf[id];
      if (list && list.length >= minDocs) kept.push([s, { docs: list }]);
    }
    kept.sort((a, b) => b[0].length - a[0].length);
    // Fragments: a string inside a longer kept one that no more documents write.
    const containedIn = new Map<string, number>();
    const out: Formulation[] = [];
    for (const [s, t] of kept) {
      if ((containedIn.get(s) ?? 0) >= t.docs.length) continue;
      for (let a = 0; a < s.length; a++) {
        for (let b = a + 2; b <= s.length; b++) {
          if (b - a === s.length) continue;
          const sub = s.slice(a, b);
          if ((containedIn.get(sub) ?? 0) < t.docs.length) containedIn.set(sub, t.docs.length);
        }
      }
      out.push(describe(s, t.docs, documents));
    }
    this.formulations = out.sort((a, b) => b.docs - a.docs || (b.years[0] ?? 0) - (a.years[0] ?? 0) || a.text.localeCompare(b.text));
    this.buildMs = performance.now() - t0;
  }

  search(query: LibraryQuery = {}): Formulation[] {
    const q = (query.text ?? '').trim().toLowerCase();
    const initials = /^[a-z]+$/.test(q);
    const out: Formulation[] = [];
    for (const f of this.formulations) {
      if (query.pack && !f.packs.includes(query.pack)) continue;
      if (query.fromYear !== undefined && !f.years.some((y) => y >= query.fromYear!)) continue;
      if (query.toYear !== undefined && !f.years.some((y) => y <= query.toYear!)) continue;
      if (q && !(initials ? matchesInitials(f.text, q) : f.text.includes(q))) continue;
      out.push(f);
      if (query.limit && out.length >= query.limit) break;
    }
    return out;
  }
}

function describe(text: string, docs: number[], documents: readonly LibraryDocument[]): Formulation {
  const byYear = docs.sort((a, b) => (documents[b].year ?? 0) - (documents[a].year ?? 0));
  const newest = documents[byYear[0]];
  const years = [...new Set(byYear.map((d) => documents[d].year).filter((y): y is number => y !== null))];
  const packs = [...new Set(byYear.map((d) => documents[d].pack))];
  let example = text;
  const at = newest.text.indexOf(text);
  if (at >= 0) {
    SENTENCE.lastIndex = 0;
    for (const m of newest.text.matchAll(SENTENCE)) {
      if (m.index <= at && at < m.index + m[0].length) {
        example = m[0].trim();
        break;
      }
    }
  }
  return { text, docs: docs.length, years, packs, example, exampleTitle: newest.title };
}

const initialsMemo = new Map<number, string>();

/** The possible pinyin initials of one character (every reading of a heteronym); the character itself otherwise. */
function initialsOf(code: number): string {
  let r = initialsMemo.get(code);
  if (r === undefined) {
    const readings = readingsOf(code);
    r = readings.length > 0 ? [...new Set(readings.map((p) => p[0]))].join('') : String.fromCharCode(code).toLowerCase();
    initialsMemo.set(code, r);
  }
  return r;
}

/** Whether consecutive characters of `text` (punctuation skipped) have the initials `q`. */
export function matchesInitials(text: string, q: string): boolean {
  const chars: string[] = [];
  for (let i = 0; i < text.length; i++) if (/\p{Script=Han}|[A-Za-z0-9]/u.test(text[i])) chars.push(initialsOf(text.charCodeAt(i)));
  for (let s = 0; s + q.length <= chars.length; s++) {
    let ok = true;
    for (let j = 0; j < q.length && ok; j++) ok = chars[s + j].includes(q[j]);
    if (ok) return true;
  }
  return false;
}
