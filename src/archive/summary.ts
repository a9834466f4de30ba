/** The one-line summary at the end of an import: 「已加入 212 篇，跳过 9 篇：3 篇重复、2 篇为空、…」. */
import type { SkipKind } from './types';

export const SKIP_LABELS: Record<SkipKind, string> = {
  duplicate: '重复',
  'near-duplicate': '与已有文稿近似',
  empty: '为空',
  'too-large': '过大',
  unsupported: '格式不支持',
  unreadable: '无法读取',
  failed: '保存失败',
};

const ORDER: SkipKind[] = ['duplicate', 'near-duplicate', 'empty', 'unsupported', 'unreadable', 'too-large', 'failed'];

export function importSummary(added: number, skipped: readonly { kind: SkipKind }[], cancelled = false): string {
  const counts = new Map<SkipKind, number>();
  for (const s of skipped) counts.set(s.kind, (counts.get(s.kind) ?? 0) + 1);
  const head = `${cancelled ? '已取消，' : ''}已加入 ${added} 篇`;
  if (!skipped.length) return `${head}。`;
  const parts = ORDER.filter((k) => counts.has(k)).map((k) => `${counts.get(k)} 篇${SKIP_LABELS[k]}`);
  return `${head}，跳过 ${skipped.length} 篇：${parts.join('、')}。`;
}
