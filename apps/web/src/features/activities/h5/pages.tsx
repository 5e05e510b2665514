import { useEffect, useState } from 'react';
import { activityLabels } from '@linli/contracts/activity-labels';
import { formatFieldIssue } from '@linli/contracts/i18n';
import { ApiError } from '../../../lib/api.js';
import { getLocale, useT } from '../../../lib/i18n.js';
import { formatTime } from '../../../lib/time.js';
import { Go, type Navigate } from '../../../components/go.js';
import {
  cancelMine,
  checkInMine,
  fetchActivity,
  fetchCalendar,
  fetchMine,
  publicPhotoUrl,
  signUp,
  type MySignupView,
  type PublicActivityView,
  type PublicCalendar,
} from './api.js';
import './messages.js';

function errorText(err: unknown, labels: Record<string, string> = {}): string {
  if (!(err instanceof ApiError)) return String(err);
  if (err.fields.length) return err.fields.map((f) => formatFieldIssue(getLocale(), f, labels[f.field])).join(getLocale() === 'en' ? '; ' : '；');
  return err.message;
}

/** The sign-up key rides in the fragment (#k=…), never sent to the server in a URL. */
export const signupKeyFromHash = (hash: string): string | null => new URLSearchParams(hash.replace(/^#/, '')).get('k');

function ActivityFacts({ a }: { a: PublicActivityView }) {
  const { t, locale } = useT();
  const L = activityLabels[locale];
  return (
    <>
      <div className="muted">
        {[L.kind[a.kind], `${formatTime(a.startsAt)} – ${formatTime(a.endsAt).slice(-5)}`, a.place, a.organiserName].filter(Boolean).join(' · ')}
      </div>
      <div>
        {a.capacity !== null && t('ah.seats', { used: a.confirmedCount, cap: a.capacity })}
        {a.waitlistCount > 0 && ` · ${t('ah.waiting', { n: a.waitlistCount })}`}
        {a.status !== 'published' && ` · ${L.status[a.status]}`}
      </div>
    </>
  );
}

/** The community's upcoming public activities (`/h5/activities?c=`). */
export function ActivitiesListPage({ communityCode, navigate }: { communityCode: string | null; navigate: Navigate }) {
  const { t } = useT();
  const [data, setData] = useState<PublicCalendar | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    if (communityCode) fetchCalendar(communityCode).then(setData, (e: unknown) => setError(errorText(e)));
  }, [communityCode]);
  if (!communityCode) return <section className="card">{t('ah.noCommunity')}</section>;
  return (
    <section className="card" data-testid="h5-activities">
      <h2>{t('ah.title')}</h2>
      {data && <p className="muted">{data.communityName}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!data && !error && <p className="muted">{t('ah.loading')}</p>}
      {data?.items.length === 0 && <p className="muted">{t('ah.none')}</p>}
      <ul className="tasks">
        {data?.items.map((a) => (
          <li key={a.id} data-testid={`h5-activity-item-${a.id}`}>
            <strong>{a.title}</strong>
            <ActivityFacts a={a} />
            <Go to={`/h5/activities/${a.id}?c=${encodeURIComponent(communityCode)}`} navigate={navigate} testId={`h5-activity-open-${a.id}`}>
              {t('ah.open')}
            </Go>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One activity with the sign-up form (name + phone); after signing up, the private link is shown once. */
export function ActivityPage({ id, communityCode, navigate }: { id: number; communityCode: string | null; navigate: Navigate }) {
  const { t } = useT();
  const [a, setA] = useState<PublicActivityView | null>(null);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [link, setLink] = useState<string | null>(null);
  useEffect(() => {
    if (communityCode) fetchActivity(communityCode, id).then(setA, (e: unknown) => setError(errorText(e)));
  }, [communityCode, id]);
  if (!communityCode) return <section className="card">{t('ah.noCommunity')}</section>;
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const done = await signUp(communityCode, id, name.trim(), phone.trim());
      setLink(`${location.origin}${done.link}`);
      setError('');
    } catch (err) {
      setError(errorText(err, { name: t('ah.name'), phone: t('ah.phone') }));
    } finally {
      setBusy(false);
    }
  };
  const full = a !== null && a.capacity !== null && a.confirmedCount >= a.capacity;
  return (
    <section className="card" data-testid="h5-activity">
      {a && (
        <>
          <h2>{a.title}</h2>
          <ActivityFacts a={a} />
          {a.description && <p>{a.description}</p>}
          {(a.report || a.photos.length > 0) && (
            <div data-testid="h5-activity-report">
              <h3>{t('ah.report')}</h3>
              {a.report && <p>{a.report}</p>}
              {a.photos.length > 0 && (
                <div className="photos">
                  {a.photos.map((name) => (
                    <img key={name} src={publicPhotoUrl(communityCode, a.id, name)} alt="" loading="lazy" />
                  ))}
                </div>
              )}
            </div>
          )}
        </>
      )}
      {link ? (
        <div className="notice" data-testid="h5-activity-signed-up">
          <b>{t('ah.signedUp')}</b>
          <p className="muted">{t('ah.keepLink')}</p>
          <p>
            {t('ah.link')}：
            <a href={link} className="link" data-testid="h5-activity-link">
              {link}
            </a>
          </p>
        </div>
      ) : (
        a?.status === 'published' && (
          <form onSubmit={(e) => void submit(e)} data-testid="h5-activity-form">
            {full && <p className="muted">{t('ah.full')}</p>}
            <label>
              {t('ah.name')}
              <input value={name} onChange={(e) => setName(e.target.value)} maxLength={40} required data-testid="h5-activity-name" />
            </label>
            <label>
              {t('ah.phone')}
              <input value={phone} onChange={(e) => setPhone(e.target.value)} inputMode="tel" maxLength={20} required data-testid="h5-activity-phone" />
            </label>
            <button type="submit" disabled={busy} data-testid="h5-activity-submit">
              {t('ah.signUp')}
            </button>
          </form>
        )
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <Go to={`/h5/activities?c=${encodeURIComponent(communityCode)}`} navigate={navigate} testId="h5-activity-back">
        {t('ah.back')}
      </Go>
    </section>
  );
}

/** The sign-up's own page by its private link: status (signed up / waiting place N), cancel, check in with the door code. */
export function MySignupPage({ hash }: { hash: string }) {
  const signupKey = signupKeyFromHash(hash);
  const { t, locale } = useT();
  const L = activityLabels[locale];
  const [view, setView] = useState<MySignupView | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState('');
  useEffect(() => {
    if (signupKey) fetchMine(signupKey).then(setView, (e: unknown) => setError(errorText(e)));
  }, [signupKey]);
  if (!signupKey) return <section className="card">{t('ah.noKey')}</section>;
  const act = async (run: () => Promise<unknown>) => {
    try {
      await run();
      setView(await fetchMine(signupKey));
      setError('');
    } catch (err) {
      setError(errorText(err, { code: t('ah.code') }));
    }
  };
  const s = view?.signup;
  const status = !s ? '' : s.status === 'waitlisted' ? t('ah.placeN', { n: s.position ?? 0 }) : s.checkedInAt ? t('ah.checkedIn') : L.signupStatus[s.status];
  return (
    <section className="card" data-testid="h5-activity-mine">
      <h2>{t('ah.mine')}</h2>
      {view && s && (
        <>
          <p>
            <strong>{view.activity.title}</strong>
          </p>
          <ActivityFacts a={view.activity} />
          <p>
            {s.name} · {s.phoneMasked} · <b data-testid="h5-activity-mine-status">{status}</b>
          </p>
          {s.status === 'confirmed' && !s.checkedInAt && view.activity.status === 'published' && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void act(() => checkInMine(signupKey, code.trim()));
              }}
            >
              <label>
                {t('ah.code')}
                <input value={code} onChange={(e) => setCode(e.target.value)} inputMode="numeric" maxLength={12} data-testid="h5-activity-code" />
              </label>
              <button type="submit" data-testid="h5-activity-checkin">
                {t('ah.checkIn')}
              </button>
            </form>
          )}
          {s.status !== 'cancelled' && !s.checkedInAt && view.activity.status === 'published' && (
            <button type="button" className="secondary" onClick={() => void act(() => cancelMine(signupKey))} data-testid="h5-activity-cancel">
              {t('ah.cancel')}
            </button>
          )}
        </>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
