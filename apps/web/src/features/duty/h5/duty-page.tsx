import { useEffect, useState } from 'react';
import type { Me } from '@linli/contracts';
import { dutyWeekdayLabels, swapStatusLabels } from '@linli/contracts/duty-labels';
import { useT } from '../../../lib/i18n.js';
import { ApiError } from '../../../lib/api.js';
import type { Navigate } from '../../../components/go.js';
import { actOnSwap, askSwap, checkIn, checkOut, fetchMyShiftsBetween, fetchSwaps, type MyShifts, type Swap, type SwapAction } from '../api.js';
import { addDays, clockOf, todayInBeijing, weekdayOfDay } from '../week.js';
import { SwapForm } from './swap-form.js';
import './messages.js';

const errorText = (e: unknown) => (e instanceof ApiError ? [e.message, ...e.fields.map((f) => f.message ?? '')].filter(Boolean).join('；') : String(e));

/** 我的值守: my shifts of the next two weeks with check-in and check-out, asking a swap, and answering one asked of me. */
export function DutyPhonePage({ me, navigate }: { me: Me; navigate: Navigate }) {
  const { t, locale } = useT();
  const [mine, setMine] = useState<MyShifts | null>(null);
  const [swaps, setSwaps] = useState<Swap[]>([]);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const [swapFor, setSwapFor] = useState<number | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    const today = todayInBeijing();
    fetchMyShiftsBetween(today, addDays(today, 13)).then(setMine, (e: unknown) => setError(errorText(e)));
    fetchSwaps().then(
      (r) => setSwaps(r.items),
      () => setSwaps([]),
    );
  }, [round]);
  const act = async (run: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError('');
    setNotice('');
    try {
      await run();
      setNotice(done);
      setSwapFor(null);
      setRound((n) => n + 1);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const answer = (s: Swap, action: SwapAction) => act(() => actOnSwap(s.id, action), t('dutyH5.answered'));
  const askedOfMe = swaps.filter((s) => s.toAccountId === me.id && s.status === 'asked');
  const myAsks = swaps.filter((s) => s.requestedBy === me.id);
  const now = Date.now();
  return (
    <section className="card" data-testid="h5-duty">
      <button className="link" onClick={() => navigate('/h5')}>
        ← {t('dutyH5.back')}
      </button>
      <h2>{t('dutyH5.entry')}</h2>
      {error && (
        <p className="error" role="alert" data-testid="h5-duty-error">
          {error}
        </p>
      )}
      {notice && (
        <p className="muted" data-testid="h5-duty-notice">
          {notice}
        </p>
      )}
      {askedOfMe.length > 0 && (
        <>
          <h3>{t('dutyH5.askedOfMe')}</h3>
          <ul className="list" data-testid="h5-duty-asked-of-me">
            {askedOfMe.map((s) => (
              <li key={s.id} className="list-item">
                {t('dutyH5.from', { name: s.requestedByName, shift: s.shiftLabel })}
                {s.toShiftLabel && (
                  <>
                    <br />
                    <small>{t('dutyH5.exchange', { shift: s.toShiftLabel })}</small>
                  </>
                )}
                <br />
                <small>{t('dutyH5.reasonIs', { reason: s.reason })}</small>
                <div>
                  <button className="primary" disabled={busy} onClick={() => void answer(s, 'accept')} data-testid="h5-duty-accept">
                    {t('dutyH5.accept')}
                  </button>{' '}
                  <button disabled={busy} onClick={() => void answer(s, 'decline')} data-testid="h5-duty-decline">
                    {t('dutyH5.decline')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('dutyH5.coming')}</h3>
      {mine && <p className="muted">{t('dutyH5.window', { before: mine.checkinBeforeMinutes, after: mine.checkinAfterMinutes })}</p>}
      <ul className="list" data-testid="h5-duty-shifts">
        {mine?.items.length === 0 && <li className="muted">{t('dutyH5.none')}</li>}
        {mine?.items.map((s) => {
          const isOver = Date.parse(s.endsAt) < now;
          return (
            <li key={s.assignmentId} className="list-item" data-testid="h5-duty-shift">
              <b>{s.stationName}</b>
              <br />
              {s.day} {dutyWeekdayLabels[locale][weekdayOfDay(s.day)]} {clockOf(s.startsAt)}–{clockOf(s.endsAt)}
              {s.checkedInAt && (
                <>
                  <br />
                  <small>{t('dutyH5.checkedIn', { at: clockOf(s.checkedInAt) })}</small>
                </>
              )}
              {s.checkedOutAt && (
                <>
                  {' · '}
                  <small>{t('dutyH5.checkedOut', { at: clockOf(s.checkedOutAt) })}</small>
                </>
              )}
              <div>
                {!s.checkedInAt && !isOver && (
                  <button
                    className="primary"
                    disabled={busy}
                    onClick={() => void act(() => checkIn(s.shiftId), t('dutyH5.checkedInDone'))}
                    data-testid="h5-duty-checkin"
                  >
                    {t('dutyH5.checkIn')}
                  </button>
                )}
                {s.checkedInAt && !s.checkedOutAt && (
                  <button
                    className="primary"
                    disabled={busy}
                    onClick={() => void act(() => checkOut(s.shiftId), t('dutyH5.checkedOutDone'))}
                    data-testid="h5-duty-checkout"
                  >
                    {t('dutyH5.checkOut')}
                  </button>
                )}{' '}
                {!s.checkedInAt && !isOver && swapFor !== s.shiftId && (
                  <button disabled={busy} onClick={() => setSwapFor(s.shiftId)} data-testid="h5-duty-ask-swap">
                    {t('dutyH5.askSwap')}
                  </button>
                )}
              </div>
              {swapFor === s.shiftId && (
                <SwapForm
                  shiftId={s.shiftId}
                  busy={busy}
                  onCancel={() => setSwapFor(null)}
                  onSend={(body) => void act(() => askSwap({ shiftId: s.shiftId, ...body }), t('dutyH5.asked'))}
                />
              )}
            </li>
          );
        })}
      </ul>
      {myAsks.length > 0 && (
        <>
          <h3>{t('dutyH5.myAsks')}</h3>
          <ul className="list" data-testid="h5-duty-my-asks">
            {myAsks.map((s) => (
              <li key={s.id} className="list-item">
                {t('dutyH5.to', { name: s.toAccountName, shift: s.shiftLabel })}
                <br />
                <small>{swapStatusLabels[locale][s.status]}</small>{' '}
                {(s.status === 'asked' || s.status === 'accepted') && (
                  <button disabled={busy} onClick={() => void answer(s, 'withdraw')} data-testid="h5-duty-withdraw">
                    {t('dutyH5.withdraw')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
