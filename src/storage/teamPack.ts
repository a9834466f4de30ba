/**
 * The storage side of a team pack (format: src/files/teamPack.ts): collecting the chosen sections, and
 * applying an imported pack — first a plan (what will be added, replaced, skipped as duplicate), then,
 * on the writer's confirmation, every write in ONE transaction, so a failure changes nothing.
 * Sections are handlers in a list; another part of the app adds its own (own formulations, favourites,
 * timeliness rules) with `registerPackSection`. A section this version does not know is shown and skipped.
 */
import { FAVOURITES_KEY, OFFICE_RULES_KEY, OWN_PHRASES_KEY, readFavourites, readOfficeRules, readOwnPhrases, validateOfficeRules } from './checks';
import { findDuplicate, fingerprintText, type Fingerprint } from '../archive/duplicates';
import type { ArchiveDocument, PackSection } from '../archive/types';
import { validateTemplateRecord } from '../templates/validate';
import { newTemplateId } from '../templates/rules';
import type { TemplateRecord } from '../templates/types';
import type { JianggaoDB, StoreName } from './db';
import { validateUserDocument, type UserDocumentRecord } from './records';
import { listUserDocuments, toUserDocumentRecord, USER_DOCUMENT_STORES, writeUserDocument } from './userDocuments';

/** One write of an applied pack; `key` for stores with out-of-line keys (settings). */
export interface PackWrite { store: StoreName; value: unknown; key?: string }

/** What one section of a pack will do. */
export interface SectionPlan {
  id: string;
  label: string;
  known: boolean;
  add: number;
  replace: number;
  skip: number;
  /** A few lines naming what is skipped or replaced, for the preview. */
  notes: string[];
  writes: PackWrite[];
}

export interface PackSectionHandler {
  id: string;
  label: string;
  /** The items to export (the writer's own data only). */
  collect(db: JianggaoDB): Promise<unknown[]>;
  plan(db: JianggaoDB, items: readonly unknown[]): Promise<Omit<SectionPlan, 'id' | 'label' | 'known'>>;
}

const MAX_NOTES = 20;

/** An archive document in a pack; its hash and signature are recomputed here, never trusted. */
function packDocument(v: unknown): Omit<ArchiveDocument, 'hash' | 'signature'> | null {
  const checked = validateUserDocument({ id: 'pack', ...(typeof v === 'object' && v ? v : {}), schemaVersion: undefined });
  if (!checked.ok || !checked.value.text.trim()) return null;
  const { title, text, date, year, sourceName, folder, enabled, study } = checked.value;
  return { title, text, date, year, sourceName, folder, enabled, study };
}

const documentsSection: PackSectionHandler = {
  id: 'documents',
  label: '我的文稿',
  async collect(db) {
    return (await listUserDocuments(db)).map(({ title, text, date, year, sourceName, folder, enabled, study }) => ({ title, text, date, year, sourceName, folder, enabled, study }));
  },
  async plan(db, items) {
    const known: Fingerprint[] = (await listUserDocuments(db)).map((d) => ({ hash: d.hash, signature: d.signature, text: d.text, title: d.title }));
    const result = { add: 0, replace: 0, skip: 0, notes: [] as string[], writes: [] as PackWrite[] };
    const now = Date.now();
    for (const item of items) {
      const doc = packDocument(item);
      if (!doc) {
        result.skip++;
        if (result.notes.length < MAX_NOTES) result.notes.push('一篇文稿的记录无效，跳过');
        continue;
      }
      const fp = await fingerprintText(doc.text);
      const dup = findDuplicate(fp, known);
      if (dup) {
        result.skip++;
        if (result.notes.length < MAX_NOTES) result.notes.push(`「${doc.title}」与已有的「${dup.of.title}」${dup.kind === 'duplicate' ? '相同' : '几乎相同'}，跳过`);
        continue;
      }
      known.push({ hash: fp.hash, signature: fp.signature, text: doc.text, title: doc.title });
      result.add++;
      result.writes.push({ store: 'userDocuments', value: toUserDocumentRecord({ ...doc, hash: fp.hash, signature: fp.signature }, now + result.add) });
    }
    return result;
  },
};

const sameTemplate = (a: TemplateRecord, b: TemplateRecord) => a.name === b.name && a.category === b.category && a.body === b.body;

const templatesSection: PackSectionHandler = {
  id: 'templates',
  label: '我的模板',
  async collect(db) {
    return (await db.getAll('templates')).map(validateTemplateRecord).flatMap((r) => (r.ok && !r.value.builtin ? [r.value] : []));
  },
  async plan(db, items) {
    const existing = (await db.getAll('templates')).map(validateTemplateRecord).flatMap((r) => (r.ok ? [r.value] : []));
    const result = { add: 0, replace: 0, skip: 0, notes: [] as string[], writes: [] as PackWrite[] };
    for (const item of items) {
      const checked = validateTemplateRecord(item);
      if (!checked.ok || checked.value.builtin) {
        result.skip++;
        if (result.notes.length < MAX_NOTES) result.notes.push(`一个模板无效，跳过${checked.ok ? '' : `（${checked.reason}）`}`);
        continue;
      }
      const incoming = checked.value;
      if (existing.some((t) => sameTemplate(t, incoming))) {
        result.skip++;
        if (result.notes.length < MAX_NOTES) result.notes.push(`模板「${incoming.name}」已有，跳过`);
        continue;
      }
      const same = existing.find((t) => t.id === incoming.id);
      if (same && !same.builtin) {
        result.replace++;
        if (result.notes.length < MAX_NOTES) result.notes.push(`模板「${same.name}」将被替换为团队包中的版本`);
        result.writes.push({ store: 'templates', value: { ...incoming, builtin: false } });
      } else {
        result.add++;
        const record: TemplateRecord = { ...incoming, id: same ? newTemplateId() : incoming.id, builtin: false };
        result.writes.push({ store: 'templates', value: record });
        existing.push(record);
      }
    }
    return result;
  },
};

