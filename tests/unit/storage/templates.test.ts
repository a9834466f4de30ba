import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openJianggaoDB, type JianggaoDB } from '../../../src/storage/db';
import { BUILTIN_TEMPLATES } from '../../../src/templates/builtins';
import {
  createTemplate, deleteTemplate, duplicateTemplate, ensureBuiltins, loadTemplates, restoreAllBuiltins, setBuiltinHidden,
  updateTemplate,
} from '../../../src/storage/templates';
import { TemplateError } from '../../../src/templates/rules';
import type { TemplateRecord } from '../../../src/templates/types';

let db: JianggaoDB;
let dbName: string;
let counter = 0;

beforeEach(async () => {
  dbName = `store-test-${++counter}-${Date.now()}`;
  db = await openJianggaoDB(dbName);
});
afterEach(() => db.close());

describe('template store', () => {
  it('seeds the built-ins on first load', async () => {
    const { templates } = await loadTemplates(db);
    expect(templates.filter((t) => t.builtin)).toHaveLength(BUILTIN_TEMPLATES.length);
    const categories = new Set(templates.map((t) => t.category));
    expect([...categories].sort()).toEqual(['开头', '整篇', '结尾', '结构'].sort());
    const skeleton = templates.find((t) => t.name === '学习贯彻{{精神名称}}会议上的讲话')!;
    expect(skeleton.variables).toContain('精神名称');
    expect(skeleton.body.split('\n').filter((l) => /^[一二三四五]、/.test(l)).length).toBeGreaterThanOrEqual(3);
  });

  it('creates, edits, renames, re-categorises and deletes a template of the writer\'s own', async () => {
    const created = await createTemplate(db, { name: '  表态发言  ', category: '自定义', body: '我完全同意{{领导}}的讲话。\n' }, 100);
    expect(created).toMatchObject({ name: '表态发言', builtin: false, variables: ['领导'], body: '我完全同意{{领导}}的讲话。', updatedAt: 100 });
    const renamed = await updateTemplate(db, created.id, { name: '表态发言（简）', category: '结尾' }, 200);
    expect(renamed).toMatchObject({ name: '表态发言（简）', category: '结尾', updatedAt: 200 });
    const edited = await updateTemplate(db, created.id, { body: '坚决拥护{{会议名称}}的部署。' }, 300);
    expect(edited.variables).toEqual(['会议名称']);
    expect((await loadTemplates(db)).templates.find((t) => t.id === created.id)?.body).toBe('坚决拥护{{会议名称}}的部署。');
    await deleteTemplate(db, created.id);
    expect((await loadTemplates(db)).templates.some((t) => t.id === created.id)).toBe(false);
  });

  it('refuses an empty name or body with a Chinese reason', async () => {
    await expect(createTemplate(db, { name: ' ', category: '开头', body: '同志们：' })).rejects.toThrow('请填写模板名称');
    await expect(createTemplate(db, { name: '空', category: '开头', body: '\n \n' })).rejects.toThrow('模板正文是空的');
  });

  it('never deletes or edits a built-in; hides and restores it', async () => {
    await loadTemplates(db);
    const id = BUILTIN_TEMPLATES[0].id;
    await expect(deleteTemplate(db, id)).rejects.toBeInstanceOf(TemplateError);
    await expect(updateTemplate(db, id, { name: '改名' })).rejects.toThrow('内置模板不能修改');
    await setBuiltinHidden(db, id, true);
    expect((await loadTemplates(db)).templates.find((t) => t.id === id)?.hidden).toBe(true);
    expect(await restoreAllBuiltins(db)).toBe(1);
    expect((await loadTemplates(db)).templates.find((t) => t.id === id)?.hidden).toBeUndefined();
    const copy = await duplicateTemplate(db, id);
    expect(copy).toMatchObject({ builtin: false, name: `${BUILTIN_TEMPLATES[0].name}（副本）` });
  });

  it('puts back a built-in whose record was lost or damaged', async () => {
    await loadTemplates(db);
    const id = BUILTIN_TEMPLATES[1].id;
    await db.put('templates', { id, name: '', body: 3 } as unknown as TemplateRecord);
    const { templates, rejected } = await loadTemplates(db);
    expect(rejected.map((r) => r.key)).toEqual([id]);
    expect(templates.find((t) => t.id === id)?.name).toBe(BUILTIN_TEMPLATES[1].name);
    expect(await db.count('quarantine')).toBe(1);
  });

  it('a later release adds and upgrades built-ins without touching the writer\'s own or the hidden choice', async () => {
    await loadTemplates(db);
    const own = await createTemplate(db, { name: '我的开场', category: '开头', body: '各位来宾：' }, 5);
    await setBuiltinHidden(db, BUILTIN_TEMPLATES[0].id, true);
    const nextRelease: TemplateRecord[] = [
      { ...BUILTIN_TEMPLATES[0], body: '同志们：\n（新版开场）', builtinVersion: 2 },
      ...BUILTIN_TEMPLATES.slice(1),
      { id: 'builtin-new-in-v2', name: '新增模板', category: '结尾', body: '谢谢！', variables: [], builtin: true, builtinVersion: 2, updatedAt: 0 },
    ];
    expect(await ensureBuiltins(db, nextRelease)).toBe(2);
    const all = await db.getAll('templates');
    expect(all.find((t) => t.id === BUILTIN_TEMPLATES[0].id)).toMatchObject({ body: '同志们：\n（新版开场）', hidden: true, builtinVersion: 2 });
    expect(all.find((t) => t.id === 'builtin-new-in-v2')).toBeDefined();
    expect(all.find((t) => t.id === own.id)).toEqual(own);
    expect(await ensureBuiltins(db, nextRelease)).toBe(0);
  });
});
