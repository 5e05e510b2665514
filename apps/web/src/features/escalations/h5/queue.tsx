import { useEffect, useRef, useState } from 'react';
import type { Escalation, EscalationReplyKind } from '@linli/contracts';
import { keyFromData, useT } from '../../../lib/i18n.js';
import { formatTime } from '../../../components/time.js';
import { BackBar, errorText, MAX_PHOTOS, PhotoPicker, pickedPhotos, type Navigate } from '../../tickets/h5/shared.js';
import { escalationPhotoUrl, fetchEscalations, replyToEscalation, uploadEscalationPhotos } from '../api.js';
import './messages.js';

type Act = Exclude<EscalationReplyKind, 'info'>;

/** The organisation's side of escalation-rules.ts `replyTransition`: what its contact may answer from each state. */
export function contactActs(status: Escalation['status']): Act[] {
  const acts: Act[] = [];
  if (status === 'pending' || status === 'info_requested') acts.push('accept');
  if (status === 'pending' || status === 'accepted') acts.push('ask_info');
  if (status === 'pending' || status === 'accepted' || status === 'info_requested') acts.push('answer', 'decline');
  return acts;
}

/** A department's or partner's contact on the phone: the open escalations sent to their organisation, by deadline. */
export function EscalationQueuePage({ navigate }: { navigate: Navigate }) {
  const { t } = useT();
  const [items, setItems] = useState<Escalation[] | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const load = () =>
    fetchEscalations({ open: 'true', pageSize: 100 }).then(
      (r) =>
        setItems([...r.items].filter((e) => e.status !== 'requested').sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueAt.localeCompare(b.dueAt))),
      (e) => setError(errorText(t, e)),
    );
  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [t]);
  return (
    <section className="card" data-testid="h5-escalations">
      <BackBar to="/h5" navigate={navigate} title={t('eh.queue')} />
      {notice && (
        <p className="notice" role="status" data-testid="esc-notice">
          {notice}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!items && !error && <p className="muted">{t('hp.loading')}</p>}
      {items?.length === 0 && (
        <p className="muted" data-testid="h5-escalations-empty">
          {t('eh.empty')}
        </p>
      )}
      <ul className="tasks">
        {items?.map((e) => (
          <EscalationItem
            key={e.id}
            e={e}
            onDone={(act) => {
              setNotice(t(keyFromData(`eh.done.${act}`)));
              void load();
            }}
          />
        ))}
      </ul>
    </section>
  );
}

function EscalationItem({ e, onDone }: { e: Escalation; onDone(act: Act): void }) {
  const { t, locale } = useT();
  const [open, setOpen] = useState<Act | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const textRef = useRef<HTMLTextAreaElement>(null);
  const photoRef = useRef<HTMLInputElement>(null);
  const last = e.replies.at(-1);
  const textLabel = open === 'decline' ? t('eh.declineText') : open === 'answer' ? t('eh.answerText') : t('eh.askText');
  const send = async (act: Act) => {
    setError('');
    const text = textRef.current?.value.trim() ?? '';
    const photos = act === 'answer' ? pickedPhotos(photoRef.current) : [];
    if (act !== 'accept' && !text) return setError(t('hp.rule.required', { field: textLabel }));
    if (photos.length > MAX_PHOTOS) return setError(t('hp.rule.too_many_files', { field: t('f.photos'), max: MAX_PHOTOS }));
    setBusy(true);
    try {
      // Photos first, as on the console: if they fail, nothing is answered yet.
      if (photos.length) await uploadEscalationPhotos(e.id, photos);
      await replyToEscalation(e.id, { kind: act, text: text || null });
      setOpen(null);
      onDone(act);
    } catch (err) {
      setError(errorText(t, err, { text: textLabel, photos: t('f.photos') }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className={e.overdue ? 'task overdue' : 'task'} data-testid={`h5-esc-${e.ticketCode}`}>
      <span className="task-head">
        <b>{e.ticketTitle}</b>
        <span className={`chip ${e.status}`} data-testid="h5-esc-status">
          {t(keyFromData(`eh.status.${e.status}`))}
        </span>
      </span>
      <span className="muted">
        {e.communityName} · {e.ticketCode}
        {e.ticketAddress ? ` · ${e.ticketAddress}` : ''}
      </span>
      {e.ticketDescription && <span className="description">{e.ticketDescription}</span>}
      <span>
        {t('eh.reason')}：{e.reason}
      </span>
      {last && (last.kind === 'ask_info' || last.kind === 'info') && last.text && (
        <span className="muted">{t(last.kind === 'ask_info' ? 'eh.asked' : 'eh.supplied', { text: last.text })}</span>
      )}
      <span className="task-due">
        {e.overdue && (
          <span className="badge red" data-testid="overdue-badge">
            {t('eh.overdue')}
          </span>
        )}
        {t('eh.due', { time: formatTime(locale, e.dueAt, 'compact') })}
      </span>
      {e.photoIds.length > 0 && (
        <div className="photos">
          {e.photoIds.map((p) => (
            <a key={p} href={escalationPhotoUrl(e.id, p)} target="_blank" rel="noreferrer">
              <img src={escalationPhotoUrl(e.id, p)} alt="" loading="lazy" />
            </a>
          ))}
        </div>
      )}
      {!open && (
        <div className="actions">
          {contactActs(e.status).map((a) => (
            <button
              key={a}
              type="button"
              className={a === 'decline' || a === 'ask_info' ? 'secondary' : ''}
              disabled={busy}
              onClick={() => (a === 'accept' ? void send('accept') : (setError(''), setOpen(a)))}
              data-testid={`h5-esc-${a}`}
            >
              {t(`eh.${a}`)}
            </button>
          ))}
        </div>
      )}
      {open && (
        <form
          className="act-form"
          noValidate
          onSubmit={(ev) => {
            ev.preventDefault();
            void send(open);
          }}
        >
          <label>
            {textLabel}
            <textarea ref={textRef} rows={4} maxLength={2000} onInput={() => setError('')} data-testid="h5-esc-text" />
          </label>
          {open === 'answer' && <PhotoPicker label={t('eh.answerPhotos')} inputRef={photoRef} testId="h5-esc-photos" />}
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" disabled={busy} data-testid="h5-esc-confirm">
            {t('eh.confirm')}
          </button>
          <button type="button" className="secondary" onClick={() => (setOpen(null), setError(''))}>
            {t('hp.cancel')}
          </button>
        </form>
      )}
      {error && !open && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
