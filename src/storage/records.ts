/**
 * The shapes stored in IndexedDB and their validation. Everything read back from the database passes
 * through a `validate*` function here before the app sees it (Excalidraw's restore* idea): a record that
 * fails is reported with a Chinese reason and set aside, never allowed to crash the app.
 */

import type { DocJSON } from '../document/schema';
import type { Validation } from '../document/validation';
import type { ArchiveDocument } from '../archive/types';
import { SIGNATURE_HASHES } from '../archive/duplicates';

export type { DocJSON, Validation };

export interface DraftRecord {
  id: string;
  title: string;
  doc: DocJSON;
  /** Plain text with computed numbers, for the draft list, search and export. */
  text: string;
  createdAt: number;
  updatedAt: number;
}

export interface SnapshotRecord {
  id: string;
  draftId: string;
  createdAt: number;
  doc: DocJSON;
  text: string;
  /** 自动 / 手动 / 恢复前 */
  reason: 'auto' | 'manual' | 'before-restore';
  /** The writer's name for the version (初稿, 修改稿), if any. */
  name?: string;
}

/** Longest name a history version may carry, in characters. */
export const MAX_SNAPSHOT_NAME_CHARS = 30;

/** A version name as stored: trimmed, one line, at most MAX_SNAPSHOT_NAME_CHARS; undefined when there is none. */
export function cleanSnapshotName(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const name = v.replace(/\s+/g, ' ').trim();
  return name ? [...name].slice(0, MAX_SNAPSHOT_NAME_CHARS).join('') : undefined;
}

export interface QuarantineRecord {
  id?: number;
  store: string;
  key: string;
  value: unknown;
  reason: string;
  at: number;
}

/** Version of the own-document record's shape; a record without one is from before the archive (title, text, addedAt). */
export const USER_DOCUMENT_SCHEMA_VERSION = 2;

/** One of the writer's own documents (我的文稿): an archive document plus its id, when it was added and its size. */
export interface UserDocumentRecord extends ArchiveDocument {
  schemaVersion: typeof USER_DOCUMENT_SCHEMA_VERSION;
  id: string;
  addedAt: number;
  /** Characters without whitespace. */
  chars: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

export function isDocJSON(v: unknown): v is DocJSON {
  return isObject(v) && v.type === 'doc' && (v.content === undefined || Array.isArray(v.content));
}

export function validateDraft(v: unknown): Validation<DraftRecord> {
  if (!isObject(v)) return { ok: false, reason: '稿件记录不是对象' };
  if (typeof v.id !== 'string' || !v.id) return { ok: false, reason: '稿件缺少编号' };
  if (!isDocJSON(v.doc)) return { ok: false, reason: '稿件正文格式已损坏' };
  if (!isTime(v.createdAt) || !isTime(v.updatedAt)) return { ok: false, reason: '稿件时间字段已损坏' };
  const title = typeof v.title === 'string' ? v.title : '未命名稿件';
  const text = typeof v.text === 'string' ? v.text : '';
  return { ok: true, value: { id: v.id, title, doc: v.doc, text, createdAt: v.createdAt, updatedAt: v.updatedAt } };
}

export function validateSnapshot(v: unknown): Validation<SnapshotRecord> {
  if (!isObject(v)) return { ok: false, reason: '历史版本记录不是对象' };
  if (typeof v.id !== 'string' || typeof v.draftId !== 'string') return { ok: false, reason: '历史版本缺少编号' };
  if (!isDocJSON(v.doc) || !isTime(v.createdAt)) return { ok: false, reason: '历史版本内容已损坏' };
  const reason = v.reason === 'manual' || v.reason === 'before-restore' ? v.reason : 'auto';
  const name = cleanSnapshotName(v.name);
  return {
    ok: true,
    value: { id: v.id, draftId: v.draftId, createdAt: v.createdAt, doc: v.doc, text: typeof v.text === 'string' ? v.text : '', reason, ...(name ? { name } : {}) },
  };
}

const DATE_PATTERN = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/**
 * A stored own document, or the reason it cannot be used. A record from before the archive (no
 * schemaVersion) is accepted with defaults — on, not 学习材料, no hash yet (`hash: ''`), which
 * storage/userDocuments.ts fills in and writes back on first read.
 */
export function validateUserDocument(v: unknown): Validation<UserDocumentRecord> {
  if (!isObject(v) || typeof v.id !== 'string' || !v.id || typeof v.text !== 'string') return { ok: false, reason: '自有语料记录已损坏' };
  if (v.schemaVersion !== undefined && v.schemaVersion !== USER_DOCUMENT_SCHEMA_VERSION) return { ok: false, reason: `自有语料记录的版本（${String(v.schemaVersion)}）无法识别` };
  const addedAt = isTime(v.addedAt) ? v.addedAt : 0;
  const legacyDate = new Date(addedAt || Date.now());
  const date = typeof v.date === 'string' && DATE_PATTERN.test(v.date) ? v.date : String(legacyDate.getFullYear());
  const year = typeof v.year === 'number' && Number.isInteger(v.year) ? v.year : Number(date.slice(0, 4));
  const signature = Array.isArray(v.signature) && v.signature.length === SIGNATURE_HASHES && v.signature.every((n) => typeof n === 'number') ? v.signature as number[] : [];
  const hash = typeof v.hash === 'string' && /^[0-9a-f]{64}$/.test(v.hash) && signature.length ? v.hash : '';
  return {
    ok: true,
    value: {
      schemaVersion: USER_DOCUMENT_SCHEMA_VERSION, id: v.id, title: typeof v.title === 'string' && v.title.trim() ? v.title : v.id, text: v.text, addedAt,
      chars: v.text.replace(/\s/g, '').length, date, year, sourceName: typeof v.sourceName === 'string' ? v.sourceName : '',
      folder: typeof v.folder === 'string' ? v.folder : '', enabled: v.enabled !== false, study: v.study === true, hash, signature,
    },
  };
}
