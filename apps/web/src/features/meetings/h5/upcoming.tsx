import { useEffect, useState } from 'react';
import { meetingKindLabels } from '@linli/contracts/meeting-labels';
import { fetchUpcomingMeetings, type UpcomingMeetings } from '../api.js';
import { useT } from '../../../lib/i18n.js';
import { formatTime } from '../../../lib/time.js';
import { ApiError } from '../../../lib/api.js';
import '../messages.js';

/** The resident's phone list of upcoming meetings of the community (or one compound): kind, time, place, topics; no names. */
export function UpcomingMeetingsPage({ communityCode, compoundId }: { communityCode: string | null; compoundId?: number }) {
  const { t, locale } = useT();
  const [data, setData] = useState<UpcomingMeetings | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    if (communityCode) fetchUpcomingMeetings(communityCode, compoundId).then(setData, (e) => setError(e instanceof ApiError ? e.message : String(e)));
  }, [communityCode, compoundId]);
  if (!communityCode) return null;
  return (
    <section data-testid="h5-meetings">
      <div className="card">
        <h2>
          {data?.communityName ?? ''} {t('meeting.upcoming')}
        </h2>
        <p className="muted">{t('meeting.welcome')}</p>
      </div>
      {error && <p className="error">{error}</p>}
      {data && data.items.length === 0 && <p className="muted">{t('meeting.none')}</p>}
      {data?.items.map((m) => (
        <div key={m.id} className="card" data-testid={`h5-meeting-${m.id}`}>
          <h3>{m.title}</h3>
          <p>
            {meetingKindLabels[locale][m.kind]} · {formatTime(m.startsAt)}
          </p>
          {(m.place || m.compoundName) && <p className="muted">{[m.compoundName, m.place].filter(Boolean).join(' · ')}</p>}
          {m.topics.length > 0 && (
            <ul>
              {m.topics.map((tp, i) => (
                <li key={i}>{tp}</li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}
