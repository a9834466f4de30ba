/**
 * Proofreading checks (issue 16), pure TypeScript, no DOM: 提法校对 (slips.ts), 提法时效 (timeliness.ts +
 * timeliness.json), 引文核对 (quotations.ts), the 提法库 (library.ts), and the 编号/占位 checks of
 * src/structure, behind one entry point (checker.ts). A worker builds the phrase index once, then calls
 * `createChecker(index, meta).check(text, { year, ignored })`.
 */
export type { CheckKind, CheckFinding, Evidence, QuotationVerdict, DiffOp, CheckDocMeta } from './types';
export { createChecker, findingKey, type Checker, type CheckOptions, type CheckerOptions } from './checker';
export { SlipFinder, DEFAULT_SLIP_TUNING, type SlipTuning } from './slips';
export { TimelinessFinder, SHIPPED_TIMELINESS_RULES, parseTimelinessRules, type TimelinessRule } from './timeliness';
export { QuotationFinder, findQuotations, type StudyDocument } from './quotations';
export { documentYear, documentMetas } from './corpusYears';
