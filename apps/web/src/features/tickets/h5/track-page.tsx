import { useEffect, useRef, useState } from 'react';
import { ratingLabels, ticketActionLabel, ticketEventNote, ticketStatusLabels, type Rating } from '@linli/contracts/labels';
import { ApiError } from '../../../lib/api.js';
import { addInfo, fetchPublicTicket, publicPhotoUrl, rateTicket, uploadPublicPhotos, type Proof, type PublicTicket } from '../api.js';
import { useT } from '../../../lib/i18n.js';
import { formatTime } from '../../../lib/time.js';
import { PhotoPicker, pickedPhotos } from '../../../components/photo-picker.js';
import './public-messages.js';
import '../loop-messages.js';

type View = PublicTicket;

export function TrackPage({ code, isNew, trackingKey }: { code: string; isNew: boolean; trackingKey: string | null }) {
  const { t, locale } = useT();
  const [view, setView] = useState<View | null>(null);
  const [error, setError] = useState('');
  const [thanks, setThanks] = useState(false);
  const [lastFour, setLastFour] = useState('');
  const proof: Proof = { key: trackingKey, lastFour };
  // What to bookmark: the page's own address with its key, without the one-time "new" flag.
  const link = `${location.origin}/h5/track/${code}${trackingKey ? `#k=${trackingKey}` : ''}`;
  useEffect(() => {
    fetchPublicTicket(code).then(setView, (e) => setError(e instanceof ApiError && e.status === 404 ? t('t.notFound') : String(e.message)));
  }, [code, t]);
  const rate = async (rating: Rating, comment: string) => {
    try {
      setView(await rateTicket(code, proof, { rating, comment: comment || null }));
      setThanks(true);
      setError('');
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  const time = formatTime;
  if (error && !view)
    return (
      <section className="card">
        <p className="error">{error}</p>
      </section>
    );
  if (!view) return null;
  const canAct = view.canAddInfo || (view.canRate && !thanks);
  return (
    <section className="card" data-testid="h5-track">
      {isNew && (
        <div className="notice">
          <b>{t('r.done')}</b>
          <p>
            {t('r.code')}：
            <span className="code" data-testid="tracking-code">
              {view.code}
            </span>
          </p>
          <p className="muted">{t('r.keep')}</p>
          {trackingKey && (
            <p>
              {t('r.link')}：
              <a href={link} className="link" data-testid="tracking-link">
                {link}
              </a>{' '}
              <CopyButton text={link} />
            </p>
          )}
          {trackingKey && <p className="muted">{t('r.linkKeep')}</p>}
          {trackingKey && view.hasPhone && <p className="muted">{t('r.linkPhone')}</p>}
        </div>
      )}
      <p className="muted">
        {t('r.reference')}：<span data-testid="ticket-reference">{view.reference}</span>
        {isNew && <>（{t('r.referenceHelp')}）</>}
      </p>
      <h2>
        {t('t.title')} · <span data-testid="track-status">{ticketStatusLabels[locale][view.status]}</span>
      </h2>
      <p>
        {view.categoryName}：{view.description}
      </p>
      {view.photoIds.length > 0 && (
        <div className="photos">
          {view.photoIds.map((id) => (
            <img key={id} src={publicPhotoUrl(code, id)} alt="" loading="lazy" />
          ))}
        </div>
      )}
      {view.resultText && (
        <p>
          <b>{t('t.result')}：</b>
          {view.resultText}
        </p>
      )}
      <ol className="timeline">
        {view.events.map((e, i) => (
          <li key={i}>
            <span className="muted">{time(e.createdAt)}</span> {ticketActionLabel(locale, e.action, 'public')}
            {e.rating ? ` · ${ratingLabels[locale][e.rating]}` : ''}
            {e.note ? `：${ticketEventNote(locale, e.action, e.note)}` : ''}
          </li>
        ))}
      </ol>
      {canAct &&
        !trackingKey &&
        (view.hasPhone ? (
          <label>
            <span className="muted">{t('p.why')}</span>
            <br />
            {t('p.lastFour')}
            <input
              value={lastFour}
              onChange={(e) => setLastFour(e.target.value.replace(/\D/g, '').slice(0, 4))}
              inputMode="numeric"
              maxLength={4}
              autoComplete="off"
              data-testid="proof-last-four"
            />
          </label>
        ) : (
          <p className="muted" data-testid="proof-need-link">
            {t('p.needLink')}
          </p>
        ))}
      {view.canAddInfo && <AddInfoBox code={code} proof={proof} onAdded={setView} />}
      {view.canRate && !thanks && <RateBox onRate={rate} />}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {/* Never "thank you" for a dissatisfied result: say what happens next (重新办理, or the secretary's review). */}
      {thanks && (
        <p data-testid="rate-thanks">
          {view.rating !== 'dissatisfied' ? t('t.thanks') : view.status === 'reviewing' ? t('loop.t.review') : t('loop.t.reworked')}
        </p>
      )}
    </section>
  );
}

/** Copies the personal link: typing a long link by hand on a phone goes wrong. */
function CopyButton({ text }: { text: string }) {
  const { t } = useT();
  const [copied, setCopied] = useState(false);
  if (!navigator.clipboard) return null;
  const copy = () =>
    void navigator.clipboard.writeText(text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return (
    <button type="button" className="secondary" onClick={copy} data-testid="copy-link">
      {copied ? t('r.copied') : t('r.copy')}
    </button>
  );
}

/** More detail or photos while the report is open: both go on the timeline the community works from. */
function AddInfoBox({ code, proof, onAdded }: { code: string; proof: Proof; onAdded(v: View): void }) {
  const { t } = useT();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const photosRef = useRef<HTMLInputElement>(null);
  const [round, setRound] = useState(0);
  const submit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const formEl = e.currentTarget;
    const data = new FormData(formEl);
    const text = String(data.get('text') ?? '').trim();
    const photos = pickedPhotos(photosRef.current);
    if (!text && photos.length === 0) return setError(t('i.empty'));
    setBusy(true);
    setError('');
    try {
      let view: View | null = null;
      if (text) view = await addInfo(code, proof, text);
      view = (await uploadPublicPhotos(code, photos, proof)) ?? view;
      if (view) onAdded(view);
      formEl.reset();
      setRound((n) => n + 1);
      setDone(true);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="rate" onSubmit={submit} data-testid="h5-add-info">
      <p>
        <b>{t('i.title')}</b>
      </p>
      <label>
        {t('i.text')}
        <textarea name="text" rows={3} maxLength={1000} data-testid="info-text" />
      </label>
      <PhotoPicker key={round} label={t('r.photos')} inputRef={photosRef} testId="info-photos" />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {done && !error && (
        <p className="muted" data-testid="info-done">
          {t('i.done')}
        </p>
      )}
      <button type="submit" className="secondary" disabled={busy} data-testid="info-submit">
        {t('i.submit')}
      </button>
    </form>
  );
}

function RateBox({ onRate }: { onRate(r: Rating, comment: string): void }) {
  const { t, locale } = useT();
  const [comment, setComment] = useState('');
  return (
    <div className="rate" data-testid="h5-rate">
      <p>
        <b>{t('t.rate')}</b>
      </p>
      <label>
        {t('t.comment')}
        <input value={comment} onChange={(e) => setComment(e.target.value)} maxLength={500} />
      </label>
      {(['satisfied', 'basically_satisfied', 'dissatisfied'] as const).map((r) => (
        <button key={r} type="button" className={r === 'dissatisfied' ? 'secondary' : ''} onClick={() => onRate(r, comment)} data-testid={`rate-${r}`}>
          {ratingLabels[locale][r]}
        </button>
      ))}
    </div>
  );
}

export function LookupBox({ navigate }: { navigate(path: string): void }) {
  const { t } = useT();
  return (
    <form
      className="card"
      onSubmit={(e) => {
        e.preventDefault();
        const code = new FormData(e.currentTarget).get('code');
        if (code) navigate(`/h5/track/${String(code).trim().toUpperCase()}`);
      }}
    >
      <label>
        {t('t.lookup')}
        <input name="code" autoCapitalize="characters" />
      </label>
      <button type="submit">{t('t.go')}</button>
    </form>
  );
}
