/**
 * Templates, pure logic: the record type, the built-ins, variables, the rules of the writer's own
 * templates, template files, search by characters and pinyin. Their IndexedDB store is
 * src/storage/templates.ts; the library state the panels and the slash menu read is src/state/templates.ts.
 */
export * from './types';
export * from './variables';
export * from './builtins';
export * from './rules';
export * from './file';
export * from './search';
export { validateTemplateRecord } from './validate';
