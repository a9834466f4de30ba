/**
 * Template files: the writer's own templates exported as JSON and imported back (on this or another
 * computer). Owns the file format and its validation: a file that is not JSON, not a Jianggao template
 * file, of another version, or with any malformed template is refused as a whole with a Chinese reason,
 * and nothing is written. A valid import (written by src/storage/templates.ts) never overwrites: an identical template is skipped, a different
 * one with the same id is added as a copy.
 */
import { MAX_TEMPLATE_BODY_CHARS, MAX_TEMPLATE_NAME_CHARS } from './rules';
import { TEMPLATE_CATEGORIES, type TemplateCategory, type TemplateRecord } from './types';
import { validateTemplateRecord } from './validate';
import { parseVariables } from './variables';

/** Marks a JSON file as a Jianggao template file. Never change it: old files must stay importable. */
export const TEMPLATE_FILE_FORMAT = 'jianggao-templates';
/** The file version this release writes and reads. Bump it with a migration in `parseTemplateFile`. */
export const TEMPLATE_FILE_VERSION = 1;
/** Most templates one file may hold. */
export const MAX_TEMPLATES_PER_FILE = 2_000;

export interface TemplateFile {
  format: typeof TEMPLATE_FILE_FORMAT;
  version: typeof TEMPLATE_FILE_VERSION;
  exportedAt: string;
  templates: TemplateRecord[];
}

/** The file name offered when exporting. */
export function templateFileName(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `讲稿模板-${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}.json`;
}

/** The JSON text of a template file with the writer's own templates (built-ins ship with the app). */
export function exportTemplateFile(templates: readonly TemplateRecord[], now = new Date()): string {
  const own = templates.filter((t) => !t.builtin).map(({ hidden: _hidden, builtinVersion: _version, ...t }) => ({ ...t, builtin: false }));
  const file: TemplateFile = { format: TEMPLATE_FILE_FORMAT, version: TEMPLATE_FILE_VERSION, exportedAt: now.toISOString(), templates: own };
  return JSON.stringify(file, null, 2);
}

export type ParsedTemplateFile = { ok: true; templates: TemplateRecord[] } | { ok: false; error: string };

function checkTemplate(raw: unknown, index: number): { ok: true; value: TemplateRecord } | { ok: false; error: string } {
  const where = `第 ${index + 1} 个模板`;
  const base = validateTemplateRecord(raw);
  if (!base.ok) return { ok: false, error: `${where}无效：${base.reason}` };
  const t = raw as Record<string, unknown>;
  const name = String(t.name).trim();
  if (name.length > MAX_TEMPLATE_NAME_CHARS) return { ok: false, error: `${where}「${name.slice(0, 20)}…」名称太长` };
  if (!TEMPLATE_CATEGORIES.includes(t.category as TemplateCategory)) return { ok: false, error: `${where}「${name}」的分类「${String(t.category)}」无法识别` };
  if (!String(t.body).trim()) return { ok: false, error: `${where}「${name}」正文是空的` };
  if (String(t.body).length > MAX_TEMPLATE_BODY_CHARS) return { ok: false, error: `${where}「${name}」正文太长` };
  if (t.variables !== undefined && !(Array.isArray(t.variables) && t.variables.every((v) => typeof v === 'string'))) return { ok: false, error: `${where}「${name}」的变量列表格式错误` };
  if (t.updatedAt !== undefined && !(typeof t.updatedAt === 'number' && Number.isFinite(t.updatedAt))) return { ok: false, error: `${where}「${name}」的修改时间格式错误` };
  const body = base.value.body.replace(/\r\n?/g, '\n');
  return { ok: true, value: { id: base.value.id, name, category: base.value.category, body, variables: parseVariables(body), builtin: false, updatedAt: base.value.updatedAt } };
}

/** Reads a template file's text; either every template in it is valid, or a Chinese reason. */
export function parseTemplateFile(text: string): ParsedTemplateFile {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, error: '文件不是有效的 JSON 格式，可能已损坏或不是模板文件' };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, error: '这不是讲稿的模板文件' };
  const file = json as Record<string, unknown>;
  if (file.format !== TEMPLATE_FILE_FORMAT) return { ok: false, error: '这不是讲稿的模板文件（缺少格式标记）' };
  if (file.version !== TEMPLATE_FILE_VERSION) {
    const newer = typeof file.version === 'number' && file.version > TEMPLATE_FILE_VERSION;
    return { ok: false, error: newer ? `模板文件版本为 ${file.version}，比本程序新，请先升级讲稿` : `无法识别的模板文件版本：${String(file.version)}` };
  }
  if (!Array.isArray(file.templates)) return { ok: false, error: '模板文件缺少模板列表' };
  if (file.templates.length === 0) return { ok: false, error: '模板文件里没有模板' };
  if (file.templates.length > MAX_TEMPLATES_PER_FILE) return { ok: false, error: `模板文件里的模板超过 ${MAX_TEMPLATES_PER_FILE} 个` };
  const templates: TemplateRecord[] = [];
  for (const [index, raw] of file.templates.entries()) {
    const result = checkTemplate(raw, index);
    if (!result.ok) return result;
    templates.push(result.value);
  }
  return { ok: true, templates };
}
