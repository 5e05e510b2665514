import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { AppContext } from '../context.js';
import { authorize, type Actor } from '../access/actor.js';
import { notFound } from '../errors.js';
import { writeAudit } from '../audit/audit.js';
import { TtlCache } from '../cache/ttl-cache.js';
import * as repo from './work-calendar.repository.js';

/**
 * The national work calendar (放假调休), shared by whatever counts working time (the tickets' SLA clock today).
 * Answers true (worked), false (day off) or undefined (the weekday rule) for a Beijing date "YYYY-MM-DD".
 */
export type WorkCalendar = (day: string) => boolean | undefined;

// The calendar changes a few times a year; deadlines are computed on every registration: one read a minute per process.
const calendars = new TtlCache<'days', Map<string, boolean>>(60_000);

export async function loadCalendar(db: Kysely<DB>): Promise<WorkCalendar> {
  const days = await calendars.get(db, 'days', async () => {
    const rows = await repo.listCalendarDays(db);
    return new Map(rows.map((r) => [String(r.day), r.is_workday]));
  });
  return (day) => days.get(day);
}

const present = (r: { day: string; is_workday: boolean; name: string }) => ({ day: String(r.day), isWorkday: r.is_workday, name: r.name });

export async function listCalendar(ctx: AppContext, actor: Actor, year: number) {
  authorize(actor, 'tickets.read');
  const rows = await repo.listCalendarYear(ctx.db, year);
  return { items: rows.map(present) };
}

/** Marks a day as off (holiday) or worked (调休上班); national, so for the system administrator. */
export async function setCalendarDay(ctx: AppContext, actor: Actor, day: string, input: { isWorkday: boolean; name: string }) {
  authorize(actor, 'calendar.manage');
  const row = await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findCalendarDay(trx, day);
    const values = { is_workday: input.isWorkday, name: input.name, updated_by: actor.accountId, updated_at: new Date() };
    const saved = await repo.upsertCalendarDay(trx, day, values);
    await writeAudit(trx, actor, {
      communityId: null,
      action: 'work_calendar.set',
      entityType: 'work_calendar',
      entityId: day,
      changes: { isWorkday: { from: before?.is_workday ?? null, to: input.isWorkday }, name: { from: before?.name ?? null, to: input.name } },
    });
    return saved;
  });
  calendars.forget(ctx.db);
  return present(row);
}

export async function deleteCalendarDay(ctx: AppContext, actor: Actor, day: string) {
  authorize(actor, 'calendar.manage');
  await ctx.db.transaction().execute(async (trx) => {
    const gone = await repo.deleteCalendarDay(trx, day);
    if (!gone) throw notFound('work_calendar');
    await writeAudit(trx, actor, {
      communityId: null,
      action: 'work_calendar.deleted',
      entityType: 'work_calendar',
      entityId: day,
      changes: { isWorkday: gone.is_workday, name: gone.name },
    });
  });
  calendars.forget(ctx.db);
}
