/** Validation of a template record read back from IndexedDB, a template file or a backup. */
import type { Validation } from '../document/validation';
import { TEMPLATE_CATEGORIES, type TemplateCategory, type TemplateRecord } from './types';

export function validateTemplateRecord(v: unknown): Validation<TemplateRecord> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return { ok: false, reason: '模板记录不是对象' };
  const t = v as Record<string, unknown>;
  if (typeof t.id !== 'string' || !t.id) return { ok: false, reason: '模板缺少编号' };
  if (typeof t.name !== 'string' || !t.name.trim()) return { ok: false, reason: '模板缺少名称' };
  if (typeof t.body !== 'string') return { ok: false, reason: `模板「${t.name}」缺少正文` };
  const category: TemplateCategory = TEMPLATE_CATEGORIES.includes(t.category as TemplateCategory) ? (t.category as TemplateCategory) : '自定义';
  const variables = Array.isArray(t.variables) ? t.variables.filter((x): x is string => typeof x === 'string') : [];
  return {
    ok: true,
    value: {
      id: t.id, name: t.name, category, body: t.body, variables, builtin: t.builtin === true,
      ...(t.hidden === true ? { hidden: true } : {}),
      ...(typeof t.builtinVersion === 'number' ? { builtinVersion: t.builtinVersion } : {}),
      updatedAt: typeof t.updatedAt === 'number' ? t.updatedAt : 0,
    },
  };
}
