/** The phrase index's status in the status bar: building, ready (documents · characters) or the error. */
import { phraseIndexStatusText, usePhraseIndex } from '../../state/phraseIndex';

export function PhraseIndexStatus() {
  const phase = usePhraseIndex((s) => s.phase);
  const docs = usePhraseIndex((s) => s.docs);
  const chars = usePhraseIndex((s) => s.chars);
  const error = usePhraseIndex((s) => s.error);
  return (
    <span className={`phrase-index-status${phase === 'error' ? ' status-error' : ''}`} data-phrase-index={phase} role="status">
      {phraseIndexStatusText({ phase, docs, chars, error })}
    </span>
  );
}
