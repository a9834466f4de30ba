/** The archive's pure logic: shapes, date detection, duplicates, the import summary. */
export * from './types';
export * from './dates';
export * from './duplicates';
export * from './summary';
