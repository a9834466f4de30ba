/**
 * The template store over the `templates` object store of the app's database. Owns reading (validated,
 * with invalid records set aside in quarantine), seeding and upgrading the built-ins, and every change
 * the writer makes: create, edit, rename, categorise, delete, hide and restore built-ins, import.
 * The rules (limits, cleaning, order) are src/templates/rules.ts; the loaded list is src/state/templates.ts.
 */
import type { JianggaoDB } from './db';
import { readAllValidated, type Rejected } from './quarantine';
import { BUILTIN_TEMPLATES } from '../templates/builtins';
import { cleanTemplateDraft, newTemplateId, sortTemplates, TemplateError, type TemplateDraft } from '../templates/rules';
import type { TemplateRecord } from '../templates/types';
import { validateTemplateRecord } from '../templates/validate';
import { parseVariables } from '../templates/variables';

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
  const clean = cleanTemplateDraft(draft);
  const record: TemplateRecord = { id: newTemplateId(), ...clean, variables: parseVariables(clean.body), builtin: false, updatedAt: now };
  await db.add('templates', record);
  return record;
}

/** Edits, renames or re-categorises a template of the writer's own. */
export async function updateTemplate(db: JianggaoDB, id: string, patch: Partial<TemplateDraft>, now = Date.now()): Promise<TemplateRecord> {
  const existing = await getExisting(db, id);
  if (existing.builtin) throw new TemplateError('内置模板不能修改；可以先“复制为我的模板”再修改');
  const clean = cleanTemplateDraft({ name: patch.name ?? existing.name, category: patch.category ?? existing.category, body: patch.body ?? existing.body });
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

export interface ImportResult {
  added: number;
  /** Identical to a template already there. */
  skipped: number;
  /** Same id as a different template already there: added as a copy under a new id. */
  copied: number;
}

const sameContent = (a: TemplateRecord, b: TemplateRecord) => a.name === b.name && a.category === b.category && a.body === b.body;

/** Imports a parsed file in one transaction. Built-ins are never overwritten; nothing is ever replaced. */
export async function importTemplates(db: JianggaoDB, templates: readonly TemplateRecord[], now = Date.now()): Promise<ImportResult> {
  const tx = db.transaction('templates', 'readwrite');
  const existing = (await tx.store.getAll()).map(validateTemplateRecord).flatMap((r) => (r.ok ? [r.value] : []));
  const result: ImportResult = { added: 0, skipped: 0, copied: 0 };
  for (const incoming of templates) {
    if (existing.some((t) => !t.hidden && sameContent(t, incoming))) {
      result.skipped++;
      continue;
    }
    const clash = existing.some((t) => t.id === incoming.id) || !incoming.id.startsWith('user-');
    const record: TemplateRecord = { ...incoming, id: clash ? newTemplateId() : incoming.id, builtin: false, updatedAt: incoming.updatedAt || now };
    await tx.store.add(record);
    existing.push(record);
    if (clash && existing.some((t) => t.id === incoming.id)) result.copied++;
    else result.added++;
  }
  await tx.done;
  return result;
}
