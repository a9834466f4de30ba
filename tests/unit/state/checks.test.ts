/** The checks store: a check after the pause only (not per keystroke), the newest answer kept, 忽略 remembered per draft. */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { create } from 'zustand';
import type { CheckFinding } from '../../../src/checks/types';

const finding: CheckFinding = { kind: '时效', start: 0, end: 10, text: '决胜全面建成小康社会', suggestion: null, message: '已不是现行提法' };
const fake = vi.hoisted(() => ({ check: vi.fn(), configureChecks: vi.fn(), library: vi.fn() }));

vi.mock('../../../src/state/phraseIndex', () => ({
  getPhraseClient: () => fake,
  rebuild: vi.fn(),
  usePhraseIndex: create(() => ({ phase: 'ready', docMeta: [], ownDocuments: [] })),
}));

const { CHECK_IDLE_MS, ignoreFinding, scheduleCheck, useChecks, visibleFindings } = await import('../../../src/state/checks');

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  fake.check.mockReset();
  fake.check.mockImplementation(async () => ({ findings: [finding], ms: 5 }));
});
afterEach(() => vi.useRealTimers());

test('a burst of edits is checked once, after the pause, with the text read then', async () => {
  let text = '';
  for (const ch of '决胜全面建成小康社会') {
    text += ch;
    scheduleCheck('draft-1', () => text);
    await vi.advanceTimersByTimeAsync(100);
  }
  expect(fake.check).not.toHaveBeenCalled();
  await vi.advanceTimersByTimeAsync(CHECK_IDLE_MS);
  await vi.waitFor(() => expect(useChecks.getState().phase).toBe('ready'));
  expect(fake.check).toHaveBeenCalledTimes(1);
  expect(fake.check.mock.calls[0][0]).toBe('决胜全面建成小康社会');
  expect(useChecks.getState().findings).toEqual([finding]);
});

test('a superseded check (null) leaves the newer result alone', async () => {
  const before = useChecks.getState();
  fake.check.mockImplementationOnce(async () => null);
  scheduleCheck('draft-1', () => '旧文字');
  await vi.advanceTimersByTimeAsync(CHECK_IDLE_MS + 10);
  await vi.waitFor(() => expect(fake.check).toHaveBeenCalledTimes(1));
  const after = useChecks.getState();
  expect(after.error).toBeNull();
  expect(after.checkedText).toBe(before.checkedText);
  expect(after.findings).toBe(before.findings);
});

test('忽略 hides a finding for its draft and is read back for that draft only', async () => {
  scheduleCheck('draft-1', () => '决胜全面建成小康社会', 0);
  await vi.advanceTimersByTimeAsync(10);
  await vi.waitFor(() => expect(useChecks.getState().phase).toBe('ready'));
  await ignoreFinding(finding);
  expect(visibleFindings(useChecks.getState())).toEqual([]);
  scheduleCheck('draft-2', () => '决胜全面建成小康社会', 0);
  await vi.waitFor(() => expect(useChecks.getState().draftId).toBe('draft-2'));
  await vi.advanceTimersByTimeAsync(10);
  await vi.waitFor(() => expect(useChecks.getState().phase).toBe('ready'));
  expect(visibleFindings(useChecks.getState())).toEqual([finding]);
  scheduleCheck('draft-1', () => '决胜全面建成小康社会', 0);
  await vi.waitFor(() => expect(useChecks.getState().ignored).toHaveLength(1));
});
