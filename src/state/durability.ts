/** Whether the browser keeps this site's data under storage pressure: asked once, for the status bar. */
import { useEffect, useState } from 'react';
import { requestPersistentStorage, type Durability } from '../storage/durability';

export { DURABILITY_LABELS, type Durability } from '../storage/durability';

/** Requests persistent storage on mount; null until the browser answers. */
export function useDurability(): Durability | null {
  const [durability, setDurability] = useState<Durability | null>(null);
  useEffect(() => {
    void requestPersistentStorage().then(setDurability);
  }, []);
  return durability;
}
