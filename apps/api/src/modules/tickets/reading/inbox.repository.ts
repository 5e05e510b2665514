import { sql, type Kysely, type Transaction } from 'kysely';
import type { InboxView } from '@linli/contracts';
import type { DB } from '../../../platform/db/schema.js';
import type { CommunityId } from '../../../platform/db/scope.js';
import { dueWithin, overdueOnTickets } from '../overdue.repository.js';

export type { InboxView };

/** How far ahead 即将超期 looks: a deadline within the next 8 hours (about one working day). */
export const DUE_SOON_MS = 8 * 3600_000;

/**
 * The views of the secretary's inbox over `tickets` (alias `t`), the one definition the counts and the filtered list share:
 * 待受理 submitted; 即将超期 open and overdue within 8 hours but not yet; 已超期 the overdue rule (ADR 0016); 不满意 rated
 * dissatisfied and not yet resolved again or closed (rework or review); 上报未回复 escalated with no reply yet (a reply
 * moves the ticket out of `escalated`).
 */
export function inboxWhere(view: InboxView, now: Date) {
  switch (view) {
    case 'pending':
      return sql<boolean>`t.status = 'submitted'`;
    case 'due_soon':
      return sql<boolean>`(${dueWithin(now, DUE_SOON_MS)} and not ${overdueOnTickets(now)})`;
    case 'overdue':
      return overdueOnTickets(now);
    case 'dissatisfied':
      return sql<boolean>`(t.rating = 'dissatisfied' and t.status in ('assigned', 'in_progress', 'escalated', 'reviewing'))`;
    case 'escalated':
      return sql<boolean>`t.status = 'escalated'`;
  }
}

/** Every count of the inbox in one read of the community's tickets. */
export async function inboxCounts(db: Kysely<DB> | Transaction<DB>, communityId: CommunityId, now: Date) {
  const count = (v: InboxView) => sql<number>`count(*) filter (where ${inboxWhere(v, now)})`;
  const row = await db
    .selectFrom('tickets as t')
    .select([
      count('pending').as('pending'),
      count('due_soon').as('due_soon'),
      count('overdue').as('overdue'),
      count('dissatisfied').as('dissatisfied'),
      count('escalated').as('escalated'),
    ])
    .where('t.community_id', '=', communityId)
    .where('t.status', 'not in', ['closed', 'rejected', 'merged'])
    .executeTakeFirstOrThrow();
  return {
    pending: Number(row.pending),
    due_soon: Number(row.due_soon),
    overdue: Number(row.overdue),
    dissatisfied: Number(row.dissatisfied),
    escalated: Number(row.escalated),
  };
}
