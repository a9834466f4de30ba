/**
 * Team packs as the app sees them: collect the chosen sections for export, plan an imported pack (the
 * preview), apply it on confirmation, then reload the archive and the templates and rebuild the index.
 * The file format is src/files/teamPack.ts (the UI reads and writes the bytes); storage/teamPack.ts writes.
 */
import type { PackSection } from '../archive/types';
import { openJianggaoDB } from '../storage/db';
import { applyPack, collectPackSections, packSectionKinds, planPack, type SectionPlan } from '../storage/teamPack';
import { useOwnDocuments } from './ownDocuments';
import { rebuild } from './phraseIndex';
import { useTemplateLibrary } from './templates';

export type { SectionPlan } from '../storage/teamPack';
export { packSectionKinds };

export async function collectTeamPack(ids: readonly string[]): Promise<PackSection[]> {
  return collectPackSections(await openJianggaoDB(), ids);
}

export async function planTeamPack(sections: readonly PackSection[]): Promise<SectionPlan[]> {
  return planPack(await openJianggaoDB(), sections);
}

/** Applies a plan (all or nothing) and refreshes what it touched. */
export async function applyTeamPack(plans: readonly SectionPlan[]): Promise<void> {
  await applyPack(await openJianggaoDB(), plans);
  const touched = new Set(plans.flatMap((p) => p.writes.map((w) => w.store)));
  if (touched.has('templates')) await useTemplateLibrary.getState().reload();
  if (touched.has('userDocuments')) {
    await useOwnDocuments.getState().reload();
    await rebuild();
  }
}
