/**
 * The template store over the `templates` object store of the app's database. Owns reading (validated,
 * with invalid records set aside in quarantine), seeding and upgrading the built-ins, and every change
 * the writer makes: create, edit, rename, categorise, delete, hide and restore built-ins, import.
 *
 * Built-ins are never deleted and never edited by the writer (they can only be hidden and restored, or
 * copied into a template of the writer's own); the writer's own templates are never touched by seeding.
 * No UI and no timing here: src/templates/library.ts keeps the loaded list for the panels.
 */
import type { JianggaoDB } from '../storage/db';
import { readAllValidated, type Rejected } from '../storage/quarantine';
import { BUILTIN_TEMPLATES } from './builtins';
import { TEMPLATE_CATEGORIES, type TemplateCategory, type TemplateRecord } from './types';
import { validateTemplateRecord } from './validate';
import { parseVariables } from './variables';

/** Longest template name, in characters; longer names are cut. */
export const MAX_TEMPLATE_NAME_CHARS = 60;
/** Largest template body, in characters (a whole long speech fits several times). */
export const MAX_TEMPLATE_BODY_CHARS = 200_000;

/** A change to the store that the writer asked for and that cannot be done, in Chinese. */
export class TemplateError extends Error {
  override name = 'TemplateError';
}

/** What the writer supplies for a template of their own. */
export interface TemplateDraft {
  name: string;
  category: TemplateCategory;
  body: string;
}

function cleanDraft(draft: TemplateDraft): TemplateDraft {
  const name = draft.name.replace(/\s+/g, ' ').trim().slice(0, MAX_TEMPLATE_NAME_CHARS);
  if (!name) throw new TemplateError('请填写模板名称');
  if (!TEMPLATE_CATEGORIES.includes(draft.category)) throw new TemplateError(`没有「${draft.category}」这个分类`);
  const body = draft.body.replace(/\r\n?/g, '\n').replace(/^\n+|\s+$/g, '');
  if (!body.trim()) throw new TemplateError('模板正文是空的');
  if (body.length > MAX_TEMPLATE_BODY_CHARS) throw new TemplateError('模板正文太长');
  return { name, category: draft.category, body };
}

export function newTemplateId(): string {
  return `user-${crypto.randomUUID()}`;
}

/** Display order: category order, then built-ins in their shipped order, then the writer's own by name. */
export function sortTemplates(templates: readonly TemplateRecord[]): TemplateRecord[] {
  const builtinOrder = new Map(BUILTIN_TEMPLATES.map((t, i) => [t.id, i]));
  return [...templates].sort((a, b) =>
    TEMPLATE_CATEGORIES.indexOf(a.category) - TEMPLATE_CATEGORIES.indexOf(b.category)
    || Number(b.builtin) - Number(a.builtin)
    || (builtinOrder.get(a.id) ?? 0) - (builtinOrder.get(b.id) ?? 0)
    || a.name.localeCompare(b.name, 'zh-CN'));
}

/**
 * Adds missing built-ins and upgrades those whose stored `builtinVersion` is older than the shipped one,
 * keeping `hidden`. Records of the writer's own (builtin: false) are never read for writing. Returns how
 * many records were written.
 */
export async function ensureBuiltins(db: JianggaoDB, builtins: readonly TemplateRecord[] = BUILTIN_TEMPLATES): Promise<number> {
  const tx = db.transaction('templates', 'readwrite');
  const store = tx.objectStore('templates');
  let written = 0;
  for (const shipped of builtins) {
    const stored = validateTemplateRecord(await store.get(shipped.id));
    if (stored.ok && !stored.value.builtin) continue; // an id the writer owns: leave it
    if (stored.ok && (stored.value.builtinVersion ?? 0) >= (shipped.builtinVersion ?? 0)) continue;
    const hidden = stored.ok && stored.value.hidden === true;
    await store.put({ ...shipped, ...(hidden ? { hidden: true } : {}) });
    written++;
  }
  await tx.done;
  return written;
}

