/**
 * Backup export and import for the data panel, over src/storage/backup.ts: the open draft is saved first,
 * an import is read and planned (nothing written) before the writer confirms it.
 */
import { applyImport, backupFileName, describePlan, exportBackup, parseBackup, planImport, type BackupFile } from '../storage/backup';
import { openJianggaoDB } from '../storage/db';
import { useDrafts } from './drafts';

export type { BackupFile } from '../storage/backup';

/** Everything the writer owns as one backup file, after saving the open draft. */
export async function exportAllData(): Promise<{ fileName: string; json: string; backup: BackupFile }> {
  await useDrafts.getState().flush();
  const backup = await exportBackup(await openJianggaoDB());
  return { fileName: backupFileName(), json: JSON.stringify(backup), backup };
}

/** Validates a backup file's text and says, in Chinese, what importing it would add or replace. Throws a Chinese error on a bad file. */
export async function planBackupImport(text: string): Promise<{ backup: BackupFile; summary: string }> {
  const backup = parseBackup(text);
  return { backup, summary: describePlan(await planImport(await openJianggaoDB(), backup)) };
}

/** Saves the open draft, then writes the backup in one transaction (all or nothing). */
export async function applyBackupImport(backup: BackupFile): Promise<void> {
  await useDrafts.getState().flush();
  await applyImport(await openJianggaoDB(), backup);
}
