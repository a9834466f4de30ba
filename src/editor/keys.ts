/**
 * Keys as data, for the 「快捷键」 help. A key is named in ProseMirror's keymap notation: modifiers
 * `Mod-`, `Ctrl-`, `Meta-`, `Alt-`, `Shift-` (any order) then the key (`Tab`, `ArrowDown`, `F1`, `z`, `1`,
 * `Space`, or a typed character such as `、`). `Mod` is what ProseMirror binds as Ctrl (⌘ on a Mac).
 * Each keymap exports the lines that describe it next to its bindings (`KeyHelp`); src/ui/shortcuts.ts
 * gathers them. This module only reads, matches and draws the notation.
 */

/** One line of the help: the keys that do something (alternatives as separate entries) and what, in Chinese. */
export interface KeyHelp {
  keys: readonly string[];
  action: string;
}

const MODIFIERS = ['Mod', 'Ctrl', 'Meta', 'Alt', 'Shift'] as const;
type Modifier = (typeof MODIFIERS)[number];

const isModifier = (part: string): part is Modifier => (MODIFIERS as readonly string[]).includes(part);

/** The modifiers (in a fixed order) and the key of `name`; throws on a modifier this notation lacks. */
export function parseKey(name: string): { mods: readonly Modifier[]; key: string } {
  // A trailing `-` is the minus key itself (`Mod--`), not a separator.
  const parts = name.split(/-(?!$)/);
  const key = parts.pop() ?? '';
  const unknown = parts.find((part) => !isModifier(part));
  if (!key || unknown !== undefined) throw new Error(`Unknown key name: ${name}`);
  return { mods: MODIFIERS.filter((m) => parts.includes(m)), key };
}

/** `name` with its modifiers in the fixed order, so `Shift-Mod-z` and `Mod-Shift-z` compare equal. */
export function normalizeKey(name: string): string {
  const { mods, key } = parseKey(name);
  return [...mods, key].join('-');
}

type KeyEventLike = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

/**
 * True when `event` is the key `name`. `Mod` accepts Ctrl or ⌘ (as the app's own handlers always have);
 * other modifiers must be exactly as named; a letter matches in either case (Caps Lock).
 */
export function matchesKey(event: KeyEventLike, name: string): boolean {
  const { mods, key } = parseKey(name);
  const has = (m: Modifier) => mods.includes(m);
  const command = has('Mod') ? event.ctrlKey || event.metaKey : event.ctrlKey === has('Ctrl') && event.metaKey === has('Meta');
  if (!command || event.altKey !== has('Alt') || event.shiftKey !== has('Shift')) return false;
  const eventKey = event.key === ' ' ? 'Space' : event.key;
  return eventKey === key || (key.length === 1 && eventKey.toLowerCase() === key.toLowerCase());
}

const KEY_LABELS: Record<string, string> = {
  ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→', Escape: 'Esc', Space: '空格',
};

export interface KeyFormat {
  /** Show `Mod` as ⌘ (on a Mac) rather than Ctrl. */
  mac?: boolean;
}

/** The format for the writer's machine: a Mac (or iPad) shows Mod as ⌘ and Alt as ⌥, as its keys are printed. */
export function platformKeyFormat(nav: { platform?: string; userAgent?: string } | undefined = globalThis.navigator): KeyFormat {
  return { mac: /Mac|iPhone|iPad/.test(nav?.platform || nav?.userAgent || '') };
}

/** This machine's format, read once: the platform does not change while the page is open. */
export const WRITER_KEY_FORMAT: KeyFormat = platformKeyFormat();

function modifierLabel(mod: Modifier, { mac = false }: KeyFormat): string {
  if (mod === 'Mod') return mac ? '⌘' : 'Ctrl';
  if (mod === 'Alt' && mac) return '⌥';
  return mod === 'Meta' ? '⌘' : mod;
}

const keyLabel = (key: string) => KEY_LABELS[key] ?? (key.length === 1 ? key.toUpperCase() : key);

/** How `name` is shown to the writer, e.g. `Mod-Shift-z` → 「Ctrl+Shift+Z」, `Alt-ArrowDown` → 「Alt+↓」. */
export function formatKey(name: string, format: KeyFormat = {}): string {
  const { mods, key } = parseKey(name);
  return [...mods.map((m) => modifierLabel(m, format)), keyLabel(key)].join('+');
}

/** Shortest run of consecutive digit keys shown as a range (1–5). */
const MIN_DIGIT_RUN = 3;

/**
 * The keys of one help line as shown, one string per alternative; consecutive digits under the same
 * modifiers read as a range: `1`…`5` → 「1–5」, `Mod-Shift-1`…`4` → 「Ctrl+Shift+1–4」.
 */
export function formatKeys(keys: readonly string[], format: KeyFormat = {}): string[] {
  const runs: { mods: string; first: number; last: number; names: string[] }[] = [];
  for (const name of keys) {
    const { mods, key } = parseKey(name);
    const digit = /^[0-9]$/.test(key) ? Number(key) : NaN;
    const run = runs[runs.length - 1];
    if (run && run.mods === mods.join('-') && digit === run.last + 1) {
      run.last = digit;
      run.names.push(name);
    } else {
      runs.push({ mods: mods.join('-'), first: digit, last: digit, names: [name] });
    }
  }
  return runs.flatMap((run) => {
    if (run.names.length < MIN_DIGIT_RUN) return run.names.map((name) => formatKey(name, format));
    const prefix = formatKey(run.names[0], format).slice(0, -1);
    return [`${prefix}${run.first}–${run.last}`];
  });
}

/** A button's title: its label and, when it has keys, the keys as shown, e.g. 「撤销（Ctrl+Z）」. */
export function titleWithKeys(label: string, keys?: readonly string[], format: KeyFormat = WRITER_KEY_FORMAT): string {
  return keys?.length ? `${label}（${formatKeys(keys, format).join(' / ')}）` : label;
}

/**
 * The help lines of a keymap whose bindings carry descriptions: bindings with the same description
 * share a line, in the order they are bound.
 */
export function helpFromBindings(bindings: readonly { key: string; description: string }[]): KeyHelp[] {
  const lines = new Map<string, string[]>();
  for (const { key, description } of bindings) {
    const keys = lines.get(description) ?? [];
    if (!keys.includes(key)) keys.push(key);
    lines.set(description, keys);
  }
  return [...lines].map(([action, keys]) => ({ keys, action }));
}