/** Every valid template (built-ins first seeded), sorted for display; invalid records are quarantined. */
export async function loadTemplates(db: JianggaoDB): Promise<{ templates: TemplateRecord[]; rejected: Rejected[] }> {
  const read = await readAllValidated(db, 'templates', (v) => {
    const result = validateTemplateRecord(v);
    return result.ok ? { ok: true, value: { ...result.value, variables: parseVariables(result.value.body) } } : result;
  });
  // Seeding after the validated read puts back any built-in whose record was just quarantined.
  if (await ensureBuiltins(db)) return { templates: sortTemplates((await readAllValidated(db, 'templates', validateTemplateRecord)).values), rejected: read.rejected };
  return { templates: sortTemplates(read.values), rejected: read.rejected };
}

async function getExisting(db: JianggaoDB, id: string): Promise<TemplateRecord> {
  const result = validateTemplateRecord(await db.get('templates', id));
  if (!result.ok) throw new TemplateError('找不到这个模板，可能已在另一个窗口删除');
  return result.value;
}

/** Creates a template of the writer's own. */
export async function createTemplate(db: JianggaoDB, draft: TemplateDraft, now = Date.now()): Promise<TemplateRecord> {
  const clean = cleanDraft(draft);
  const record: TemplateRecord = { id: newTemplateId(), ...clean, variables: parseVariables(clean.body), builtin: false, updatedAt: now };
  await db.add('templates', record);
  return record;
}

/** Edits, renames or re-categorises a template of the writer's own. */
export async function updateTemplate(db: JianggaoDB, id: string, patch: Partial<TemplateDraft>, now = Date.now()): Promise<TemplateRecord> {
  const existing = await getExisting(db, id);
  if (existing.builtin) throw new TemplateError('内置模板不能修改；可以先“复制为我的模板”再修改');
  const clean = cleanDraft({ name: patch.name ?? existing.name, category: patch.category ?? existing.category, body: patch.body ?? existing.body });
  const record: TemplateRecord = { ...existing, ...clean, variables: parseVariables(clean.body), updatedAt: now };
  await db.put('templates', record);
  return record;
}

/** Copies any template (a built-in too) into a new template of the writer's own. */
export async function duplicateTemplate(db: JianggaoDB, id: string, now = Date.now()): Promise<TemplateRecord> {
  const existing = await getExisting(db, id);
  return createTemplate(db, { name: `${existing.name}（副本）`, category: existing.category, body: existing.body }, now);
}

/** Deletes a template of the writer's own; built-ins can only be hidden. */
export async function deleteTemplate(db: JianggaoDB, id: string): Promise<TemplateRecord> {
  const existing = await getExisting(db, id);
  if (existing.builtin) throw new TemplateError('内置模板不能删除，只能隐藏');
  await db.delete('templates', id);
  return existing;
}

/** Puts back a template deleted a moment ago (the panel's 撤销). */
export async function restoreDeletedTemplate(db: JianggaoDB, record: TemplateRecord): Promise<void> {
  await db.put('templates', record);
}

/** Hides or shows a built-in. */
export async function setBuiltinHidden(db: JianggaoDB, id: string, hidden: boolean): Promise<void> {
  const existing = await getExisting(db, id);
  if (!existing.builtin) throw new TemplateError('只有内置模板可以隐藏；自己的模板可以删除');
  const { hidden: _old, ...rest } = existing;
  await db.put('templates', hidden ? { ...rest, hidden: true } : rest);
}

/** Shows every hidden built-in again; returns how many. */
export async function restoreAllBuiltins(db: JianggaoDB): Promise<number> {
  const tx = db.transaction('templates', 'readwrite');
  let restored = 0;
  for (const raw of await tx.store.getAll()) {
    const result = validateTemplateRecord(raw);
    if (!result.ok || !result.value.builtin || !result.value.hidden) continue;
    const { hidden: _old, ...rest } = result.value;
    await tx.store.put(rest);
    restored++;
  }
  await tx.done;
  return restored;
}
