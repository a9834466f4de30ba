/** Asks the browser to keep this site's data even under storage pressure, and reports the answer. */
export type Durability = 'persisted' | 'best-effort' | 'unsupported';

export async function requestPersistentStorage(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<Durability> {
  if (!storage?.persist) return 'unsupported';
  try {
    if (await storage.persisted()) return 'persisted';
    return (await storage.persist()) ? 'persisted' : 'best-effort';
  } catch {
    return 'best-effort';
  }
}

export const DURABILITY_LABELS: Record<Durability, { label: string; hint: string }> = {
  persisted: { label: '本机存储：已持久保存', hint: '浏览器不会自动清理本应用的数据。' },
  'best-effort': { label: '本机存储：未获持久保证', hint: '磁盘紧张时浏览器可能清理数据，请定期导出备份。' },
  unsupported: { label: '本机存储：无法确认持久', hint: '此浏览器不支持持久存储请求，请定期导出备份。' },
};
