import { useEffect, useState } from 'react';
import type { TodayCheckins } from '@linli/contracts';
import { ladderStepLabels } from '@linli/contracts/care-checkin-labels';
import { ApiError } from '../../../../lib/api.js';
import { useT } from '../../../../lib/i18n.js';
import { formatTime } from '../../../../lib/time.js';
import { checkInFor, fetchCheckinsToday } from '../api.js';
import '../messages.js';

/**
 * The grid worker's (or helper's) phone list of check-ins to chase: the people paired with them who have not checked in
 * today, missed first, with where each is on the ladder and a button to confirm after a call or a visit.
 */
export function CheckinChaseList({ role }: { role: string }) {
  const { t, locale } = useT();
  const [data, setData] = useState<TodayCheckins | null>(null);
  const [error, setError] = useState('');
  // A grid worker chases everyone in the community's list; a volunteer or party member only the people paired with them.
  const mine = role === 'volunteer' || role === 'party_member';
  const load = () => fetchCheckinsToday({ mine }).then(setData, (e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  useEffect(() => void load(), []);
  const confirm = async (id: number) => {
    try {
      await checkInFor(id, role === 'volunteer' || role === 'party_member' ? 'helper' : 'staff');
      await load();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  const open = data?.items.filter((i) => i.status === 'missed' || i.status === 'pending') ?? [];
  return (
    <section className="card" data-testid="checkin-chase">
      <h2>{t('checkins.chaseTitle')}</h2>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {data && open.length === 0 && <p>{t('checkins.allWell')}</p>}
      <ul className="list">
        {open.map((i) => {
          const last = i.ladder[i.ladder.length - 1];
          return (
            <li key={i.recipientId} data-testid={`chase-${i.recipientId}`}>
              <strong>{i.name}</strong> {i.compound ?? ''} · {t(`checkins.${i.status}`)}
              <br />
              <small>{last ? t('checkins.ladderAt', { step: ladderStepLabels[locale][last.kind] }) : t('checkins.dueAt', { time: formatTime(i.dueAt) })}</small>
              <br />
              <button onClick={() => void confirm(i.recipientId)}>{t('checkins.confirm')}</button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
