import { useEffect, useState } from 'react';
import type { MatchOrder } from '@linli/contracts';
import { matchNeedKindLabels, matchOrderEventLabels, matchOrderStatusLabels, type MatchOrderAction } from '@linli/contracts/matching-labels';
import { useT } from '../../lib/i18n.js';
import { fetchOrders, stepOrder } from './api.js';
import './messages.js';
import { Go, type Navigate } from '../../components/go.js';

const actionsFor: Partial<Record<MatchOrder['status'], MatchOrderAction[]>> = { sent: ['accept', 'decline'], accepted: ['done'] };

/** The claimant's phone page: the orders sent to them, to accept, decline or mark done (接单). */
export function MyOrdersPage() {
  const { t, locale } = useT();
  const [items, setItems] = useState<MatchOrder[] | null>(null);
  const [error, setError] = useState('');
  const load = () =>
    fetchOrders({ mine: 'true', pageSize: 50 }).then(
      (p) => setItems(p.items),
      (e: Error) => setError(e.message),
    );
  useEffect(() => void load(), []);
  const act = async (id: number, action: MatchOrderAction) => {
    try {
      await stepOrder(id, { action });
      await load();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <section className="card" data-testid="h5-orders">
      <h2>{t('matching.myOrders')}</h2>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {items?.length === 0 && <p>{t('matching.noOrders')}</p>}
      {items?.map((o) => (
        <article key={o.id} className="card" data-testid="h5-order">
          <p>
            <strong>{matchNeedKindLabels[locale][o.needKind]}</strong>：{o.needSummary}
          </p>
          <p>
            {t('matching.status')}：{matchOrderStatusLabels[locale][o.status]}
          </p>
          {o.note && (
            <p>
              {t('matching.note')}：{o.note}
            </p>
          )}
          {(actionsFor[o.status] ?? []).map((a) => (
            <button key={a} type="button" onClick={() => void act(o.id, a)} data-testid={`order-${a}`}>
              {matchOrderEventLabels[locale][a]}
            </button>
          ))}
        </article>
      ))}
    </section>
  );
}

/** The entry to the claimant's orders on the phone home page. */
export function OrdersEntry({ navigate }: { navigate: Navigate }) {
  const { t } = useT();
  return (
    <nav className="entries">
      <Go to="/h5/orders" className="entry" navigate={navigate} testId="h5-orders-link">
        <span className="entry-title">{t('matching.myOrders')}</span>
      </Go>
    </nav>
  );
}
