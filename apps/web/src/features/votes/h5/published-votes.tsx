import { useEffect, useState } from 'react';
import { voteOutcomeLabels } from '@linli/contracts/vote-labels';
import type { PublicVoteList } from '@linli/contracts';
import { useT } from '../../../lib/i18n.js';
import { formatDate } from '../../../lib/time.js';
import { ApiError } from '../../../lib/api.js';
import { Go, type Navigate } from '../../../components/go.js';
import { fetchPublishedVotes } from '../api.js';
import '../messages.js';

/** The results under publication (公示) of the community's votes, or of one compound's with the community-wide ones. */
export function PublishedVotesPage({ communityCode, compoundId, navigate }: { communityCode: string | null; compoundId?: number; navigate: Navigate }) {
  const { t, locale } = useT();
  const [data, setData] = useState<PublicVoteList | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    if (communityCode) fetchPublishedVotes(communityCode, compoundId).then(setData, (e) => setError(e instanceof ApiError ? e.message : String(e)));
  }, [communityCode, compoundId]);
  if (!communityCode) return null;
  return (
    <section data-testid="h5-votes">
      <div className="card">
        <h2>
          {data?.communityName ?? ''} {t('vh.published')}
        </h2>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {!data && !error && <p className="muted">{t('vh.loading')}</p>}
        {data?.items.length === 0 && <p className="muted">{t('vh.noneListed')}</p>}
      </div>
      {data?.items.map((v) => (
        <div key={v.id} className="card" style={{ marginTop: 12 }} data-testid={`h5-published-${v.id}`}>
          <p className="muted">{v.compoundName ?? data.communityName}</p>
          <h3 style={{ margin: '4px 0 8px' }}>{v.title}</h3>
          {v.tally && (
            <p style={{ fontSize: 20 }}>
              <strong>{voteOutcomeLabels[locale][v.tally.outcome]}</strong>
              {' · '}
              {t('vh.short', { yes: v.tally.yes.count, no: v.tally.no.count, abstain: v.tally.abstain.count })}
            </p>
          )}
          {v.tally && <p>{t('vh.turnout', { p: v.tally.participated.count, e: v.tally.eligible.count })}</p>}
          <p className="muted">{t('vh.publicityUntil', { time: formatDate(v.publicityUntil) })}</p>
          <Go className="link" to={`/h5/vote/${v.id}`} navigate={navigate} testId={`h5-published-open-${v.id}`}>
            {t('vh.details')}
          </Go>
        </div>
      ))}
    </section>
  );
}
