/**
 * The template record as stored in IndexedDB and exchanged in template files.
 * Built-ins carry `builtin: true` and the `builtinVersion` they were introduced in, so that a later
 * release can add built-ins without touching the writer's own templates.
 */
export type TemplateCategory = '开头' | '结构' | '结尾' | '整篇' | '自定义';

export const TEMPLATE_CATEGORIES: readonly TemplateCategory[] = ['开头', '结构', '结尾', '整篇', '自定义'];

export interface TemplateRecord {
  id: string;
  name: string;
  category: TemplateCategory;
  /** Plain text, one paragraph per line; `{{名称}}` marks a variable; numbered lines (一、（一）1.（1）) become headings. */
  body: string;
  /** Variable names in order of first appearance in `body`. */
  variables: string[];
  builtin: boolean;
  /** Hidden built-ins stay in the store and can be restored. */
  hidden?: boolean;
  builtinVersion?: number;
  updatedAt: number;
}
