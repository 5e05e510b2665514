import { useEffect, useState, type FormEvent } from 'react';
import { projectStatusLabels, type ProjectStatus } from '@linli/contracts/project-labels';
import { formatFieldIssue } from '@linli/contracts/i18n';
import { useT } from '../../../lib/i18n.js';
import { ApiError } from '../../../lib/api.js';
import { Go, type Navigate } from '../../../components/go.js';
import { fetchPublicProjects, rateProject, type PublicProject } from '../api.js';
import './messages.js';

type Data = Awaited<ReturnType<typeof fetchPublicProjects>>;
const statusColor: Record<ProjectStatus, string> = {
  proposed: '#999',
  approved: '#1677ff',
  claimed: '#13a8a8',
  in_progress: '#e67e22',
  completed: '#389e0d',
  evaluated: '#389e0d',
  rejected: '#999',
};
const isRateable = (s: ProjectStatus) => s === 'completed' || s === 'evaluated';

function useProjects(code: string | null) {
  const [data, setData] = useState<Data | null>(null);
  const [error, setError] = useState('');
  const reload = () => {
    if (code) fetchPublicProjects(code).then(setData, (e) => setError(e instanceof ApiError ? e.message : String(e)));
  };
  useEffect(reload, [code]);
  return { data, error, reload };
}

function Bar({ percent }: { percent: number }) {
  return (
    <div style={{ height: 10, borderRadius: 5, background: '#eee', overflow: 'hidden', margin: '8px 0 4px' }} role="progressbar" aria-valuenow={percent}>
      <div style={{ width: `${percent}%`, height: '100%', background: percent === 100 ? '#389e0d' : '#e67e22' }} />
    </div>
  );
}

function Status({ s }: { s: ProjectStatus }) {
  const { locale } = useT();
  return <span style={{ color: statusColor[s], fontSize: 15, fontWeight: 600 }}>{projectStatusLabels[locale][s]}</span>;
}

/** The residents' list of the community's projects (/h5/projects?c=): status, progress bar, who leads it. */
export function PublicProjectsPage({ communityCode, navigate }: { communityCode: string | null; navigate: Navigate }) {
  const { t } = useT();
  const { data, error } = useProjects(communityCode);
  if (!communityCode) return null;
  return (
    <section style={{ display: 'grid', gap: 14, marginTop: 14 }} data-testid="h5-projects">
      <div className="card">
        <h2>
          {data?.communityName ?? ''} {t('ph.title')}
        </h2>
        <p className="muted">{t('ph.intro')}</p>
      </div>
      {error && <p className="error">{error}</p>}
      {data && data.items.length === 0 && <p className="muted card">{t('ph.none')}</p>}
      {data?.items.map((p) => (
        <div key={p.id} className="card" data-testid={`h5-project-${p.id}`}>
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
            <Go to={`/h5/projects/${p.id}?c=${encodeURIComponent(communityCode)}`} navigate={navigate} testId={`h5-project-link-${p.id}`}>
              <b>{p.title}</b>
            </Go>
            <Status s={p.status} />
          </div>
          <Bar percent={p.percent} />
          <div className="muted">
            {[
              t('ph.percent', { n: String(p.percent) }),
              p.leadUnit ? t('ph.lead', { unit: p.leadUnit }) : '',
              p.plannedEnd && !isRateable(p.status) ? t('ph.plannedEnd', { date: p.plannedEnd }) : '',
            ]
              .filter(Boolean)
              .join(' · ')}
          </div>
          {p.rating.count > 0 && <div className="muted">{t('ph.rating', { avg: String(p.rating.average), n: String(p.rating.count) })}</div>}
        </div>
      ))}
    </section>
  );
}

