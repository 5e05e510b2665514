import { useState, type FormEvent, type ReactNode } from 'react';
import type { PublicBookingRequestInput } from '@linli/contracts';
import { formatFieldIssue } from '@linli/contracts/i18n';
import { beijingDate } from '@linli/contracts/time';
import { bookingStatusLabels, type BookingStatus } from '@linli/contracts/venue-labels';
import { useT } from '../../../lib/i18n.js';
import { ApiError } from '../../../lib/api.js';
import { addDays, beijingInstant } from '../week.js';
import { askForVenue, type BoardVenue } from './api.js';
import './messages.js';

/** The request's fields as the server names them, and the date the form splits the times into. */
type Field = 'venueId' | 'contactName' | 'contactPhone' | 'purpose' | 'date' | 'startsAt' | 'endsAt' | 'attendees';
interface Done {
  venue: string;
  when: string;
  status: BookingStatus;
}

/** A resident's or team leader's request for a room; staff approve it in the console (/venues), so it ends as 待审核. */
export function AskForm({
  communityCode,
  venues,
  venueId,
  onVenue,
  onAsked,
}: {
  communityCode: string;
  venues: BoardVenue[];
  venueId: number | null;
  onVenue(id: number): void;
  /** The request now holds its time: the board shows it as taken. */
  onAsked(): void;
}) {
  const { t, locale } = useT();
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Done | null>(null);
  const labels: Record<Field, string> = {
    venueId: t('vh5.room'),
    contactName: t('vh5.name'),
    contactPhone: t('vh5.phone'),
    purpose: t('vh5.purpose'),
    date: t('vh5.date'),
    startsAt: t('vh5.start'),
    endsAt: t('vh5.end'),
    attendees: t('vh5.people'),
  };
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const text = (k: string) => String(form.get(k) ?? '').trim();
    const [date, start, end, people] = [text('date'), text('start'), text('end'), text('attendees')];
    // Only what the server cannot name (the date and times are one instant there); every other rule is the server's.
    const local: Partial<Record<Field, string>> = {};
    for (const [f, v] of [
      ['date', date],
      ['startsAt', start],
      ['endsAt', end],
    ] as const)
      if (!v) local[f] = formatFieldIssue(locale, { field: f, rule: 'required' }, labels[f]);
    setProblems(local);
    if (Object.keys(local).length) return setError(t('vh5.fixFields'));
    const body: PublicBookingRequestInput = {
      communityCode,
      venueId: Number(text('venueId')),
      startsAt: beijingInstant(date, start),
      endsAt: beijingInstant(date, end),
      purpose: text('purpose'),
      contactName: text('contactName'),
      contactPhone: text('contactPhone'),
      attendees: people ? Number(people) : null,
    };
    setBusy(true);
    setError('');
    try {
      const r = await askForVenue(body);
      setDone({ venue: venues.find((v) => v.id === body.venueId)?.name ?? '', when: `${date} ${start}–${end}`, status: r.status });
      onAsked();
    } catch (err) {
      if (err instanceof ApiError && err.fields.length) {
        const next: Partial<Record<Field, string>> = {};
        const other: string[] = [];
        for (const f of err.fields) {
          const field = f.field.split('.')[0] as Field;
          if (field in labels) next[field] = formatFieldIssue(locale, f, labels[field]);
          else other.push(formatFieldIssue(locale, f));
        }
        setProblems(next);
        setError(other.length ? other.join('；') : t('vh5.fixFields'));
      } else setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  if (done)
    return (
      <div className="card" data-testid="h5-venue-done">
        <h2>{t('vh5.doneTitle')}</h2>
        <div className="notice">
          <p>{t('vh5.doneText', { venue: done.venue, when: done.when })}</p>
          <p>
            <b>{t('vh5.doneStatus', { status: bookingStatusLabels[locale][done.status] })}</b>
          </p>
          <p>{t('vh5.doneNext')}</p>
        </div>
        <button type="button" className="secondary" onClick={() => setDone(null)} data-testid="h5-venue-again">
          {t('vh5.again')}
        </button>
      </div>
    );

  const tomorrow = addDays(beijingDate(new Date()), 1);
  const field = (f: Field, input: ReactNode) => (
    <label>
      {labels[f]}
      {input}
      {problems[f] && (
        <span className="error field-error" role="alert" data-testid={`h5-venue-error-${f}`}>
          {problems[f]}
        </span>
      )}
    </label>
  );
  const bad = (f: Field) => (problems[f] ? true : undefined);
  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate data-testid="h5-venue-ask">
      <h2>{t('vh5.askTitle')}</h2>
      {field(
        'venueId',
        <select
          name="venueId"
          value={venueId ?? ''}
          onChange={(e) => onVenue(Number(e.target.value))}
          aria-invalid={bad('venueId')}
          data-testid="h5-venue-room"
        >
          {venues.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>,
      )}
      {field('contactName', <input name="contactName" maxLength={40} autoComplete="name" aria-invalid={bad('contactName')} data-testid="h5-venue-name" />)}
      {field(
        'contactPhone',
        <input name="contactPhone" inputMode="tel" maxLength={11} autoComplete="tel" aria-invalid={bad('contactPhone')} data-testid="h5-venue-phone" />,
      )}
      <p className="muted" style={{ marginTop: -6 }}>
        {t('vh5.phoneHint')}
      </p>
      {field(
        'purpose',
        <input name="purpose" maxLength={200} placeholder={t('vh5.purposePlaceholder')} aria-invalid={bad('purpose')} data-testid="h5-venue-purpose" />,
      )}
      {field('date', <input name="date" type="date" min={tomorrow} defaultValue={tomorrow} aria-invalid={bad('date')} data-testid="h5-venue-date" />)}
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: 12 }}>
        {field('startsAt', <input name="start" type="time" step={900} aria-invalid={bad('startsAt')} data-testid="h5-venue-start" />)}
        {field('endsAt', <input name="end" type="time" step={900} aria-invalid={bad('endsAt')} data-testid="h5-venue-end" />)}
      </div>
      {field(
        'attendees',
        <input name="attendees" type="number" inputMode="numeric" min={1} max={10000} aria-invalid={bad('attendees')} data-testid="h5-venue-people" />,
      )}
      {error && (
        <p className="error" data-testid="h5-venue-error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy} data-testid="h5-venue-submit">
        {busy ? t('vh5.sending') : t('vh5.submit')}
      </button>
    </form>
  );
}
