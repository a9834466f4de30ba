import 'fake-indexeddb/auto';
import { expect, test } from 'vitest';
import { CrossTab, TABS_CHANNEL_NAME, type TabPort } from '../../../src/storage/crossTab';
import { openJianggaoDB } from '../../../src/storage/db';
import { getDraft } from '../../../src/storage/drafts';
import { createTemplate } from '../../../src/storage/templates';
import { useDrafts } from '../../../src/state/drafts';
import { useSettings } from '../../../src/state/settings';
import { useTemplateLibrary } from '../../../src/state/templates';
import { until } from '../storage/fakes';

test('the draft store mirrors DraftSync: start creates a draft, an edit is saved and summarised, the open draft is remembered', async () => {
  await useDrafts.getState().init();
  const state = useDrafts.getState();
  expect(state.ready).toBe(true);
  expect(state.loadError).toBeNull();
  expect(state.editable).toBe(true);
  const id = state.current!.id;
  expect(state.drafts.map((d) => d.id)).toEqual([id]);
  expect(useSettings.getState().lastDraftId).toBe(id);

  useDrafts.getState().contentChanged(() => ({ doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '同志们' }] }] }, text: '同志们' }));
  expect(useDrafts.getState().save.state).toBe('pending');
  await useDrafts.getState().flush();
  expect(useDrafts.getState().save.state).toBe('saved');
  expect(useDrafts.getState().drafts[0].chars).toBe(3);
  expect((await getDraft(await openJianggaoDB(), id))?.text).toBe('同志们');
});

test('the template library reloads when another tab says templates changed', async () => {
  await useTemplateLibrary.getState().ensureLoaded();
  const before = useTemplateLibrary.getState().templates.length;
  expect(before).toBeGreaterThan(0);
  // Another tab writes a template and tells the others over the one channel.
  await createTemplate(await openJianggaoDB(), { name: '另一页的模板', category: '开头', body: '同志们：' });
  const channel = new BroadcastChannel(TABS_CHANNEL_NAME);
  try {
    new CrossTab(channel as unknown as TabPort, 'other-tab').post({ type: 'templates-changed' });
    await until(() => useTemplateLibrary.getState().templates.some((t) => t.name === '另一页的模板'), 'the library reloads');
    expect(useTemplateLibrary.getState().templates).toHaveLength(before + 1);
  } finally {
    channel.close();
  }
});
