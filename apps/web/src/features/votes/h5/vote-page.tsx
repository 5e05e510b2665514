import { useCallback, useEffect, useState } from 'react';
import { voteChoiceLabels, voteChoices, voteOutcomeLabels, voteStatusLabels, type VoteChoice } from '@linli/contracts/vote-labels';
import type { VoteNotice, VoterPage } from '@linli/contracts';
import { useT } from '../../../lib/i18n.js';
import { formatTime } from '../../../lib/time.js';
import { ApiError } from '../../../lib/api.js';
import { castPhoneVote, fetchVoteNotice, fetchVoterPage } from '../api.js';
import '../messages.js';

const message = (e: unknown) => (e instanceof ApiError ? e.message : String(e));

/**
 * The voter's phone page (no login): with the private key from the link's fragment (#k=), the question, the options
 * and one's own choice, changeable until the close; without a key, the published result (公示) of the vote.
 */
export function VotePhonePage({ id, voteKey }: { id: number; voteKey: string | null }) {
  const { t, locale } = useT();
  const [page, setPage] = useState<VoterPage | VoteNotice | null>(null);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const load = useCallback(() => (voteKey ? fetchVoterPage(voteKey) : fetchVoteNotice(id)).then(setPage, (e) => setError(message(e))), [id, voteKey]);
  useEffect(() => void load(), [load]);
  const cast = async (choice: VoteChoice) => {
    if (!voteKey) return;
    setBusy(true);
    setError('');
    try {
      const r = await castPhoneVote(voteKey, choice);
      setDone(r.isChange ? t('vh.changed') : t('vh.thanks'));
      await load();
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  };
  if (error && !page)
    return (
      <section className="card" data-testid="h5-vote">
        <p className="error" role="alert" data-testid="h5-vote-error">
          {error}
        </p>
      </section>
    );
  if (!page) return <p className="muted">{t('vh.loading')}</p>;
  const voter = 'voterLabel' in page ? page : null;
  return (
    <section className="card" data-testid="h5-vote">
      <p className="muted">{[page.communityName, page.compoundName].filter(Boolean).join(' · ')}</p>
      <h2 data-testid="h5-vote-title">{page.title}</h2>
      {page.body && <p style={{ whiteSpace: 'pre-wrap' }}>{page.body}</p>}
      <p data-testid="h5-vote-status">
        {voteStatusLabels[locale][page.status]} · {t('vh.closesAt', { time: formatTime(page.closesAt) })}
      </p>
      {voter && <p className="muted">{t('vh.youAre', { label: voter.voterLabel })}</p>}
      {done && (
        <div className="notice" data-testid="h5-vote-done">
          <p>{done}</p>
        </div>
      )}
      {voter?.myChoice && (
        <p data-testid="h5-vote-mine">
          <strong>{t('vh.yourChoice', { choice: voteChoiceLabels[locale][voter.myChoice] })}</strong>
          {voter.myChannel === 'phone' && voter.canVote && <span className="muted"> {t('vh.canChange')}</span>}
        </p>
      )}
      {voter?.myChannel === 'paper' && voter.myChoice && <p className="muted">{t('vh.paperCast', { choice: voteChoiceLabels[locale][voter.myChoice] })}</p>}
      {voter?.canVote && voter.myChannel !== 'paper' && (
        <div data-testid="h5-vote-options">
          <p>{t('vh.choose')}</p>
          {voteChoices.map((c) => (
            <button
              key={c}
              type="button"
              disabled={busy || voter.myChoice === c}
              className={voter.myChoice === c ? undefined : 'secondary'}
              onClick={() => void cast(c)}
              data-testid={`h5-vote-${c}`}
            >
              {voteChoiceLabels[locale][c]}
            </button>
          ))}
        </div>
      )}
      {voter && !voter.canVote && page.status === 'open' && <p className="muted">{t('vh.closed')}</p>}
      {error && (
        <p className="error" role="alert" data-testid="h5-vote-error">
          {error}
        </p>
      )}
      {page.tally ? <PhoneTally notice={page} /> : page.status !== 'open' && page.status !== 'draft' && <p className="muted">{t('vh.resultPending')}</p>}
    </section>
  );
}

/** The published result, in large print: outcome, yes / no / abstain, turnout in people (and area for owners). */
function PhoneTally({ notice }: { notice: VoteNotice }) {
  const { t, locale } = useT();
  const tally = notice.tally!;
  const weighted = notice.eligibility === 'owners';
  return (
    <div data-testid="h5-vote-result" style={{ marginTop: 16 }}>
      <h2>
        {t('vh.result')}：<span data-testid="h5-vote-outcome">{voteOutcomeLabels[locale][tally.outcome]}</span>
      </h2>
      <table style={{ width: '100%', fontSize: 20, borderCollapse: 'collapse' }}>
        <tbody>
          {voteChoices.map((c) => (
            <tr key={c} data-testid={`h5-result-${c}`} style={{ borderBottom: '1px solid #eee' }}>
              <td style={{ padding: '8px 0' }}>{t(`vh.${c}`)}</td>
              <td style={{ padding: '8px 0', textAlign: 'right' }}>
                <strong>{tally[c].count}</strong>
                {weighted && <span className="muted"> · {tally[c].area} ㎡</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="h5-result-turnout">{t('vh.turnout', { p: tally.participated.count, e: tally.eligible.count })}</p>
      {weighted && <p>{t('vh.turnoutArea', { p: tally.participated.area, e: tally.eligible.area })}</p>}
      {notice.publicityUntil && <p className="muted">{t('vh.publicityUntil', { time: formatTime(notice.publicityUntil) })}</p>}
    </div>
  );
}
