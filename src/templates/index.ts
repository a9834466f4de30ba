/**
 * Templates: the record type, the built-ins, variables, the IndexedDB store, template files, search by
 * characters and pinyin, and the library state the panels and the slash menu read.
 */
export * from './types';
export * from './variables';
export * from './builtins';
export * from './store';
export * from './file';
export * from './search';
export * from './library';
export { validateTemplateRecord } from './validate';
