/**
 * Version history of drafts: snapshots taken every few minutes of active writing, on demand, and before
 * a restore (so that a restore can itself be undone). Reads are validated like every other store.
 */
import type { JianggaoDB } from './db';
import { cleanSnapshotName, validateSnapshot, type DraftRecord, type SnapshotRecord } from './records';

/** An automatic snapshot is taken on save when the draft's newest snapshot is at least this old. */
export const AUTO_SNAPSHOT_INTERVAL_MS = 5 * 60 * 1000;
/** Automatic snapshots kept per draft; manual and before-restore ones are never pruned. */
export const MAX_AUTO_SNAPSHOTS_PER_DRAFT = 40;

export function snapshotOf(draft: DraftRecord, reason: SnapshotRecord['reason'], now = Date.now(), name?: string): SnapshotRecord {
  const clean = cleanSnapshotName(name);
  return { id: crypto.randomUUID(), draftId: draft.id, createdAt: now, doc: draft.doc, text: draft.text, reason, ...(clean ? { name: clean } : {}) };
}

/** Gives the snapshot `id` the name `name` (an empty name removes it); false when there is no such snapshot. */
export async function renameSnapshot(db: JianggaoDB, id: string, name: string): Promise<boolean> {
  const v = validateSnapshot(await db.get('snapshots', id));
  if (!v.ok) return false;
  const { name: _old, ...rest } = v.value;
  const clean = cleanSnapshotName(name);
  await db.put('snapshots', clean ? { ...rest, name: clean } : rest);
  return true;
}

/** A draft's snapshots, newest first. Invalid ones are skipped here (and left for the quarantine pass). */
export async function listSnapshots(db: JianggaoDB, draftId: string): Promise<SnapshotRecord[]> {
  const raw = await db.getAllFromIndex('snapshots', 'byDraft', draftId);
  return raw.flatMap((r) => {
    const v = validateSnapshot(r);
    return v.ok ? [v.value] : [];
  }).sort((a, b) => b.createdAt - a.createdAt);
}

export async function addSnapshot(db: JianggaoDB, snapshot: SnapshotRecord): Promise<void> {
  await db.put('snapshots', snapshot);
}

export interface AutoSnapshotResult {
  taken: boolean;
  /** Time of the draft's newest snapshot after the call (0 when it has none). */
  newestAt: number;
}

/** Takes an automatic snapshot if the newest one is old enough, and prunes the oldest automatic ones. */
export async function maybeAutoSnapshot(db: JianggaoDB, draft: DraftRecord, now = Date.now()): Promise<AutoSnapshotResult> {
  const existing = await listSnapshots(db, draft.id);
  const newestAt = existing[0]?.createdAt ?? 0;
  if (existing[0] && (now - newestAt < AUTO_SNAPSHOT_INTERVAL_MS || existing[0].text === draft.text)) return { taken: false, newestAt };
  await addSnapshot(db, snapshotOf(draft, 'auto', now));
  const autos = existing.filter((s) => s.reason === 'auto');
  for (const old of autos.slice(MAX_AUTO_SNAPSHOTS_PER_DRAFT - 1)) await db.delete('snapshots', old.id);
  return { taken: true, newestAt: now };
}

export async function deleteSnapshotsOf(db: JianggaoDB, draftId: string): Promise<void> {
  const keys = await db.getAllKeysFromIndex('snapshots', 'byDraft', draftId);
  const tx = db.transaction('snapshots', 'readwrite');
  await Promise.all([...keys.map((k) => tx.store.delete(k)), tx.done]);
}
