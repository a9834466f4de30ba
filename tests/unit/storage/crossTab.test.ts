import { afterEach, expect, test } from 'vitest';
import { CrossTab, type TabMessage, type TabPort } from '../../../src/storage/crossTab';
import { until } from './fakes';

const channels: BroadcastChannel[] = [];
afterEach(() => { for (const c of channels.splice(0)) c.close(); });

function tab(id: string): CrossTab {
  const channel = new BroadcastChannel('jianggao-test-tabs');
  channels.push(channel);
  return new CrossTab(channel as unknown as TabPort, id);
}

test('a message reaches the other tabs with its sender, never the tab that sent it', async () => {
  const a = tab('a');
  const b = tab('b');
  const heardByA: TabMessage[] = [];
  const heardByB: TabMessage[] = [];
  a.listen((m) => heardByA.push(m));
  const stop = b.listen((m) => heardByB.push(m));
  a.post({ type: 'drafts-changed', draftId: 'd1' });
  a.post({ type: 'templates-changed' });
  await until(() => heardByB.length === 2, 'both messages at B');
  expect(heardByB).toEqual([{ type: 'drafts-changed', draftId: 'd1', from: 'a' }, { type: 'templates-changed', from: 'a' }]);
  stop();
  b.post({ type: 'release-request', draftId: 'd1' });
  a.post({ type: 'drafts-changed', draftId: 'd2' });
  await until(() => heardByA.length === 1, 'B\'s message at A');
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(heardByA).toEqual([{ type: 'release-request', draftId: 'd1', from: 'b' }]);
  expect(heardByB).toHaveLength(2);
});

test('without a channel, posting and listening do nothing', () => {
  const solo = new CrossTab(null, 'solo');
  expect(() => solo.post({ type: 'templates-changed' })).not.toThrow();
  solo.listen(() => { throw new Error('never called'); })();
});
