/**
 * The small form that asks for a template's variables before it is inserted: one labelled field per
 * `{{名称}}`, 插入 and 取消. Fields left empty stay in the text as visible placeholders. Enter inserts,
 * Esc cancels; focus returns to the editor either way. Plain DOM so that the slash menu (no React) and the
 * templates panel share it.
 */

export interface VariablesFormOptions {
  title: string;
  variables: readonly string[];
  /** Screen rectangle to open next to (the cursor). */
  anchor: { left: number; top: number; bottom: number };
  onSubmit: (values: Record<string, string>) => void;
  onCancel: () => void;
}

/** Gap between the cursor line and the form, in CSS pixels. */
const FORM_OFFSET_PX = 6;
/** Margin kept from the window's edges, in CSS pixels. */
const VIEWPORT_MARGIN_PX = 8;

let openForm: { close: () => void } | null = null;

/** Opens the form (closing any other); returns a function that closes it without answering. */
export function openVariablesForm(options: VariablesFormOptions): () => void {
  openForm?.close();
  const form = document.createElement('form');
  form.className = 'jg-variables-form';
  form.setAttribute('role', 'dialog');
  form.setAttribute('aria-modal', 'false');
  form.setAttribute('aria-label', `填写模板变量：${options.title}`);

  const heading = document.createElement('div');
  heading.className = 'jg-variables-title';
  heading.textContent = options.title;
  const hint = document.createElement('p');
  hint.className = 'jg-variables-hint';
  hint.textContent = '留空的项会保留为 {{名称}} 占位，稍后再填。';
  form.append(heading, hint);

  const inputs = options.variables.map((name, i) => {
    const label = document.createElement('label');
    label.className = 'jg-variables-field';
    const caption = document.createElement('span');
    caption.textContent = name;
    const input = document.createElement('input');
    input.type = 'text';
    input.name = `v${i}`;
    input.autocomplete = 'off';
    input.dataset.variable = name;
    label.append(caption, input);
    form.append(label);
    return input;
  });

  const actions = document.createElement('div');
  // The app's button styles (styles.css .button-row, .primary), not the browser's grey ones.
  actions.className = 'jg-variables-actions button-row';
  const submit = document.createElement('button');
  submit.type = 'submit';
  submit.className = 'primary';
  submit.textContent = '插入';
  const cancel = document.createElement('button');
  cancel.type = 'button';
  cancel.textContent = '取消';
  actions.append(submit, cancel);
  form.append(actions);

  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    form.remove();
    document.removeEventListener('mousedown', onOutside, true);
    if (openForm?.close === close) openForm = null;
  };
  const onOutside = (event: MouseEvent) => {
    if (!form.contains(event.target as Node)) {
      close();
      options.onCancel();
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = Object.fromEntries(inputs.map((input) => [input.dataset.variable!, input.value]));
    close();
    options.onSubmit(values);
  });
  cancel.addEventListener('click', () => {
    close();
    options.onCancel();
  });
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
      options.onCancel();
    }
  });

  document.body.append(form);
  const width = form.offsetWidth;
  const height = form.offsetHeight;
  const left = Math.max(VIEWPORT_MARGIN_PX, Math.min(options.anchor.left, window.innerWidth - width - VIEWPORT_MARGIN_PX));
  const below = options.anchor.bottom + FORM_OFFSET_PX;
  const top = below + height > window.innerHeight - VIEWPORT_MARGIN_PX ? Math.max(VIEWPORT_MARGIN_PX, options.anchor.top - height - FORM_OFFSET_PX) : below;
  form.style.left = `${left}px`;
  form.style.top = `${top}px`;
  inputs[0]?.focus();
  document.addEventListener('mousedown', onOutside, true);
  openForm = { close };
  return close;
}
