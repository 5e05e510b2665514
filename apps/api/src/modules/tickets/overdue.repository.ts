import { sql, type RawBuilder } from 'kysely';
import { openTicketStatuses } from '@linli/contracts';

/**
 * The SQL twins of the named rules in packages/contracts (isOverdue, isLate; ADR 0016): the same comparisons, over the
 * columns of `tickets` or of the `ticket_deadlines` read model. Every query that filters or counts overdue tickets uses these.
 */
interface OverdueColumns {
  isOpen: RawBuilder<boolean>;
  answered: RawBuilder<boolean>;
  responseDueAt: RawBuilder<Date>;
  resolutionDueAt: RawBuilder<Date>;
}

function overdueOf(c: OverdueColumns, now: Date | RawBuilder<Date>) {
  return sql<boolean>`(${c.isOpen} and (${c.resolutionDueAt} < ${now} or (not ${c.answered} and ${c.responseDueAt} < ${now})))`;
}

const col = <T>(table: string | null, name: string) => sql.ref<T>(table ? `${table}.${name}` : name) as unknown as RawBuilder<T>;

/** isOverdue over `tickets` (alias `t` by default). */
export function overdueOnTickets(now: Date, alias: string | null = 't') {
  return overdueOf(
    {
      isOpen: sql<boolean>`${col(alias, 'status')} in (${sql.join([...openTicketStatuses])})`,
      answered: sql<boolean>`${col(alias, 'first_response_at')} is not null`,
      responseDueAt: col(alias, 'response_due_at'),
      resolutionDueAt: col(alias, 'resolution_due_at'),
    },
    now,
  );
}

/** isOverdue over `ticket_deadlines` (kept by triggers: is_open is openTicketStatuses, has_response a first response). */
export function overdueOnDeadlines(now: Date) {
  return overdueOf(
    {
      isOpen: col(null, 'is_open'),
      answered: col(null, 'has_response'),
      responseDueAt: col(null, 'response_due_at'),
      resolutionDueAt: col(null, 'resolution_due_at'),
    },
    now,
  );
}

/** Open and within `lead` of a deadline or past it: the same rule, looked at `lead` ahead (the reminder sweep's pool). */
export function dueWithin(now: Date, leadMs: number, alias: string | null = 't') {
  return overdueOnTickets(new Date(now.getTime() + leadMs), alias);
}

/** isLate over `tickets` (alias `t`), at the database's clock. */
export const lateOnTickets = sql<boolean>`case when t.first_response_at is not null then t.first_response_at > t.response_due_at else t.response_due_at < now() end
        or case when t.resolved_at is not null then t.resolved_at > t.resolution_due_at else t.status not in ('closed', 'rejected') and t.resolution_due_at < now() end`;
