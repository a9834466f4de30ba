/** The phrase index's status in the status bar: building, ready (documents · characters) or the error. */
import { phraseIndexStatusText, usePhraseIndex } from '../../state/phraseIndex';

export function PhraseIndexStatus() {
  const index = usePhraseIndex();
  return (
    <span className={`phrase-index-status${index.phase === 'error' ? ' status-error' : ''}`} data-phrase-index={index.phase} role="status">
      {phraseIndexStatusText(index)}
    </span>
  );
}
