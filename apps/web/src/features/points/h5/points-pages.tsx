import { useEffect, useState } from 'react';
import type { IssuedRedemption, MyPoints, Perk, Redemption } from '@linli/contracts';
import { formatPoints, pointsEntryKindLabels, redemptionStatusLabels } from '@linli/contracts/points-labels';
import { formatErrorMessage } from '@linli/contracts/i18n';
import { ApiError } from '../../../lib/api.js';
import { useT } from '../../../lib/i18n.js';
import { formatTime } from '../../../lib/time.js';
import { confirmRedemption, fetchMyPoints, fetchPerks, fetchRedemptions, redeemPerk } from '../api.js';
import '../messages.js';

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** /h5/points: the volunteer's balance and this month's statement. */
export function MyPointsPage() {
  const { t, locale } = useT();
  const [data, setData] = useState<MyPoints | null>(null);
  const [error, setError] = useState('');
  useEffect(() => void fetchMyPoints().then(setData, (e: unknown) => setError(errorText(e))), []);
  if (error) return <p className="error">{error}</p>;
  if (!data) return null;
  if (data.volunteerId == null) return <p data-testid="h5-points-none">{t('points.notVolunteer')}</p>;
  const s = data.statement!;
  return (
    <section className="card" data-testid="h5-points">
      <h2>{t('points.myPoints')}</h2>
      <p className="notice">
        {t('points.balance')} <strong data-testid="h5-points-balance">{formatPoints(data.balance)}</strong>
      </p>
      <p>
        {s.month} · {t('points.opening')} {formatPoints(s.openingBalance)} · {t('points.earned')} {formatPoints(s.earned)} · {t('points.spent')}{' '}
        {formatPoints(s.spent)} · {t('points.closing')} {formatPoints(s.closingBalance)}
      </p>
      <ul className="list" data-testid="h5-points-entries">
        {s.entries.map((e) => (
          <li key={e.id} className="list-item" data-testid="h5-points-entry">
            <span>{pointsEntryKindLabels[locale][e.kind]}</span> <strong>{e.delta > 0 ? `+${formatPoints(e.delta)}` : formatPoints(e.delta)}</strong>
            <div>{e.reason}</div>
            <small>{formatTime(e.occurredAt)}</small>
          </li>
        ))}
        {s.entries.length === 0 && <li>{t('points.none')}</li>}
      </ul>
    </section>
  );
}

/** /h5/perks: open perks to redeem, the code shown once after a redemption, and my redemptions. */
export function PerksPage() {
  const { t, locale } = useT();
  const [perks, setPerks] = useState<Perk[]>([]);
  const [mine, setMine] = useState<Redemption[]>([]);
  const [issued, setIssued] = useState<IssuedRedemption | null>(null);
  const [error, setError] = useState('');
  const [round, setRound] = useState(0);
  useEffect(() => {
    fetchPerks({ redeemable: 'true', pageSize: 100 }).then(
      (p) => setPerks(p.items),
      (e: unknown) => setError(errorText(e)),
    );
    fetchRedemptions({ mine: 'true', pageSize: 20 }).then(
      (p) => setMine(p.items),
      () => undefined,
    );
  }, [round]);
  const redeem = async (p: Perk) => {
    if (!window.confirm(t('points.redeemConfirm', { points: p.pricePoints, title: p.title }))) return;
    setError('');
    try {
      setIssued(await redeemPerk(p.id));
      setRound((n) => n + 1);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <section className="card" data-testid="h5-perks">
      <h2>{t('points.perks')}</h2>
      {issued && (
        <div className="notice" data-testid="h5-redemption-issued">
          <div>{issued.redemption.perkTitle}</div>
          <div>
            {t('points.code')} <strong data-testid="h5-redemption-code">{issued.code}</strong>
          </div>
          <small>{t('points.codeHint', { date: formatTime(issued.redemption.expiresAt) })}</small>
        </div>
      )}
      {error && (
        <p className="error" data-testid="h5-perks-error">
          {error}
        </p>
      )}
      <ul className="list">
        {perks.map((p) => (
          <li key={p.id} className="list-item" data-testid="h5-perk">
            <strong>{p.title}</strong> · {p.partnerName}
            <div>{p.terms}</div>
            <div>
              {t('points.priceN', { points: formatPoints(p.pricePoints) })} · {t('points.perk.stock')} {p.stock}
            </div>
            <button type="button" disabled={!p.redeemable} onClick={() => void redeem(p)} data-testid="h5-perk-redeem">
              {t('points.redeem')}
            </button>
          </li>
        ))}
        {perks.length === 0 && <li>{t('points.none')}</li>}
      </ul>
      <h3>{t('points.myRedemptions')}</h3>
      <ul className="list">
        {mine.map((r) => (
          <li key={r.id} className="list-item" data-testid="h5-my-redemption">
            {r.perkTitle} · {t('points.priceN', { points: formatPoints(r.points) })} · {redemptionStatusLabels[locale][r.status]}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** /h5/merchant: the merchant's contact types the code the volunteer shows and honours it (核销). */
export function MerchantPage() {
  const { t, locale } = useT();
  const [code, setCode] = useState('');
  const [done, setDone] = useState<Redemption | null>(null);
  const [error, setError] = useState('');
  const submit = async () => {
    setError('');
    setDone(null);
    try {
      setDone(await confirmRedemption(code.trim()));
      setCode('');
    } catch (e) {
      // A used, expired or wrong code: the domain's message says which (the field message would only say "format").
      setError(e instanceof ApiError && e.code === 'REDEMPTION_CODE_INVALID' ? formatErrorMessage(locale, e.code) : errorText(e));
    }
  };
  return (
    <section className="card" data-testid="h5-merchant">
      <h2>{t('points.merchantTitle')}</h2>
      <p>{t('points.merchantHint')}</p>
      <input inputMode="numeric" maxLength={8} value={code} onChange={(e) => setCode(e.target.value)} data-testid="h5-merchant-code" />
      <button type="button" onClick={() => void submit()} disabled={code.trim().length === 0} data-testid="h5-merchant-confirm">
        {t('points.confirm')}
      </button>
      {done && (
        <p className="notice" data-testid="h5-merchant-done">
          {t('points.confirmed', { title: done.perkTitle, name: done.volunteerName ?? '' })}
        </p>
      )}
      {error && (
        <p className="error" data-testid="h5-merchant-error">
          {error}
        </p>
      )}
    </section>
  );
}
