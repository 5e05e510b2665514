import { useEffect, useRef, useState } from 'react';
import type { Me, Ticket, TicketDetail } from '@linli/contracts';
import {
  openTicketStatuses,
  photoStageLabels,
  ratingLabels,
  ticketActionLabel,
  ticketActorText,
  ticketEventDetail,
  ticketEventNote,
  ticketStatusLabels,
  type TicketAction,
  type TicketStatus,
} from '@linli/contracts/labels';
import { roleCan } from '@linli/contracts/permissions';
import { actOnTicket, fetchReporterPhone, fetchTasks, fetchTicket, ticketPhotoUrl } from '../api.js';
import '../loop-messages.js';
import { useT } from '../../../lib/i18n.js';
import { formatTime } from '../../../components/time.js';
import { RequestEscalation } from '../../escalations/h5/request-escalation.js';
import { BackBar, errorText, Go, MAX_PHOTOS, PhotoPicker, pickedPhotos, mayWork, ticketStaffRoles, uploadPhotos, type Navigate } from './shared.js';

/** What a doer may do from each state (ticket-state.ts `allowedFrom`, the doer's part). */
const doerActions: Partial<Record<TicketStatus, TicketAction[]>> = { assigned: ['start', 'return'], in_progress: ['resolve'] };

function useTime() {
  const { locale } = useT();
  return (s: string) => formatTime(locale, s, 'compact');
}

