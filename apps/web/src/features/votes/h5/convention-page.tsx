import { useEffect, useState } from 'react';
import type { PublicConvention } from '@linli/contracts';
import { useT } from '../../../lib/i18n.js';
import { formatDate } from '../../../lib/time.js';
import { ApiError } from '../../../lib/api.js';
import { fetchPublicConvention } from '../api.js';
import '../messages.js';

/** 小区公约 on the phone (no login): the current text, when it was adopted, and the earlier versions. */
export function ConventionPhonePage({ id }: { id: number }) {
  const { t } = useT();
  const [c, setC] = useState<PublicConvention | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    if (id) fetchPublicConvention(id).then(setC, (e) => setError(e instanceof ApiError ? e.message : String(e)));
  }, [id]);
  if (error)
    return (
      <section className="card">
        <p className="error" role="alert">
          {error}
        </p>
      </section>
    );
  if (!c) return <p className="muted">{t('vh.loading')}</p>;
  return (
    <section className="card" data-testid="h5-convention">
      <p className="muted">{[c.communityName, c.compoundName].filter(Boolean).join(' · ')}</p>
      <h2 data-testid="h5-convention-title">{c.title}</h2>
      {c.current ? (
        <>
          <p className="muted" data-testid="h5-convention-adopted">
            {t('vh.versionNo', { n: c.current.versionNo })} · {c.current.adoptedAt ? t('vh.adoptedAt', { time: formatDate(c.current.adoptedAt) }) : ''}
          </p>
          <div style={{ whiteSpace: 'pre-wrap', fontSize: 19, lineHeight: 1.8 }} data-testid="h5-convention-text">
            {c.current.body}
          </div>
        </>
      ) : (
        <p>{t('vh.noConvention')}</p>
      )}
      {c.history.length > 1 && (
        <>
          <h3>{t('vh.history')}</h3>
          <ul>
            {c.history.map((h) => (
              <li key={h.versionNo}>
                {t('vh.versionNo', { n: h.versionNo })} · {h.adoptedAt ? formatDate(h.adoptedAt) : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
