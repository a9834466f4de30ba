/** Lines of keyboard help as a definition list: the keys in <kbd> (alternatives joined by 「/」), then what they do. */
import { Fragment } from 'react';
import { formatKeys, WRITER_KEY_FORMAT, type KeyHelp } from '../editor/keys';

export function KeyList({ entries }: { entries: readonly KeyHelp[] }) {
  return (
    <dl className="key-list">
      {entries.map(({ keys, action }) => (
        <div key={`${keys.join(' ')}:${action}`}>
          <dt>
            {formatKeys(keys, WRITER_KEY_FORMAT).map((label, i) => (
              <Fragment key={label}>{i ? ' / ' : null}<kbd>{label}</kbd></Fragment>
            ))}
          </dt>
          <dd>{action}</dd>
        </div>
      ))}
    </dl>
  );
}
