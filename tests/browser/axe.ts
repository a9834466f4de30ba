/**
 * axe-core in the app's page: its source is evaluated from node_modules (no network; through the DevTools
 * protocol, as the app's CSP rightly refuses an inline script tag), then run on the whole
 * document. `seriousViolations` are the ones the issue forbids (impact serious or critical), described one
 * per line so that a failure says what and where.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults, Result } from 'axe-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe's rules that are off by default but the issue names: the accessible name must contain the visible label. */
const EXTRA_RULES = { 'label-content-name-mismatch': { enabled: true } };

export async function runAxe(page: Page): Promise<Result[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(async (rules) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe;
    return axe.run(document, { resultTypes: ['violations'], rules });
  }, EXTRA_RULES);
  return results.violations;
}

/** One line per serious or critical violation: rule, impact and the elements it was found on. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const violations = await runAxe(page);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Every violation of any impact, as `rule:impact`, for the log. */
export async function allViolationIds(page: Page): Promise<string[]> {
  return (await runAxe(page)).map((v) => `${v.id}:${v.impact}`);
}
