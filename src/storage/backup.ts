/**
 * Backup of everything the writer owns (drafts with their history, templates, settings, own documents)
 * as one JSON file, and its import. Import is two steps: `parseBackup` validates the whole file first
 * and `planImport` says what will be added or replaced; only `applyImport` writes, in one transaction,
 * so a bad file changes nothing.
 */
import type { JianggaoDB } from './db';
import { USER_DOCUMENT_STORES, writeUserDocument } from './userDocuments';
import { validateDraft, validateSnapshot, validateUserDocument, type DraftRecord, type SnapshotRecord, type UserDocumentRecord, type Validation } from './records';
import { validateTemplateRecord } from '../templates/validate';
import type { TemplateRecord } from '../templates/types';

export const BACKUP_FORMAT = 'jianggao-backup';
export const BACKUP_VERSION = 1;

export interface BackupData {
  drafts: DraftRecord[];
  snapshots: SnapshotRecord[];
  templates: TemplateRecord[];
  settings: Record<string, unknown>;
  userDocuments: UserDocumentRecord[];
}

export interface BackupFile { format: typeof BACKUP_FORMAT; version: number; exportedAt: string; data: BackupData }

export class BackupError extends Error {
  override name = 'BackupError';
}

export async function exportBackup(db: JianggaoDB, now = new Date()): Promise<BackupFile> {
  const tx = db.transaction(['drafts', 'snapshots', 'templates', 'settings', 'userDocuments']);
  const settingsStore = tx.objectStore('settings');
  const [drafts, snapshots, templates, settingKeys, settingValues, userDocuments] = await Promise.all([
    tx.objectStore('drafts').getAll(), tx.objectStore('snapshots').getAll(), tx.objectStore('templates').getAll(),
    settingsStore.getAllKeys(), settingsStore.getAll(), tx.objectStore('userDocuments').getAll(),
  ]);
  await tx.done;
  const settings = Object.fromEntries(settingKeys.map((k, i) => [k, settingValues[i]]));
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), data: { drafts, snapshots, templates, settings, userDocuments } };
}

export function backupFileName(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `讲稿备份-${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}.json`;
}

function validateAll<T>(list: unknown, label: string, validate: (v: unknown) => Validation<T>): T[] {
  if (!Array.isArray(list)) throw new BackupError(`备份文件缺少「${label}」部分，文件可能不完整。`);
  return list.map((item, i) => {
    const result = validate(item);
    if (!result.ok) throw new BackupError(`备份文件中第 ${i + 1} 条${label}已损坏：${result.reason}。未做任何更改。`);
    return result.value;
  });
}

/** Validates a whole backup file. Throws a BackupError with a Chinese message; returns it typed. */
export function parseBackup(text: string): BackupFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new BackupError('备份文件已损坏或不完整（无法解析），未做任何更改。');
  }
  const file = raw as Partial<BackupFile> | null;
  if (!file || typeof file !== 'object' || file.format !== BACKUP_FORMAT) throw new BackupError('这不是讲稿的备份文件，未做任何更改。');
  if (typeof file.version !== 'number') throw new BackupError('备份文件缺少版本号，未做任何更改。');
  if (file.version > BACKUP_VERSION) throw new BackupError(`备份文件的格式版本（${file.version}）比当前程序新，请先更新讲稿再导入。未做任何更改。`);
  if (file.version < 1) throw new BackupError(`无法识别的备份格式版本（${file.version}），未做任何更改。`);
  const data = file.data as Partial<BackupData> | undefined;
  if (!data || typeof data !== 'object') throw new BackupError('备份文件缺少数据部分，文件可能不完整。未做任何更改。');
  const settings = data.settings;
  if (!settings || typeof settings !== 'object' || Array.isArray(settings)) throw new BackupError('备份文件缺少「设置」部分，文件可能不完整。');
  return {
    format: BACKUP_FORMAT,
    version: file.version,
    exportedAt: typeof file.exportedAt === 'string' ? file.exportedAt : '',
    data: {
      drafts: validateAll(data.drafts, '稿件', validateDraft),
      snapshots: validateAll(data.snapshots, '历史版本', validateSnapshot),
      templates: validateAll(data.templates, '模板', validateTemplateRecord),
      settings,
      userDocuments: validateAll(data.userDocuments, '自有语料', validateUserDocument),
    },
  };
}

export interface ImportCount { add: number; replace: number }
export interface ImportPlan { drafts: ImportCount; snapshots: ImportCount; templates: ImportCount; settings: ImportCount; userDocuments: ImportCount }

type KeyedStore = 'drafts' | 'snapshots' | 'templates' | 'userDocuments';

async function count(db: JianggaoDB, store: KeyedStore | 'settings', ids: string[]): Promise<ImportCount> {
  const existing = new Set((await db.getAllKeys(store)).map(String));
  const replace = ids.filter((id) => existing.has(id)).length;
  return { add: ids.length - replace, replace };
}

/** What importing `backup` would add and replace, store by store; reads only. */
export async function planImport(db: JianggaoDB, backup: BackupFile): Promise<ImportPlan> {
  const d = backup.data;
  return {
    drafts: await count(db, 'drafts', d.drafts.map((x) => x.id)),
    snapshots: await count(db, 'snapshots', d.snapshots.map((x) => x.id)),
    templates: await count(db, 'templates', d.templates.map((x) => x.id)),
    settings: await count(db, 'settings', Object.keys(d.settings)),
    userDocuments: await count(db, 'userDocuments', d.userDocuments.map((x) => x.id)),
  };
}

export function describePlan(plan: ImportPlan): string {
  const part = (label: string, c: ImportCount) => (c.add || c.replace ? `${label}：新增 ${c.add}，替换 ${c.replace}` : '');
  return [part('稿件', plan.drafts), part('历史版本', plan.snapshots), part('模板', plan.templates), part('设置', plan.settings), part('自有语料', plan.userDocuments)]
    .filter(Boolean).join('；') || '备份中没有数据';
}

/** Writes the whole backup in one transaction: all of it lands or none of it. */
export async function applyImport(db: JianggaoDB, backup: BackupFile): Promise<void> {
  const tx = db.transaction(['drafts', 'snapshots', 'templates', 'settings', ...USER_DOCUMENT_STORES], 'readwrite');
  const d = backup.data;
  await Promise.all([
    ...d.drafts.map((x) => tx.objectStore('drafts').put(x)),
    ...d.snapshots.map((x) => tx.objectStore('snapshots').put(x)),
    ...d.templates.map((x) => tx.objectStore('templates').put(x)),
    ...Object.entries(d.settings).map(([k, v]) => tx.objectStore('settings').put(v, k)),
    ...d.userDocuments.map((x) => writeUserDocument(tx, x)),
    tx.done,
  ]);
}
