/**
 * The team pack (.jgpack): a chosen part of a writer's data — archive documents, templates, and whatever
 * other sections the app offers (own formulations, favourites, office timeliness rules) — in one zip
 * (fflate) that a colleague imports. Layout:
 *
 *   manifest.json        { format, schemaVersion, productVersion, createdAt, sections: [{ id, label, count, file, sha256 }], checksum }
 *   sections/<id>.json   the section's items, a JSON array
 *
 * `checksum` is the SHA-256 of the section hashes joined in order, so a changed, added or removed section
 * is noticed. A truncated, foreign, newer-version or tampered file is refused with a Chinese reason
 * (`TeamPackError`) before anything is returned. Sections are generic: an id, a label and items; what an
 * item must look like is checked by whoever applies it.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { PackSection } from '../archive/types';

export const TEAM_PACK_FORMAT = 'jianggao-team-pack';
export const TEAM_PACK_SCHEMA_VERSION = 1;
export const TEAM_PACK_EXTENSION = '.jgpack';

export type TeamPackSection = PackSection;
export interface TeamPackManifestEntry { id: string; label: string; count: number; file: string; sha256: string }
export interface TeamPackManifest {
  format: typeof TEAM_PACK_FORMAT;
  schemaVersion: number;
  productVersion: string;
  createdAt: number;
  sections: TeamPackManifestEntry[];
  checksum: string;
}
export interface TeamPack { manifest: TeamPackManifest; sections: TeamPackSection[] }

export class TeamPackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TeamPackError';
  }
}

async function sha256(bytes: Uint8Array | string): Promise<string> {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  const digest = await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const sectionFile = (id: string) => `sections/${id}.json`;

export async function writeTeamPack(sections: readonly TeamPackSection[], productVersion: string, now = Date.now()): Promise<Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  const entries: TeamPackManifestEntry[] = [];
  for (const section of sections) {
    if (!/^[a-z][a-z0-9-]*$/.test(section.id)) throw new TeamPackError(`分区名「${section.id}」无效。`);
    const bytes = strToU8(JSON.stringify(section.items));
    const file = sectionFile(section.id);
    files[file] = bytes;
    entries.push({ id: section.id, label: section.label, count: section.items.length, file, sha256: await sha256(bytes) });
  }
  const manifest: TeamPackManifest = {
    format: TEAM_PACK_FORMAT, schemaVersion: TEAM_PACK_SCHEMA_VERSION, productVersion, createdAt: now, sections: entries,
    checksum: await sha256(entries.map((e) => `${e.id}:${e.sha256}`).join('\n')),
  };
  files['manifest.json'] = strToU8(JSON.stringify(manifest, null, 1));
  return zipSync(files, { level: 6 });
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseManifest(raw: unknown): TeamPackManifest {
  if (!isObject(raw) || raw.format !== TEAM_PACK_FORMAT) throw new TeamPackError('这不是讲稿的团队包（缺少格式标记），未做任何更改。');
  if (typeof raw.schemaVersion !== 'number' || !Number.isInteger(raw.schemaVersion) || raw.schemaVersion < 1) throw new TeamPackError('团队包的版本号无效，未做任何更改。');
  if (raw.schemaVersion > TEAM_PACK_SCHEMA_VERSION) {
    throw new TeamPackError(`这个团队包由较新版本的讲稿（${String(raw.productVersion)}）制作，格式版本 ${raw.schemaVersion}，本机只能读取版本 ${TEAM_PACK_SCHEMA_VERSION}。请先更新讲稿。未做任何更改。`);
  }
  if (!Array.isArray(raw.sections) || typeof raw.checksum !== 'string') throw new TeamPackError('团队包的清单不完整，未做任何更改。');
  const sections = raw.sections.map((s): TeamPackManifestEntry => {
    if (!isObject(s) || typeof s.id !== 'string' || typeof s.file !== 'string' || typeof s.sha256 !== 'string' || typeof s.count !== 'number') {
      throw new TeamPackError('团队包的清单已损坏，未做任何更改。');
    }
    return { id: s.id, label: typeof s.label === 'string' ? s.label : s.id, count: s.count, file: s.file, sha256: s.sha256 };
  });
  return {
    format: TEAM_PACK_FORMAT, schemaVersion: raw.schemaVersion, productVersion: typeof raw.productVersion === 'string' ? raw.productVersion : '',
    createdAt: typeof raw.createdAt === 'number' ? raw.createdAt : 0, sections, checksum: raw.checksum,
  };
}

export async function readTeamPack(bytes: Uint8Array): Promise<TeamPack> {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new TeamPackError('这不是讲稿的团队包（.jgpack）文件，未做任何更改。');
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    throw new TeamPackError('团队包文件不完整或已损坏（可能没有传完），未做任何更改。');
  }
  const manifestBytes = files['manifest.json'];
  if (!manifestBytes) throw new TeamPackError('这不是讲稿的团队包（缺少清单），未做任何更改。');
  let raw: unknown;
  try {
    raw = JSON.parse(strFromU8(manifestBytes));
  } catch {
    throw new TeamPackError('团队包的清单已损坏，未做任何更改。');
  }
  const manifest = parseManifest(raw);
  const tampered = new TeamPackError('团队包的内容与校验值不符（文件被改动过或已损坏），未做任何更改。');
  if (await sha256(manifest.sections.map((e) => `${e.id}:${e.sha256}`).join('\n')) !== manifest.checksum) throw tampered;
  const sections: TeamPackSection[] = [];
  for (const entry of manifest.sections) {
    const data = files[entry.file];
    if (!data) throw new TeamPackError(`团队包缺少「${entry.label}」部分（文件不完整），未做任何更改。`);
    if (await sha256(data) !== entry.sha256) throw tampered;
    let items: unknown;
    try {
      items = JSON.parse(strFromU8(data));
    } catch {
      throw tampered;
    }
    if (!Array.isArray(items) || items.length !== entry.count) throw tampered;
    sections.push({ id: entry.id, label: entry.label, items });
  }
  return { manifest, sections };
}
