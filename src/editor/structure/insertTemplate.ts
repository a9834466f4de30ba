/**
 * Inserting a template as the writer does it, from the slash menu or the templates panel: a template
 * with variables first asks for them (variablesForm.ts); the insertion itself, including removing the
 * typed 「/查询」, is one transaction and so one 撤销 step.
 */
import type { Editor, Range } from '@tiptap/core';
import { fillVariables, type TemplateRecord } from '../../templates';
import { refuseReadOnly } from '../readOnlyGuard';
import { openVariablesForm } from './variablesForm';

/** Inserts `template` at `range` (the typed 「/…」) or at the selection, asking for variables first. */
export function insertTemplateInteractive(editor: Editor, template: Pick<TemplateRecord, 'name' | 'body' | 'variables'>, range?: Range): void {
  if (!editor.isEditable) return refuseReadOnly();
  const insert = (body: string) => {
    const stillThere = range && range.to <= editor.state.doc.content.size ? range : undefined;
    editor.chain().focus().insertTemplate(body, stillThere).run();
  };
  if (!template.variables.length) {
    insert(template.body);
    return;
  }
  const at = range?.from ?? editor.state.selection.from;
  const coords = editor.view.coordsAtPos(at);
  openVariablesForm({
    title: template.name,
    variables: template.variables,
    anchor: coords,
    onSubmit: (values) => insert(fillVariables(template.body, values)),
    onCancel: () => {
      if (range && range.to <= editor.state.doc.content.size) editor.chain().focus().deleteRange(range).run();
      else editor.commands.focus();
    },
  });
}
