import { useState } from 'react';
import { ApiError } from '../../../../lib/api.js';
import { useT } from '../../../../lib/i18n.js';
import { formatTime } from '../../../../lib/time.js';
import { tapCheckin } from '../api.js';
import '../messages.js';

/** The token from the link's fragment (#t=…): browsers never send a fragment, so it stays out of every log. */
export function checkinTokenFromHash(hash: string): string | null {
  const t = new URLSearchParams(hash.replace(/^#/, '')).get('t');
  return t && t.length > 10 ? t : null;
}

type State = { kind: 'ready' } | { kind: 'busy' } | { kind: 'done'; name: string; at: string } | { kind: 'error'; text: string };

/**
 * The elderly person's one-tap check-in (报平安): one huge 平安 button, large text, no login, no antd, works in the
 * WeChat browser. A wrong or revoked link shows the one generic answer of the API.
 */
export function CheckinPage({ token }: { token: string | null }) {
  const { t } = useT();
  const [state, setState] = useState<State>({ kind: 'ready' });
  if (!token)
    return (
      <section className="checkin" data-testid="checkin-page">
        <p className="checkin-text" role="alert">
          {t('checkins.noLink')}
        </p>
      </section>
    );
  const tap = async () => {
    setState({ kind: 'busy' });
    try {
      const r = await tapCheckin(token);
      setState({ kind: 'done', name: r.name, at: r.checkedInAt });
    } catch (err) {
      setState({ kind: 'error', text: err instanceof ApiError ? err.message : t('checkins.retry') });
    }
  };
  return (
    <section className="checkin" data-testid="checkin-page">
      <style>{css}</style>
      {state.kind === 'done' ? (
        <div className="checkin-done" role="status" data-testid="checkin-done">
          <div className="checkin-mark" aria-hidden>
            ✓
          </div>
          <p className="checkin-text">{t('checkins.tapDone', { name: state.name })}</p>
          <p className="checkin-sub">{t('checkins.tapDoneAt', { time: formatTime(state.at) })}</p>
        </div>
      ) : (
        <>
          <p className="checkin-sub">{t('checkins.tapHint')}</p>
          <button className="checkin-button" data-testid="checkin-button" disabled={state.kind === 'busy'} onClick={() => void tap()}>
            {state.kind === 'busy' ? t('checkins.tapBusy') : t('checkins.tapButton')}
          </button>
          {state.kind === 'error' && (
            <p className="checkin-text error" role="alert">
              {state.text}
            </p>
          )}
        </>
      )}
    </section>
  );
}

// Kept beside the page: large type and a thumb-sized target for old eyes and hands, nothing else loaded.
const css = `
.checkin { display: flex; flex-direction: column; align-items: center; gap: 24px; padding: 24px 8px; text-align: center; }
.checkin-button { width: min(78vw, 320px); height: min(78vw, 320px); border-radius: 50%; border: none; background: #2e9d5b; color: #fff;
  font-size: 72px; font-weight: 700; letter-spacing: 8px; box-shadow: 0 8px 24px rgba(46,157,91,.35); cursor: pointer; }
.checkin-button:active { transform: scale(.97); }
.checkin-button:disabled { background: #8cc7a4; font-size: 36px; letter-spacing: 0; }
.checkin-text { font-size: 28px; line-height: 1.5; margin: 0; }
.checkin-sub { font-size: 22px; line-height: 1.5; color: #444; margin: 0; }
.checkin-mark { font-size: 120px; color: #2e9d5b; line-height: 1; }
`;
