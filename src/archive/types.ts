/**
 * The shapes of the writer's archive (我的文稿) shared by files/ (reading, the team pack), storage/ (the
 * records) and state/ (the import): what a read file yields, why a file is skipped, and an archived document.
 */

/** Why a file was not added; each kind has a line in the import summary. */
export type SkipKind = 'duplicate' | 'near-duplicate' | 'empty' | 'too-large' | 'unsupported' | 'unreadable' | 'failed';

/** A file refused while reading, with its one-line Chinese reason. */
export class ImportRefusal extends Error {
  constructor(readonly kind: SkipKind, message: string) {
    super(message);
    this.name = 'ImportRefusal';
  }
}

/** A file read and ready to be checked for duplicates and stored. */
export interface ImportCandidate {
  title: string;
  text: string;
  /** The file's name, and its folder (relative path without the name; '' at the top). */
  sourceName: string;
  folder: string;
  /** 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY'; from the text, else the file's date. */
  date: string;
  year: number;
}

/** One document of the archive as it is stored and shared (without storage's own bookkeeping). */
export interface ArchiveDocument extends ImportCandidate {
  /** Taken into the phrase index. */
  enabled: boolean;
  /** 学习材料: an authoritative text, for quotation checks. */
  study: boolean;
  /** SHA-256 (hex) of the normalised text: equal for the same speech saved twice. */
  hash: string;
  /** MinHash signature of the text's 5-character shingles (near-duplicate filter). */
  signature: number[];
}

/** One part of a team pack: an id ('documents', 'templates', 'formulations', …), a label and its items. */
export interface PackSection { id: string; label: string; items: unknown[] }