/** One project on the phone: its content, milestones, rating, and the rating form once it is completed. */
export function PublicProjectPage({ id, communityCode, navigate }: { id: number; communityCode: string | null; navigate: Navigate }) {
  const { t } = useT();
  const { data, error, reload } = useProjects(communityCode);
  const p = data?.items.find((x) => x.id === id);
  if (!communityCode) return null;
  return (
    <section style={{ display: 'grid', gap: 14, marginTop: 14 }} data-testid="h5-project">
      {error && <p className="error">{error}</p>}
      {p && (
        <div className="card">
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
            <h2>{p.title}</h2>
            <Status s={p.status} />
          </div>
          <p>{p.content}</p>
          <Bar percent={p.percent} />
          <p className="muted">
            {[t('ph.percent', { n: String(p.percent) }), p.leadUnit ? t('ph.lead', { unit: p.leadUnit }) : ''].filter(Boolean).join(' · ')}
          </p>
          {p.milestones.length > 0 && (
            <>
              <h3 style={{ fontSize: 18, margin: '16px 0 4px' }}>{t('ph.milestones')}</h3>
              <ul className="timeline" style={{ listStyle: 'none', paddingLeft: 0 }} data-testid="h5-project-milestones">
                {p.milestones.map((m, i) => (
                  <li key={i}>
                    {m.done ? '✓' : '○'} {m.title}
                    <span className="muted">（{m.done ? t('ph.milestoneDone') : t('ph.milestoneTodo')}）</span>
                  </li>
                ))}
              </ul>
            </>
          )}
          <p className="muted" data-testid="h5-project-rating">
            {p.rating.count > 0 ? t('ph.rating', { avg: String(p.rating.average), n: String(p.rating.count) }) : t('ph.notRated')}
          </p>
        </div>
      )}
      {p && (isRateable(p.status) ? <RateForm project={p} communityCode={communityCode} onRated={reload} /> : <p className="muted card">{t('ph.notYet')}</p>)}
      <Go className="big-link" to={`/h5/projects?c=${encodeURIComponent(communityCode)}`} navigate={navigate} testId="h5-projects-back">
        {t('ph.back')}
      </Go>
    </section>
  );
}

function RateForm({ project, communityCode, onRated }: { project: PublicProject; communityCode: string; onRated(): void }) {
  const { t, locale } = useT();
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const [phone, setPhone] = useState('');
  const [error, setError] = useState('');
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!stars) return setError(t('ph.chooseStars'));
    setBusy(true);
    setError('');
    try {
      await rateProject(project.id, { communityCode, rating: stars, comment: comment || null, phone });
      setDone(true);
      onRated();
    } catch (err) {
      const labels: Record<string, string> = { phone: t('ph.phone'), comment: t('ph.comment'), rating: t('ph.rateTitle') };
      setError(
        err instanceof ApiError
          ? err.fields.length
            ? err.fields.map((f) => formatFieldIssue(locale, f, labels[f.field])).join('；')
            : err.message
          : String(err),
      );
    } finally {
      setBusy(false);
    }
  };
  if (done)
    return (
      <p className="notice card" data-testid="h5-project-thanks">
        {t('ph.thanks')}
      </p>
    );
  return (
    <form className="card rate" onSubmit={submit} data-testid="h5-project-rate">
      <h2>{t('ph.rateTitle')}</h2>
      <div style={{ display: 'flex', gap: 6 }}>
        {[1, 2, 3, 4, 5].map((n) => (
          <button
            key={n}
            type="button"
            className={n <= stars ? '' : 'secondary'}
            style={{ padding: '10px 0', fontSize: 18 }}
            aria-label={t('ph.stars', { n: String(n) })}
            onClick={() => setStars(n)}
            data-testid={`h5-star-${n}`}
          >
            ★
          </button>
        ))}
      </div>
      {stars > 0 && <p className="muted">{t('ph.stars', { n: String(stars) })}</p>}
      <label>
        {t('ph.comment')}
        <textarea value={comment} onChange={(e) => setComment(e.target.value)} maxLength={300} rows={2} data-testid="h5-project-comment" />
      </label>
      <label>
        {t('ph.phone')}
        <input value={phone} onChange={(e) => setPhone(e.target.value)} inputMode="tel" maxLength={11} data-testid="h5-project-phone" />
      </label>
      <p className="muted">{t('ph.rateHint')}</p>
      {error && (
        <p className="error" data-testid="h5-project-error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy} data-testid="h5-project-submit">
        {t('ph.submit')}
      </button>
    </form>
  );
}
