import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openJianggaoDB, type JianggaoDB } from '../../../src/storage/db';
import { exportTemplateFile, parseTemplateFile, TEMPLATE_FILE_FORMAT } from '../../../src/templates/file';
import { createTemplate, importTemplates, loadTemplates } from '../../../src/storage/templates';

let db: JianggaoDB;
let counter = 0;
beforeEach(async () => { db = await openJianggaoDB(`file-test-${++counter}-${Date.now()}`); });
afterEach(() => db.close());

const fileWith = (templates: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: TEMPLATE_FILE_FORMAT, version: 1, exportedAt: '2026-01-01T00:00:00Z', templates, ...extra });

describe('template files', () => {
  it('exports only the writer\'s own templates and imports them into another database', async () => {
    const { templates: before } = await loadTemplates(db);
    const mine = await createTemplate(db, { name: '表态发言', category: '结尾', body: '坚决拥护{{会议名称}}的部署。' });
    const text = exportTemplateFile([...before, mine]);
    const parsed = parseTemplateFile(text);
    expect(parsed.ok && parsed.templates.map((t) => t.name)).toEqual(['表态发言']);

    const other = await openJianggaoDB(`file-test-other-${Date.now()}`);
    await loadTemplates(other);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(await importTemplates(other, parsed.templates)).toEqual({ added: 1, skipped: 0, copied: 0 });
    expect(await importTemplates(other, parsed.templates)).toEqual({ added: 0, skipped: 1, copied: 0 });
    const imported = (await loadTemplates(other)).templates.find((t) => t.name === '表态发言');
    expect(imported).toMatchObject({ id: mine.id, builtin: false, variables: ['会议名称'] });
    other.close();
  });

  it('adds a different template with a clashing id as a copy, never overwriting', async () => {
    const mine = await createTemplate(db, { name: '甲', category: '自定义', body: '原文' });
    const parsed = parseTemplateFile(fileWith([{ ...mine, body: '改过的正文' }]));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(await importTemplates(db, parsed.templates)).toEqual({ added: 0, skipped: 0, copied: 1 });
    const all = (await loadTemplates(db)).templates.filter((t) => t.name === '甲');
    expect(all.map((t) => t.body).sort()).toEqual(['原文', '改过的正文']);
  });

  it.each([
    ['not JSON', '{"format": ', '不是有效的 JSON'],
    ['a JSON array', '[]', '不是讲稿的模板文件'],
    ['another format', JSON.stringify({ format: 'other', version: 1, templates: [] }), '缺少格式标记'],
    ['a newer version', fileWith([], { version: 2 }), '比本程序新'],
    ['an unknown version', fileWith([], { version: 'x' }), '无法识别的模板文件版本'],
    ['no list', JSON.stringify({ format: TEMPLATE_FILE_FORMAT, version: 1 }), '缺少模板列表'],
    ['an empty list', fileWith([]), '没有模板'],
    ['a template without a name', fileWith([{ id: 'user-1', name: '', category: '开头', body: '同志们：' }]), '第 1 个模板无效：模板缺少名称'],
    ['an unknown category', fileWith([{ id: 'user-1', name: '甲', category: '其他', body: '同志们：' }]), '分类「其他」无法识别'],
    ['a body that is not text', fileWith([{ id: 'user-1', name: '甲', category: '开头', body: '好' }, { id: 'user-2', name: '乙', category: '开头', body: 5 }]), '第 2 个模板无效'],
  ])('refuses %s with a clear Chinese reason', (_what, text, reason) => {
    const parsed = parseTemplateFile(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(reason);
  });

  it('changes nothing when a file is refused', async () => {
    await loadTemplates(db);
    const before = await db.getAll('templates');
    const parsed = parseTemplateFile(fileWith([{ id: 'user-1', name: '好', category: '开头', body: '同志们：' }, { id: 'user-2', name: '坏', category: '开头' }]));
    expect(parsed.ok).toBe(false);
    expect(await db.getAll('templates')).toEqual(before);
  });
});
