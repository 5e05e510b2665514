import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLate, isOverdue, openTicketStatuses, ticketStatuses } from '@linli/contracts';
import { createTestDatabase } from '../../../test/harness.js';
import type { Database } from '../../platform/db/database.js';
import { lateOnTickets, overdueOnDeadlines, overdueOnTickets } from './overdue.repository.js';

/** The named rules and their SQL twins answer the same for every status and every side of each deadline. */
describe('the overdue rule and its SQL twins', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.close());

  const now = new Date('2026-12-01T08:00:00Z');
  const at = (h: number) => new Date(now.getTime() + h * 3600_000);
  const cases = ticketStatuses.flatMap((status) =>
    [null, at(-5), at(1)].flatMap((firstResponseAt) =>
      [at(-2), at(2)].flatMap((responseDueAt) =>
        [at(-1), at(3)].flatMap((resolutionDueAt) =>
          [null, at(-3)].map((resolvedAt) => ({ status, firstResponseAt, responseDueAt, resolutionDueAt, resolvedAt })),
        ),
      ),
    ),
  );

  it('agrees with isOverdue over tickets and over the deadlines read model, and with isLate over tickets', async () => {
    const db = database.db;
    const values = sql.join(
      cases.map(
        (c, i) =>
          sql`(${i}::int, ${c.status}::text, ${c.firstResponseAt}::timestamptz, ${c.responseDueAt}::timestamptz, ${c.resolutionDueAt}::timestamptz, ${c.resolvedAt}::timestamptz)`,
      ),
    );
    // `now()` in lateOnTickets is the database's clock; the cases are far enough from it only when now is the real now.
    const { rows } = await sql<{ i: number; overdue: boolean; deadlines: boolean }>`
      select t.i, ${overdueOnTickets(now, 't')} as overdue,
        (select ${overdueOnDeadlines(now)} from (select t.status in (${sql.join([...openTicketStatuses])}) as is_open,
          t.first_response_at is not null as has_response, t.response_due_at, t.resolution_due_at) d) as deadlines
      from (values ${values}) as t(i, status, first_response_at, response_due_at, resolution_due_at, resolved_at)
      order by t.i`.execute(db);
    expect(rows).toHaveLength(cases.length);
    for (const r of rows) {
      const c = cases[r.i]!;
      expect({ case: c, sql: r.overdue }).toEqual({ case: c, sql: isOverdue(c, now) });
      expect({ case: c, sql: r.deadlines }).toEqual({ case: c, sql: isOverdue(c, now) });
    }
    const real = new Date();
    const shifted = cases.map((c) => {
      const move = (d: Date | null) => (d ? new Date(d.getTime() - now.getTime() + real.getTime()) : null);
      return {
        ...c,
        firstResponseAt: move(c.firstResponseAt),
        responseDueAt: move(c.responseDueAt)!,
        resolutionDueAt: move(c.resolutionDueAt)!,
        resolvedAt: move(c.resolvedAt),
      };
    });
    const late = await sql<{ i: number; late: boolean }>`
      select t.i, ${lateOnTickets} as late
      from (values ${sql.join(shifted.map((c, i) => sql`(${i}::int, ${c.status}::text, ${c.firstResponseAt}::timestamptz, ${c.responseDueAt}::timestamptz, ${c.resolutionDueAt}::timestamptz, ${c.resolvedAt}::timestamptz)`))})
        as t(i, status, first_response_at, response_due_at, resolution_due_at, resolved_at)
      order by t.i`.execute(db);
    for (const r of late.rows) expect({ case: shifted[r.i], sql: r.late }).toEqual({ case: shifted[r.i], sql: isLate(shifted[r.i]!, real) });
  });
});
