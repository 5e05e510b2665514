import { useRef, useState } from 'react';
import type { Organisation } from '@linli/contracts';
import { useT } from '../../../lib/i18n.js';
import { errorText } from '../../tickets/h5/shared.js';
import { fetchServingOrganisations, requestEscalation } from '../api.js';
import './messages.js';

/**
 * 申请上报 on a grid worker's task: an organisation serving the ticket's community, a reason and an optional deadline.
 * It becomes a request (status requested) that the secretary approves on the console (ADR 0028).
 */
export function RequestEscalation({ ticketId, communityId }: { ticketId: number; communityId: number }) {
  const { t } = useT();
  const [orgs, setOrgs] = useState<Organisation[] | null>(null);
  const [error, setError] = useState('');
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const orgRef = useRef<HTMLSelectElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const dueRef = useRef<HTMLInputElement>(null);
  const openForm = () => {
    setError('');
    fetchServingOrganisations(communityId).then(
      (r) => setOrgs(r.items),
      (e) => setError(errorText(t, e)),
    );
  };
  const submit = async () => {
    setError('');
    const organisationId = Number(orgRef.current?.value ?? 0);
    const reason = reasonRef.current?.value.trim() ?? '';
    const due = dueRef.current?.value ?? '';
    if (!organisationId) return setError(t('hp.rule.required', { field: t('eh.organisation') }));
    if (!reason) return setError(t('hp.rule.required', { field: t('eh.requestReason') }));
    setBusy(true);
    try {
      await requestEscalation({ ticketId, organisationId, reason, ...(due ? { dueAt: new Date(due).toISOString() } : {}) });
      setDone(true);
      setOrgs(null);
    } catch (err) {
      setError(errorText(t, err, { organisationId: t('eh.organisation'), reason: t('eh.requestReason'), dueAt: t('eh.deadline') }));
    } finally {
      setBusy(false);
    }
  };
  if (done)
    return (
      <p className="notice" role="status" data-testid="esc-requested">
        {t('eh.requested')}
      </p>
    );
  if (!orgs)
    return (
      <div className="actions">
        <button type="button" className="secondary" onClick={openForm} data-testid="esc-request-open">
          {t('eh.request')}
        </button>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </div>
    );
  return (
    <form
      className="act-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      data-testid="esc-request-form"
    >
      <p className="muted">{t('eh.requestHint')}</p>
      <label>
        {t('eh.organisation')}
        <select ref={orgRef} defaultValue="" onChange={() => setError('')} data-testid="esc-request-org">
          <option value="" disabled>
            {t('eh.pick')}
          </option>
          {orgs.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('eh.requestReason')}
        <textarea ref={reasonRef} rows={3} maxLength={2000} onInput={() => setError('')} data-testid="esc-request-reason" />
      </label>
      <label>
        {t('eh.deadline')}
        <input ref={dueRef} type="datetime-local" data-testid="esc-request-due" />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy} data-testid="esc-request-send">
        {t('eh.send')}
      </button>
      <button type="button" className="secondary" onClick={() => (setOrgs(null), setError(''))}>
        {t('hp.cancel')}
      </button>
    </form>
  );
}
