import { useEffect, useState } from 'react';
import { useT } from '../../../lib/i18n.js';
import { formatTime } from '../../../lib/time.js';
import { Go, type Navigate } from '../../../components/go.js';
import { fetchMyVolunteer, signWithCode, type MyVolunteerView, type SignResultView } from './api.js';
import './messages.js';

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * `/h5/volunteer/sign`: the volunteer types the organiser's 6-digit code to sign in, and again to sign out; the
 * sessions they are signed in to are listed with the time. Refusals (wrong or closed code) come translated.
 */
export function VolunteerSignPage({ navigate }: { navigate: Navigate }) {
  const { t } = useT();
  const [code, setCode] = useState('');
  const [mine, setMine] = useState<MyVolunteerView | null>(null);
  const [result, setResult] = useState<SignResultView | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [round, setRound] = useState(0);
  useEffect(() => void fetchMyVolunteer().then(setMine, (e: unknown) => setError(errorText(e))), [round]);
  const act = async (action: 'in' | 'out') => {
    setBusy(true);
    setError('');
    setResult(null);
    try {
      setResult(await signWithCode(code.trim(), action));
      setCode('');
      setRound((n) => n + 1);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const open = mine?.openSignins ?? [];
  const valid = /^\d{6}$/.test(code.trim());
  return (
    <section className="card" data-testid="h5-volunteer-sign">
      <div className="backbar">
        <Go className="back" to="/h5/volunteer" navigate={navigate} testId="h5-sign-back">
          ‹
        </Go>
        <h2>{t('vh.signTitle')}</h2>
      </div>
      <p className="muted">{t('vh.signIntro')}</p>
      {result && (
        <div className="notice" role="status" data-testid="h5-sign-result">
          <b>{result.action === 'signed_in' ? t('vh.signedIn') : t('vh.signedOut', { hours: result.hours ?? 0 })}</b>
          <p>{result.sessionTitle}</p>
          <p>{t('vh.signedAt', { time: formatTime(result.at) })}</p>
        </div>
      )}
      {open.length > 0 && (
        <div className="notice" data-testid="h5-sign-open">
          <b>{t('vh.openNow')}</b>
          {open.map((o) => (
            <p key={o.sessionId}>
              {o.title} · {t('vh.since', { time: formatTime(o.signedInAt) })}
            </p>
          ))}
          <p className="muted">{t('vh.codeAgain')}</p>
        </div>
      )}
      <label>
        {t('vh.code')}
        <input
          className="big-number"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          value={code}
          onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
          data-testid="h5-sign-code"
        />
      </label>
      <button type="button" disabled={busy || !valid} onClick={() => void act('in')} data-testid="h5-sign-in">
        {t('vh.signIn')}
      </button>
      <button type="button" className="secondary" disabled={busy || !valid} onClick={() => void act('out')} data-testid="h5-sign-out">
        {t('vh.signOut')}
      </button>
      {error && (
        <p className="error" role="alert" data-testid="h5-sign-error">
          {error}
        </p>
      )}
    </section>
  );
}
