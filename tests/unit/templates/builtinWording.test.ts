/**
 * The built-ins' set formulations (提法) are the corpus's own: every 「以更高站位、…作风」 run in a built-in
 * occurs word for word in a speech of corpus/speeches, so a template never teaches a wording no speech uses.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { BUILTIN_TEMPLATES } from '../../../src/templates/builtins';

const SPEECHES = resolve(import.meta.dirname, '../../../corpus/speeches');
const corpus = readdirSync(SPEECHES).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(resolve(SPEECHES, f), 'utf8'));

test('the closing four-part formulation of the built-ins is found in the corpus', () => {
  const runs = BUILTIN_TEMPLATES.flatMap((t) => [...t.body.matchAll(/更高站位(?:、更[^、，。]{2,4}){3}/g)].map((m) => ({ id: t.id, run: m[0] })));
  expect(runs.length).toBeGreaterThan(0);
  for (const { id, run } of runs) {
    expect(corpus.filter((text) => text.includes(run)).length, `${id}: ${run}`).toBeGreaterThanOrEqual(1);
  }
});