/** Tickets assigned to me and still open, overdue first, then by resolution deadline (the API's order). */
export function TasksPage({ navigate }: { navigate: Navigate }) {
  const { t, locale } = useT();
  const time = useTime();
  const [items, setItems] = useState<Ticket[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    fetchTasks().then(
      (r) => setItems(r.items),
      (e) => setError(errorText(t, e)),
    );
  }, [t]);
  return (
    <section className="card" data-testid="h5-tasks">
      <BackBar to="/h5" navigate={navigate} title={t('hp.tasks')} />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!items && !error && <p className="muted">{t('hp.loading')}</p>}
      {items?.length === 0 && (
        <p className="muted" data-testid="h5-tasks-empty">
          {t('hp.empty')}
        </p>
      )}
      <ul className="tasks">
        {items?.map((tk) => (
          <li key={tk.id}>
            <Go to={`/h5/tasks/${tk.id}`} navigate={navigate} className={tk.isOverdue ? 'task overdue' : 'task'} testId={`task-${tk.code}`}>
              <span className="task-head">
                <b>{tk.title}</b>
                <span className={`chip ${tk.status}`}>{ticketStatusLabels[locale][tk.status]}</span>
                {tk.isRework && (
                  <span className="badge red" data-testid="rework-badge">
                    {t('loop.rework')}
                  </span>
                )}
              </span>
              <span className="muted">{[tk.categoryName, tk.compoundName, tk.buildingName].filter(Boolean).join(' · ')}</span>
              <span className="task-due">
                {tk.isOverdue && (
                  <span className="badge red" data-testid="overdue-badge">
                    {t('hp.overdue')}
                  </span>
                )}
                {t('hp.due', { time: time(tk.dispatchDueAt ?? tk.resolutionDueAt) })}
              </span>
              {tk.dispatchNote && <span className="muted">{tk.dispatchNote}</span>}
            </Go>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One task: what, where, photos, the public timeline, and the steps this helper may take now. */
export function TaskPage({ id, me, navigate }: { id: number; me: Me; navigate: Navigate }) {
  const { t, locale } = useT();
  const time = useTime();
  const [ticket, setTicket] = useState<TicketDetail | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [open, setOpen] = useState<'resolve' | 'return' | null>(null);
  const [busy, setBusy] = useState(false);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const photoRef = useRef<HTMLInputElement>(null);
  const beforeRef = useRef<HTMLInputElement>(null);
  const uploadBefore = async () => {
    setError('');
    setNotice('');
    const photos = pickedPhotos(beforeRef.current);
    if (photos.length === 0) return setError(t('hp.rule.required', { field: t('f.photos') }));
    setBusy(true);
    try {
      await uploadPhotos(id, photos, 'before');
      setTicket(await fetchTicket(id));
      setNotice(t('loop.h5.uploaded'));
    } catch (err) {
      setError(errorText(t, err, { photos: t('f.photos') }));
    } finally {
      setBusy(false);
    }
  };
  // One tap to call: the full number is fetched (and logged as a personal-data view) only when the worker taps.
  const call = async () => {
    setError('');
    try {
      const { phone } = await fetchReporterPhone(id);
      window.location.href = `tel:${phone}`;
    } catch (err) {
      setError(errorText(t, err));
    }
  };
  useEffect(() => {
    fetchTicket(id).then(setTicket, (e) => setError(errorText(t, e)));
  }, [id, t]);

  const noteLabel = open === 'return' ? t('hp.reason') : t('hp.result');
  const act = async (action: TicketAction) => {
    setError('');
    setNotice('');
    const note = noteRef.current?.value.trim() ?? '';
    const photos = action === 'resolve' ? pickedPhotos(photoRef.current) : [];
    if ((action === 'resolve' || action === 'return') && !note) return setError(t('hp.rule.required', { field: noteLabel }));
    if (photos.length > MAX_PHOTOS) return setError(t('hp.rule.too_many_files', { field: t('f.photos'), max: MAX_PHOTOS }));
    setBusy(true);
    try {
      // Photos go first so the resident sees them with the result; if they fail, nothing is resolved yet.
      if (photos.length) await uploadPhotos(id, photos, 'after');
      const next = await actOnTicket(id, action, note ? { note } : {});
      setTicket(next);
      setOpen(null);
      if (action !== 'start') setNotice(t(action === 'resolve' ? 'hp.done' : 'hp.returned'));
    } catch (err) {
      setError(errorText(t, err, { note: noteLabel, photos: t('f.photos') }));
    } finally {
      setBusy(false);
    }
  };

  if (!ticket) {
    return (
      <section className="card">
        <BackBar to="/h5/tasks" navigate={navigate} title={t('hp.tasks')} />
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : (
          <p className="muted">{t('hp.loading')}</p>
        )}
      </section>
    );
  }
  const isMine = ticket.assigneeKind === 'account' && ticket.assigneeId === me.id;
  const mayAct = mayWork(me.role) && (isMine || ticketStaffRoles.includes(me.role));
  const actions = mayAct ? (doerActions[ticket.status] ?? []) : [];
  const place = [ticket.compoundName, ticket.buildingName, ticket.addressText].filter(Boolean).join(' ');
  const reporter = ticket.isAnonymous ? t('hp.anonymous') : [ticket.reporterName, ticket.reporterPhoneMasked].filter(Boolean).join(' ');
  return (
    <section className="card" data-testid="h5-task">
      <BackBar to="/h5/tasks" navigate={navigate} title={t('hp.tasks')} />
      <h2 className="task-title" data-testid="task-title">
        {ticket.title}
      </h2>
      <p className="task-status">
        <span className={`chip ${ticket.status}`} data-testid="task-status">
          {ticketStatusLabels[locale][ticket.status]}
        </span>
        {ticket.isOverdue && <span className="badge red">{t('hp.overdue')}</span>}
        {ticket.isRework && (
          <span className="badge red" data-testid="task-rework">
            {t('loop.rework')}
          </span>
        )}
        <span className="muted" data-testid="task-due">
          {t('hp.due', { time: time(ticket.dispatchDueAt ?? ticket.resolutionDueAt) })}
        </span>
      </p>
      {ticket.isRework && <p className="notice">{t('loop.reworkHint')}</p>}
      {ticket.dispatchNote && (
        <p className="notice" data-testid="task-instruction">
          {t('loop.h5.instruction')}：{ticket.dispatchNote}
        </p>
      )}
      <p className="description">{ticket.description}</p>
      <dl>
        <dt>{t('hp.category')}</dt>
        <dd>{ticket.categoryName}</dd>
        {place && (
          <>
            <dt>{t('hp.place')}</dt>
            <dd>{place}</dd>
          </>
        )}
        {reporter && (
          <>
            <dt>{t('hp.reporter')}</dt>
            <dd>
              {reporter}
              {mayAct && !ticket.isAnonymous && ticket.reporterPhoneMasked && (
                <button type="button" className="secondary call" onClick={() => void call()} data-testid="task-call">
                  {t('loop.call')}
                </button>
              )}
            </dd>
          </>
        )}
        <dt>{t('hp.code')}</dt>
        <dd className="mono">{ticket.code}</dd>
      </dl>
      {ticket.photos.length > 0 && (
        <div className="photos">
          {ticket.photos.map((p) => (
            <a
              key={p.id}
              href={ticketPhotoUrl(ticket.id, p.id)}
              target="_blank"
              rel="noreferrer"
              style={{ display: 'inline-flex', flexDirection: 'column', alignItems: 'center' }}
              data-testid={`task-photo-${p.stage ?? 'plain'}`}
            >
              <img src={ticketPhotoUrl(ticket.id, p.id)} alt={p.stage ? photoStageLabels[locale][p.stage] : ''} loading="lazy" />
              {p.stage && <small>{photoStageLabels[locale][p.stage]}</small>}
            </a>
          ))}
        </div>
      )}
      {mayAct && (ticket.status === 'assigned' || ticket.status === 'in_progress') && !open && (
        <div className="act-form" data-testid="task-before">
          <PhotoPicker label={t('loop.h5.beforePhotos')} inputRef={beforeRef} testId="task-before-photos" />
          <button type="button" className="secondary" disabled={busy} onClick={() => void uploadBefore()} data-testid="task-before-upload">
            {t('loop.h5.upload')}
          </button>
        </div>
      )}

      {notice && (
        <p className="notice" role="status" data-testid="task-notice">
          {notice}
        </p>
      )}
      {actions.length === 0 && !notice && <p className="muted">{!mayAct ? t('hp.notMine') : ticket.status === 'escalated' ? t('hp.waiting') : null}</p>}
      {actions.length > 0 && !open && (
        <div className="actions">
          {actions.map((a) =>
            a === 'start' ? (
              <button key={a} type="button" disabled={busy} onClick={() => void act('start')} data-testid="task-start">
                {t('hp.start')}
              </button>
            ) : (
              <button
                key={a}
                type="button"
                className={a === 'return' ? 'secondary' : ''}
                disabled={busy}
                onClick={() => {
                  setError('');
                  setOpen(a as 'resolve' | 'return');
                }}
                data-testid={`task-${a}`}
              >
                {t(`hp.${a as 'resolve' | 'return'}`)}
              </button>
            ),
          )}
        </div>
      )}
      {open && (
        <form
          className="act-form"
          onSubmit={(e) => {
            e.preventDefault();
            void act(open);
          }}
          noValidate
          data-testid="task-form"
        >
          <label>
            {noteLabel}
            <textarea ref={noteRef} name="note" rows={4} maxLength={2000} onInput={() => setError('')} data-testid="task-note" />
          </label>
          {open === 'resolve' && <PhotoPicker label={t('loop.h5.afterPhotos')} inputRef={photoRef} testId="task-photos" />}
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" disabled={busy} data-testid="task-confirm">
            {open === 'resolve' ? t('hp.confirmResolve') : t('hp.confirmReturn')}
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setOpen(null);
              setError('');
            }}
          >
            {t('hp.cancel')}
          </button>
        </form>
      )}
      {error && !open && (
        <p className="error" role="alert">
          {error}
        </p>
      )}

      {!open && roleCan(me.role, 'escalations.request') && openTicketStatuses.includes(ticket.status) && (
        <RequestEscalation ticketId={ticket.id} communityId={ticket.communityId} />
      )}

      <h3>{t('hp.timeline')}</h3>
      <ol className="timeline" data-testid="task-timeline">
        {ticket.events
          .filter((e) => e.isPublic)
          .map((e) => (
            <li key={e.id}>
              <span className="muted">{time(e.createdAt)}</span> {ticketActionLabel(locale, e.action, 'public')}
              {(e.actorName || e.actorLabel) && <span className="muted"> · {ticketActorText(locale, e)}</span>}
              {e.rating ? ` · ${ratingLabels[locale][e.rating]}` : ''}
              {e.photoStage ? ` · ${photoStageLabels[locale][e.photoStage]}` : ''}
              {ticketEventDetail(locale, e) ? ` · ${ticketEventDetail(locale, e)}` : ''}
              {e.note ? `：${ticketEventNote(locale, e.action, e.note)}` : ''}
            </li>
          ))}
      </ol>
    </section>
  );
}
