/** The phrase index's status in the status bar: building, ready (documents · characters) or the error; a background update beside the count. */
import { PHRASE_INDEX_UPDATING_TEXT, phraseIndexStatusText, usePhraseIndex } from '../../state/phraseIndex';

export function PhraseIndexStatus() {
  const index = usePhraseIndex();
  return (
    <span className={`phrase-index-status${index.phase === 'error' ? ' status-error' : ''}`} data-phrase-index={index.phase} data-phrase-index-from={index.from ?? undefined} role="status">
      {phraseIndexStatusText(index)}
      {index.phase === 'ready' && index.updating ? <span className="phrase-index-updating muted" data-phrase-index-updating=""> · {PHRASE_INDEX_UPDATING_TEXT}</span> : null}
      {index.phase === 'ready' && !index.updating && index.error ? <span className="status-error" title={index.error}> · 更新未完成</span> : null}
    </span>
  );
}
