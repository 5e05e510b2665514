import type { PublicWish } from '@linli/contracts';
import { wishCategoryLabels, wishStatusLabels } from '@linli/contracts/wish-labels';
import { formatFieldIssue } from '@linli/contracts/i18n';
import { ApiError } from '../../../lib/api.js';
import { getLocale, useT } from '../../../lib/i18n.js';
import '../messages.js';

export type { Navigate } from '../../../components/go.js';

export { Go } from '../../../components/go.js';

/** An API error in the reader's words: each bad field named, else the code's message. */
export function errorText(err: unknown, labels: Record<string, string> = {}): string {
  if (!(err instanceof ApiError)) return String(err);
  if (err.fields.length) return err.fields.map((f) => formatFieldIssue(getLocale(), f, labels[f.field])).join(getLocale() === 'en' ? '; ' : '；');
  return err.message;
}

/** A wish as the public and claimants see it: an initial and the wish, never a name, phone or address. */
export function WishCard({
  w,
  children,
}: {
  w: Pick<PublicWish, 'id' | 'initial' | 'text' | 'category' | 'value' | 'status' | 'shared' | 'dueOn'>;
  children?: React.ReactNode;
}) {
  const { t, locale } = useT();
  return (
    <article className="card" data-testid={`wish-card-${w.id}`}>
      <p>
        <b>{w.initial}</b>：{w.text}
      </p>
      <p className="muted">
        {wishStatusLabels[locale][w.status]}
        {w.category ? ` · ${wishCategoryLabels[locale][w.category]}` : ''}
        {w.value !== null ? ` · ${t('wh.yuan', { n: w.value })}` : ''}
        {w.shared ? ` · ${t('wh.shared')}` : ''}
        {w.dueOn ? ` · ${t('wh.due', { date: w.dueOn })}` : ''}
      </p>
      {children}
    </article>
  );
}
