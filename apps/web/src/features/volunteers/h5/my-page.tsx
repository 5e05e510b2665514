import { useEffect, useState } from 'react';
import { serviceSourceLabels, starLabels, volunteerStatusLabels } from '@linli/contracts/volunteer-labels';
import { useT } from '../../../lib/i18n.js';
import { formatDate } from '../../../lib/time.js';
import { Go, type Navigate } from '../../../components/go.js';
import { fetchMyVolunteer, myCertificateUrl, type MyVolunteerView } from './api.js';
import './messages.js';

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
/** This year in Beijing time, up to today: the period of the certificate offered on the phone. */
function thisYear(): { from: string; to: string } {
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/** `/h5/volunteer` (我的志愿服务): number, status, star and hours to the next one, recent hours, certificate, links. */
export function MyVolunteerPage({ navigate, community }: { navigate: Navigate; community: string | null }) {
  const { t, locale } = useT();
  const [data, setData] = useState<MyVolunteerView | null>(null);
  const [error, setError] = useState('');
  useEffect(() => void fetchMyVolunteer().then(setData, (e: unknown) => setError(errorText(e))), []);
  if (error)
    return (
      <section className="card">
        <p className="error" role="alert">
          {error}
        </p>
      </section>
    );
  if (!data) return null;
  const v = data.volunteer;
  if (!v)
    return (
      <section className="card" data-testid="h5-volunteer-none">
        <h2>{t('vh.myTitle')}</h2>
        <p>{t('vh.notVolunteer')}</p>
        {community && (
          <Go className="big-link" to={`/h5/volunteer/join?c=${encodeURIComponent(community)}`} navigate={navigate} testId="h5-volunteer-join-link">
            {t('vh.joinNow')}
          </Go>
        )}
      </section>
    );
  const approved = v.status === 'approved';
  const stars = starLabels[locale];
  const { from, to } = thisYear();
  return (
    <>
      <section className="card" data-testid="h5-volunteer-me">
        <h2>{t('vh.myTitle')}</h2>
        <dl>
          <dt>{t('vh.number')}</dt>
          <dd data-testid="h5-volunteer-number">{v.number}</dd>
          <dt>{t('vh.status')}</dt>
          <dd data-testid="h5-volunteer-status">{volunteerStatusLabels[locale][v.status]}</dd>
          <dt>{t('vh.star')}</dt>
          <dd data-testid="h5-volunteer-star">{stars[v.star]}</dd>
          <dt>{t('vh.hours')}</dt>
          <dd data-testid="h5-volunteer-hours">{t('vh.hoursUnit', { hours: v.hours })}</dd>
        </dl>
        <p className="muted" data-testid="h5-volunteer-next-star">
          {data.hoursToNextStar == null ? t('vh.topStar') : t('vh.toNextStar', { hours: data.hoursToNextStar, star: stars[Math.min(v.star + 1, 5)]! })}
        </p>
        {!approved && <p className="notice">{v.status === 'applied' ? t('vh.pending') : (v.statusReason ?? volunteerStatusLabels[locale][v.status])}</p>}
      </section>
      {approved && (
        <nav className="entries">
          <Go className="entry" to="/h5/volunteer/sign" navigate={navigate} testId="h5-volunteer-sign-link">
            <span className="entry-title">{t('vh.goSign')}</span>
            <span className="entry-hint">{t('vh.goSignHint')}</span>
          </Go>
          <a className="entry" href={myCertificateUrl(from, to)} target="_blank" rel="noreferrer" data-testid="h5-volunteer-certificate">
            <span className="entry-title">{t('vh.certificate')}</span>
            <span className="entry-hint">{t('vh.certificateHint')}</span>
          </a>
          <Go className="entry" to="/h5/points" navigate={navigate} testId="h5-volunteer-points-link">
            <span className="entry-title">{t('vh.points')}</span>
            <span className="entry-hint">{t('vh.pointsHint')}</span>
          </Go>
          <Go className="entry" to="/h5/perks" navigate={navigate} testId="h5-volunteer-perks-link">
            <span className="entry-title">{t('vh.perks')}</span>
            <span className="entry-hint">{t('vh.perksHint')}</span>
          </Go>
        </nav>
      )}
      <section className="card">
        <h2>{t('vh.recent')}</h2>
        <ul className="tasks" data-testid="h5-volunteer-entries">
          {data.entries.slice(0, 8).map((e) => (
            <li key={e.id} className="task" data-testid="h5-volunteer-entry">
              <div className="task-head">
                <b>{e.sourceTitle}</b>
                <span className="chip">{t('vh.hoursUnit', { hours: e.hours })}</span>
              </div>
              <span className="task-due">
                {formatDate(e.startedAt)} · {e.correctsEntryId ? t('vh.correction') : serviceSourceLabels[locale][e.sourceKind]}
              </span>
            </li>
          ))}
        </ul>
        {data.entries.length === 0 && <p className="muted">{t('vh.noEntries')}</p>}
      </section>
    </>
  );
}
