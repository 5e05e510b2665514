import { useEffect, useState } from 'react';
import type { CareBoard, CareBoardItem, CareWellbeing, Me } from '@linli/contracts';
import { careTierLabels, careWellbeing, careWellbeingLabels } from '@linli/contracts/care-labels';
import { roleCan } from '@linli/contracts/permissions';
import { useT } from '../../../lib/i18n.js';
import { ApiError } from '../../../lib/api.js';
import { formatTime } from '../../../lib/time.js';
import { fetchCareBoard, recordVisit } from '../api.js';
import { Go, type Navigate } from '../../../components/go.js';
import '../messages.js';
import '../checkins/messages.js';

/** The home entry to the phone list, for whoever records visits. */
export function CareEntry({ me, navigate }: { me: Me; navigate: Navigate }) {
  const { t } = useT();
  if (!roleCan(me.role, 'care.visit')) return null;
  return (
    <nav className="entries">
      <Go className="entry" to="/h5/care" navigate={navigate} testId="h5-care-link">
        <span className="entry-title">{t('care.phoneList')}</span>
        <span className="entry-hint">{t('care.phoneHint')}</span>
      </Go>
      {roleCan(me.role, 'checkins.read') && (
        <Go className="entry" to="/h5/checkins" navigate={navigate} testId="h5-checkins-link">
          <span className="entry-title">{t('checkins.chaseTitle')}</span>
          <span className="entry-hint">{t('checkins.phoneEntryHint')}</span>
        </Go>
      )}
    </nav>
  );
}

/**
 * The grid worker's phone list (a paired helper sees only their own people): visits overdue and due this week; a tap
 * opens the visit form, which records what was found at the door.
 */
export function CareListPage({ me, navigate }: { me: Me; navigate: Navigate }) {
  const { t, locale } = useT();
  const [board, setBoard] = useState<CareBoard | null>(null);
  const [error, setError] = useState('');
  const [visiting, setVisiting] = useState<CareBoardItem | null>(null);
  const [round, setRound] = useState(0);
  const mine = !roleCan(me.role, 'care.read');
  useEffect(() => {
    fetchCareBoard(null, mine).then(setBoard, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [mine, round]);
  if (visiting) return <VisitSheet item={visiting} onDone={() => (setVisiting(null), setRound((n) => n + 1))} />;
  const row = (x: CareBoardItem, overdue: boolean) => (
    <li key={x.recipientId}>
      <button className="card" style={{ width: '100%', textAlign: 'left' }} onClick={() => setVisiting(x)} data-testid="h5-care-item">
        <b>{x.residentName}</b> · {careTierLabels[locale][x.tier]}
        {x.majorChange && <b className="overdue-text"> · {t('care.majorChange')}</b>}
        <br />
        <small>{x.address}</small>
        <br />
        <small className={overdue ? 'overdue-text' : undefined}>
          {t('care.nextDue')}：{x.nextVisitDueAt ? formatTime(x.nextVisitDueAt) : ''}
        </small>
      </button>
    </li>
  );
  return (
    <section data-testid="h5-care-list">
      <button className="link" onClick={() => navigate('/h5')}>
        ← {t('care.back')}
      </button>
      <h2>{t('care.phoneList')}</h2>
      {error && <p className="error">{error}</p>}
      <h3>
        {t('care.overdue')}（{board?.overdue.length ?? 0}）
      </h3>
      <ul className="plain">{board?.overdue.map((x) => row(x, true))}</ul>
      <h3>
        {t('care.dueThisWeek')}（{board?.dueThisWeek.length ?? 0}）
      </h3>
      <ul className="plain">{board?.dueThisWeek.map((x) => row(x, false))}</ul>
    </section>
  );
}

function VisitSheet({ item, onDone }: { item: CareBoardItem; onDone: () => void }) {
  const { t, locale } = useT();
  const [wellbeing, setWellbeing] = useState<CareWellbeing>('well');
  const [text, setText] = useState({ healthFinding: '', homeSafety: '', needs: '', followUp: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const field = (k: keyof typeof text) => (
    <label className="field">
      {t(`care.${k}`)}
      <textarea rows={2} maxLength={1000} value={text[k]} onChange={(e) => setText({ ...text, [k]: e.target.value })} />
    </label>
  );
  const submit = async () => {
    setBusy(true);
    setError('');
    try {
      const opt = (v: string) => v.trim() || null;
      await recordVisit({
        recipientId: item.recipientId,
        wellbeing,
        healthFinding: opt(text.healthFinding),
        homeSafety: opt(text.homeSafety),
        needs: opt(text.needs),
        followUp: opt(text.followUp),
      });
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? [e.message, ...e.fields.map((f) => f.message ?? '')].filter(Boolean).join('；') : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" data-testid="h5-care-visit">
      <button className="link" onClick={onDone}>
        ← {t('care.back')}
      </button>
      <h2>
        {t('care.recordVisit')} · {item.residentName}
      </h2>
      <label className="field">
        {t('care.wellbeing')}
        <select value={wellbeing} onChange={(e) => setWellbeing(e.target.value as CareWellbeing)}>
          {careWellbeing.map((w) => (
            <option key={w} value={w}>
              {careWellbeingLabels[locale][w]}
            </option>
          ))}
        </select>
      </label>
      {field('healthFinding')}
      {field('homeSafety')}
      {field('needs')}
      {field('followUp')}
      {error && <p className="error">{error}</p>}
      <button className="primary" disabled={busy} onClick={() => void submit()} data-testid="h5-care-save">
        {t('care.save')}
      </button>
    </section>
  );
}
