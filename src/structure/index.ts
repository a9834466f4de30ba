/**
 * Structure of a speech — numerals, the four section levels, enumerations, sequences, renumbering,
 * sections and the draft check. Pure TypeScript: no DOM, no editor; the editor extensions in
 * src/editor/structure and the panels in src/ui/structure are built on it.
 */
export * from './numerals';
export * from './levels';
export * from './enumerations';
export * from './blocks';
export * from './sequences';
export * from './placeholders';
export * from './check';
export * from './exportCheck';
export * from './renumber';
export * from './sections';
export * from './text';
export * from './paragraphRoles';
