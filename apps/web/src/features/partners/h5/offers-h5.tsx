import { useEffect, useState } from 'react';
import type { PartnerPortal, PublicResourceList } from '@linli/contracts';
import { offerLabels, resourceCategories } from '@linli/contracts/offer-labels';
import { useT } from '../../../lib/i18n.js';
import { fetchCircle, fetchPortal } from '../offers-api.js';
import '../offers-messages.js';

/** The phone's "15-minute life circle": public offers of a community by compound and category, no personal data. */
export function LifeCirclePage({ communityCode }: { communityCode: string | null }) {
  const { t, locale } = useT();
  const L = offerLabels[locale];
  const [compoundId, setCompoundId] = useState<number | undefined>();
  const [category, setCategory] = useState<string | undefined>();
  const [data, setData] = useState<PublicResourceList | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    if (!communityCode) return;
    fetchCircle(communityCode, { compoundId, category }).then(setData, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [communityCode, compoundId, category]);
  if (!communityCode) return <section className="card">{t('offers.noCommunity')}</section>;
  return (
    <section className="card" data-testid="h5-circle">
      <h2>{t('offers.circle')}</h2>
      <p className="muted">{data ? `${data.community.name} · ${t('offers.circleIntro')}` : t('offers.circleIntro')}</p>
      <label>
        {t('offers.compound')}
        <select value={compoundId ?? ''} onChange={(e) => setCompoundId(e.target.value ? Number(e.target.value) : undefined)} data-testid="h5-circle-compound">
          <option value="">{t('offers.allCompounds')}</option>
          {data?.compounds.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('offers.category')}
        <select value={category ?? ''} onChange={(e) => setCategory(e.target.value || undefined)} data-testid="h5-circle-category">
          <option value="">{t('offers.allCategories')}</option>
          {resourceCategories.map((c) => (
            <option key={c} value={c}>
              {L.category[c]}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!data && !error && <p className="muted">{t('offers.loading')}</p>}
      {data?.items.length === 0 && <p className="muted">{t('offers.none')}</p>}
      <ul className="tasks">
        {data?.items.map((r) => (
          <li key={r.id} data-testid="h5-circle-item">
            <strong>{r.title}</strong>
            <div className="muted">
              {[r.providerName ?? L.provider[r.providerKind], L.category[r.category], r.compoundName ?? t('offers.wholeCommunity')].join(' · ')}
            </div>
            <div>{[L.price[r.priceKind], r.priceNote].filter(Boolean).join('：')}</div>
            {r.availability && <div className="muted">{r.availability}</div>}
            {r.contactPhone && <a href={`tel:${r.contactPhone}`}>{r.contactPhone}</a>}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A partner contact on the phone: its offers, agreements and this year's contributions (edits on the console page). */
export function PartnerPortalH5() {
  const { t, locale } = useT();
  const L = offerLabels[locale];
  const [p, setP] = useState<PartnerPortal | null>(null);
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    fetchPortal().then(setP, () => setMissing(true));
  }, []);
  if (missing) return <section className="card">{t('offers.noPartner')}</section>;
  if (!p) return <section className="card muted">{t('offers.loading')}</section>;
  return (
    <section className="card" data-testid="h5-partner-portal">
      <h2>{p.partner.name}</h2>
      <h3>{t('offers.portalOffers')}</h3>
      <ul className="tasks">
        {p.resources.map((r) => (
          <li key={r.id}>
            <strong>{r.title}</strong>
            <div className="muted">
              {[L.category[r.category], [L.price[r.priceKind], r.priceNote].filter(Boolean).join('：'), r.availability].filter(Boolean).join(' · ')}
            </div>
          </li>
        ))}
      </ul>
      <h3>{t('offers.portalAgreements')}</h3>
      <ul className="tasks">
        {p.agreements.map((a) => (
          <li key={a.id}>
            <strong>{a.title}</strong>
            <div className="muted">{`${a.startsOn} – ${a.endsOn ?? ''} · ${L.agreementStatus[a.status]}`}</div>
          </li>
        ))}
      </ul>
      <h3>{t('offers.portalContributions')}</h3>
      <ul className="tasks">
        {p.totals.map((x) => (
          <li key={x.partnerId}>
            {t('offers.totalsLine', {
              count: x.count,
              money: x.moneyYuan.toFixed(2),
              goods: x.goodsValueYuan.toFixed(2),
              value: x.totalValueYuan.toFixed(2),
              hours: x.hours,
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}