/**
 * A list kept under one settings key (office rules, 我的提法, favourites): items not already there (same
 * `identity`) are added; the merged list is written once. Invalid items are skipped, never written.
 */
function settingsListSection<T>(id: string, label: string, key: string, read: (db: JianggaoDB) => Promise<T[]>,
  validate: (items: unknown[]) => T[] | null, identity: (item: T) => string, describe: (item: T) => string): PackSectionHandler {
  return {
    id, label,
    collect: async (db) => read(db),
    async plan(db, items) {
      const have = await read(db);
      const seen = new Set(have.map(identity));
      const result = { add: 0, replace: 0, skip: 0, notes: [] as string[], writes: [] as PackWrite[] };
      const merged = [...have];
      for (const item of items) {
        const valid = validate([item])?.[0];
        if (valid === undefined || seen.has(identity(valid))) {
          result.skip++;
          if (result.notes.length < MAX_NOTES) result.notes.push(valid === undefined ? `${label}中有一项无法识别，跳过` : `${label}「${describe(valid)}」已有，跳过`);
          continue;
        }
        seen.add(identity(valid));
        merged.push(valid);
        result.add++;
      }
      if (result.add) result.writes.push({ store: 'settings', key, value: merged });
      return result;
    },
  };
}

const strings = (items: unknown[]) => (items.every((x) => typeof x === 'string' && x.trim().length >= 2) ? (items as string[]) : null);

const officeRulesSection = settingsListSection('office-rules', '本单位时效规则', OFFICE_RULES_KEY, readOfficeRules,
  (items) => { const v = validateOfficeRules(items); return v.ok ? v.value : null; }, (r) => r.id, (r) => r.old ?? r.id);
const ownPhrasesSection = settingsListSection('own-phrases', '我的提法', OWN_PHRASES_KEY, readOwnPhrases, strings, (p) => p, (p) => p);
const favouritesSection = settingsListSection('favourites', '收藏的提法', FAVOURITES_KEY, readFavourites, strings, (p) => p, (p) => p);

const handlers: PackSectionHandler[] = [documentsSection, templatesSection, officeRulesSection, ownPhrasesSection, favouritesSection];

/** Adds a section kind (replacing one with the same id). */
export function registerPackSection(handler: PackSectionHandler): void {
  const i = handlers.findIndex((h) => h.id === handler.id);
  if (i >= 0) handlers[i] = handler;
  else handlers.push(handler);
}

export function packSectionKinds(): { id: string; label: string }[] {
  return handlers.map(({ id, label }) => ({ id, label }));
}

/** The chosen sections' items, ready for writeTeamPack. */
export async function collectPackSections(db: JianggaoDB, ids: readonly string[]): Promise<PackSection[]> {
  const out: PackSection[] = [];
  for (const h of handlers) if (ids.includes(h.id)) out.push({ id: h.id, label: h.label, items: await h.collect(db) });
  return out;
}

export async function planPack(db: JianggaoDB, sections: readonly PackSection[]): Promise<SectionPlan[]> {
  const plans: SectionPlan[] = [];
  for (const section of sections) {
    const h = handlers.find((x) => x.id === section.id);
    if (!h) {
      plans.push({ id: section.id, label: section.label, known: false, add: 0, replace: 0, skip: section.items.length, notes: ['这一部分本版本的讲稿不认识，跳过'], writes: [] });
      continue;
    }
    plans.push({ id: h.id, label: h.label, known: true, ...(await h.plan(db, section.items)) });
  }
  return plans;
}

/** Writes every planned change in one transaction: all of it, or (on any failure) none. */
export async function applyPack(db: JianggaoDB, plans: readonly SectionPlan[]): Promise<void> {
  const writes = plans.flatMap((p) => p.writes);
  if (!writes.length) return;
  // An own document is written with its digest (userDocuments.ts), whichever section adds it.
  const stores = [...new Set(writes.flatMap((w): StoreName[] => (w.store === 'userDocuments' ? [...USER_DOCUMENT_STORES] : [w.store])))];
  const tx = db.transaction(stores, 'readwrite');
  try {
    for (const w of writes) {
      if (w.store === 'userDocuments') await writeUserDocument(tx, w.value as UserDocumentRecord);
      else await (w.key === undefined ? tx.objectStore(w.store).put(w.value as never) : tx.objectStore(w.store).put(w.value as never, w.key as never));
    }
    await tx.done;
  } catch (error) {
    try { tx.abort(); } catch { /* already finished */ }
    throw error;
  }
}
