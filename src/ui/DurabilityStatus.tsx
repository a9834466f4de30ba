/** Requests persistent storage once and shows whether the browser granted it. */
import { useEffect, useState } from 'react';
import { DURABILITY_LABELS, requestPersistentStorage, type Durability } from '../storage/durability';

export function DurabilityStatus() {
  const [durability, setDurability] = useState<Durability | null>(null);
  useEffect(() => {
    void requestPersistentStorage().then(setDurability);
  }, []);
  if (!durability) return null;
  const { label, hint } = DURABILITY_LABELS[durability];
  return <span className={`durability is-${durability}`} title={hint} data-durability={durability}>{label}</span>;
}
