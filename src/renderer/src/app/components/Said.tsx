import { memo } from 'react';
import type { CodedMessage, Lang } from '../../../../shared/i18n';
import { messageParts } from '../logic/said';

/**
 * Coded messages in the interface language; a server's own detail inside them shows as technical text
 * (monospace, `translate="no"`): it is what Plek said, not the workbench's words.
 */
export const Said = memo(function Said({
  lang,
  messages,
}: {
  lang: Lang;
  messages: readonly CodedMessage[];
}) {
  return (
    <>
      {messageParts(lang, messages).map((p, i) =>
        'detail' in p ? (
          <span key={i} className="mono server-detail" translate="no">
            {p.detail}
          </span>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
});
