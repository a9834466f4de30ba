/**
 * The rules of the writer's templates, without storage: limits on names and bodies, the Chinese error for
 * a change that cannot be done, cleaning what the writer typed, new ids, display order and visibility.
 * Built-ins are never deleted and never edited by the writer (they can only be hidden and restored, or
 * copied into a template of the writer's own); src/storage/templates.ts enforces this on every write.
 */
import { BUILTIN_TEMPLATES } from './builtins';
import { TEMPLATE_CATEGORIES, type TemplateCategory, type TemplateRecord } from './types';

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

export function cleanTemplateDraft(draft: TemplateDraft): TemplateDraft {
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

/** The templates the writer sees (hidden built-ins left out). */
export function visibleTemplates(templates: readonly TemplateRecord[]): TemplateRecord[] {
  return templates.filter((t) => !t.hidden);
}
