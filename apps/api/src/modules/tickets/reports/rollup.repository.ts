import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { CommunityId } from '../../../platform/db/scope.js';
import { overdueOnDeadlines } from '../overdue.repository.js';

/**
 * A period of whole Beijing days: [from, to) as instants and fromDay..toDay ("YYYY-MM-DD", inclusive) as dates.
 * What does not depend on the clock comes from the roll-up (ticket_daily_counts plus the ticket_count_deltas not yet folded in); what does (deadlines passed by `now`)
 * from ticket_deadlines, the few open or unanswered tickets. Both are kept by triggers on tickets
 * (migrations/20261123000900_dashboard_rollup.ts, docs/decisions/0008-dashboard-rollup.md).
 */
export interface Period {
  from: Date;
  to: Date;
  fromDay: string;
  toDay: string;
}

const inPeriod = (p: Period) => sql<boolean>`day between ${p.fromDay}::date and ${p.toDay}::date`;
const counterColumns = sql.raw('community_id, dim, day, key, n, responded, responded_in_time, resolved_confirmed, satisfied, rated');
/** The roll-up as of now: the folded counts plus the deltas appended since the last fold. */
const counts = sql`(select ${counterColumns} from ticket_daily_counts union all select ${counterColumns} from ticket_count_deltas)`;
const idList = (communityIds: number[]) => sql.join(communityIds.length ? communityIds : [-1]);

export interface RateCounts {
  community_id: number;
  total: number;
  responded_in_time: number;
  response_due: number;
  resolved_confirmed: number;
  resolvable: number;
  satisfied: number;
  rated: number;
  overdue: number;
}

/**
 * Numerators and denominators of the 三率 for each community, over the tickets raised in the period, merged ones left out,
 * and how many of them are overdue. response_due = answered + unanswered past the deadline; only the second needs the clock.
 */
export async function rateCounts(db: Kysely<DB>, communityIds: number[], p: Period, now: Date): Promise<RateCounts[]> {
  const { rows } = await sql<RateCounts>`
    select r.community_id, r.total, r.responded_in_time, r.responded + coalesce(c.late, 0) as response_due, r.resolved_confirmed,
      r.resolvable, r.satisfied, r.rated, coalesce(c.overdue, 0) as overdue
    from (
      select community_id, sum(n)::int as total, sum(responded_in_time)::int as responded_in_time, sum(responded)::int as responded,
        sum(resolved_confirmed)::int as resolved_confirmed, (sum(n) filter (where key <> 'rejected'))::int as resolvable,
        sum(satisfied)::int as satisfied, sum(rated)::int as rated
      from ${counts} as c
      where community_id in (${idList(communityIds)}) and dim = 'status' and key <> 'merged' and ${inPeriod(p)}
      group by community_id
    ) r
    left join (
      select community_id,
        (count(*) filter (where not has_response and response_due_at < ${now}))::int as late,
        (count(*) filter (where ${overdueOnDeadlines(now)}))::int as overdue
      from ticket_deadlines
      where community_id in (${idList(communityIds)}) and created_at >= ${p.from} and created_at < ${p.to}
      group by community_id
    ) c on c.community_id = r.community_id`.execute(db);
  return rows;
}

export type Dimension = 'status' | 'channel' | 'category' | 'compound';

/** Tickets raised in the period (merged ones included) counted by status, channel, category and compound, most first. */
export async function countsBy(db: Kysely<DB>, communityId: CommunityId, p: Period): Promise<Record<Dimension, Array<{ key: string; count: number }>>> {
  const { rows } = await sql<{ dim: Dimension; key: string; count: number }>`
    select dim, key, sum(n)::int as count
    from ${counts} as c
    where community_id = ${communityId} and dim in ('status', 'channel', 'category', 'compound') and ${inPeriod(p)}
    group by dim, key
    having sum(n) > 0
    order by dim, sum(n) desc, key`.execute(db);
  const out: Record<Dimension, Array<{ key: string; count: number }>> = { status: [], channel: [], category: [], compound: [] };
  for (const r of rows) out[r.dim].push({ key: r.key, count: r.count });
  return out;
}

/** Tickets raised and resolved per ISO week, weeks counted in Beijing time. */
export async function weekly(db: Kysely<DB>, communityId: CommunityId, p: Period) {
  const { rows } = await sql<{ dim: string; week: string; n: number }>`
    select dim, to_char(date_trunc('week', day), 'IYYY-"W"IW') as week, sum(n)::int as n
    from ${counts} as c
    where community_id = ${communityId} and dim in ('status', 'resolved') and ${inPeriod(p)}
    group by dim, 2
    having sum(n) > 0`.execute(db);
  return {
    created: rows.filter((r) => r.dim === 'status').map(({ week, n }) => ({ week, n })),
    resolved: rows.filter((r) => r.dim === 'resolved').map(({ week, n }) => ({ week, n })),
  };
}

/** Adds the appended deltas into the counts (a job); answers how many keys it touched. */
export async function foldRollup(db: Kysely<DB>): Promise<number> {
  const { rows } = await sql<{ moved: number }>`select ticket_rollup_fold() as moved`.execute(db);
  return rows[0]?.moved ?? 0;
}

/** The community's open tickets past a deadline, whenever raised, the longest overdue first. */
export function overdueList(db: Kysely<DB>, communityId: CommunityId, now: Date) {
  // The 50 are picked from the small table first (index ticket_deadlines_open_due), then joined for their titles.
  const first = db
    .selectFrom('ticket_deadlines')
    .select(['ticket_id', 'resolution_due_at'])
    .where('community_id', '=', communityId)
    .where('is_open', '=', true)
    .where(overdueOnDeadlines(now))
    .orderBy('resolution_due_at')
    .orderBy('ticket_id')
    .limit(50);
  return db
    .selectFrom(first.as('d'))
    .innerJoin('tickets as t', 't.id', 'd.ticket_id')
    .select(['t.id', 't.code', 't.title', 't.status', 't.response_due_at', 't.resolution_due_at', 't.first_response_at'])
    .orderBy('d.resolution_due_at')
    .orderBy('d.ticket_id')
    .execute();
}

/** The community's category names, for the dashboard's labels. */
export function categoryNames(db: Kysely<DB>, communityId: CommunityId) {
  return db.selectFrom('ticket_categories').select(['id', 'name_zh', 'name_en']).where('community_id', '=', communityId).execute();
}
