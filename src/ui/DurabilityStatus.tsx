/** Requests persistent storage once and shows whether the browser granted it. */
import { DURABILITY_LABELS, useDurability } from '../state/durability';

export function DurabilityStatus() {
  const durability = useDurability();
  if (!durability) return null;
  const { label, hint } = DURABILITY_LABELS[durability];
  return <span className={`durability is-${durability}`} title={hint} data-durability={durability}>{label}</span>;
}
