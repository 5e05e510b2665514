import { useEffect, useState } from 'react';
import { wishEventLabels, wishStatusLabels } from '@linli/contracts/wish-labels';
import { ApiError } from '../../../lib/api.js';
import { confirmTrackedWish, fetchTrackedWish, trackedPhotoUrl, type TrackedWish } from '../api.js';
import { useT } from '../../../lib/i18n.js';
import { formatTime } from '../../../lib/time.js';
import { errorText } from './shared.js';

/** The resident's own wish by its private link: progress, who claimed it, what was done; confirm and thank with the key. */
export function TrackWishPage({ code, isNew, trackingKey }: { code: string; isNew: boolean; trackingKey: string | null }) {
  const { t, locale } = useT();
  const [view, setView] = useState<TrackedWish | null>(null);
  const [error, setError] = useState('');
  const [thanks, setThanks] = useState('');
  const [done, setDone] = useState(false);
  const link = `${location.origin}/h5/wish/${code}${trackingKey ? `#k=${trackingKey}` : ''}`;
  useEffect(() => {
    fetchTrackedWish(code).then(setView, (e) => setError(e instanceof ApiError && e.status === 404 ? t('wh.notFound') : errorText(e)));
  }, [code, t]);
  const confirm = async () => {
    try {
      setView(await confirmTrackedWish(code, trackingKey ?? '', thanks.trim() || null));
      setDone(true);
      setError('');
    } catch (err) {
      setError(errorText(err, { thanks: t('wish.thanks') }));
    }
  };
  if (!view) return <section className="card">{error && <p className="error">{error}</p>}</section>;
  return (
    <section className="card" data-testid="h5-wish-track">
      {isNew && (
        <div className="notice">
          <b>{t('wh.done')}</b>
          <p className="muted">{t('wh.keepLink')}</p>
          <p>
            {t('wh.link')}：
            <a href={link} className="link" data-testid="wish-link">
              {link}
            </a>
          </p>
        </div>
      )}
      <h2>
        {t('wh.track')} · <span data-testid="wish-track-status">{wishStatusLabels[locale][view.status]}</span>
      </h2>
      <p>{view.text}</p>
      {view.claimants.length > 0 && (
        <p>
          <b>{t('wh.claimants')}：</b>
          {view.claimants.join('、')}
        </p>
      )}
      {view.resultNote && (
        <p>
          <b>{t('wish.result')}：</b>
          {view.resultNote}
        </p>
      )}
      {view.photoIds.length > 0 && (
        <div className="photos">
          {view.photoIds.map((id) => (
            <img key={id} src={trackedPhotoUrl(code, id)} alt="" loading="lazy" />
          ))}
        </div>
      )}
      <ol className="timeline">
        {view.events.map((e, i) => (
          <li key={i}>
            <span className="muted">{formatTime(e.createdAt)}</span> {wishEventLabels[locale][e.action]}
            {e.note ? `：${e.note}` : ''}
          </li>
        ))}
      </ol>
      {view.thanks && (
        <p>
          <b>{t('wish.thanks')}：</b>
          {view.thanks}
        </p>
      )}
      {done && <p className="notice">{t('wh.thanked')}</p>}
      {view.canConfirm &&
        (trackingKey ? (
          <div className="stack">
            <textarea
              value={thanks}
              onChange={(e) => setThanks(e.target.value)}
              maxLength={500}
              rows={3}
              placeholder={t('wh.thanksPlaceholder')}
              data-testid="wish-thanks"
            />
            <button onClick={() => void confirm()} data-testid="wish-confirm">
              {t('wh.confirm')}
            </button>
          </div>
        ) : (
          <p className="muted">{t('wh.needLink')}</p>
        ))}
      {error && <p className="error">{error}</p>}
    </section>
  );
}
