import { sql, type Kysely } from 'kysely';
import { runStatements } from './20261123000100_foundation.js';

/**
 * The dashboard's roll-up (docs/decisions/0008-dashboard-rollup.md), kept by statement-level triggers on `tickets` inside
 * the writing transaction, whatever the write path:
 * - ticket_daily_counts: per community, Beijing day and dimension, how many tickets and the 三率 counters that do not
 *   depend on the clock. Writers never update it: they append their changes to ticket_count_deltas, which
 *   ticket_rollup_fold() (a job, every 30 s) adds in. Readers sum both, so they are exact at any moment, and concurrent
 *   intake in one community does not queue on today's rows;
 * - ticket_deadlines: the few tickets whose deadlines the clock can still pass (open, or never answered), so "overdue by
 *   now" is counted from a small dense table rather than from scattered rows of `tickets`.
 * The SQL is frozen here, as migrations are.
 */

// What each ticket row contributes: one row per dimension, by the Beijing day it was raised, and one 'resolved' row by
// the Beijing day it was resolved. The 三率 counters ride on the 'status' row only.
const contributions = (source: string, sign: 1 | -1) => `select t.community_id, x.dim, x.day, x.key, ${sign} as n,
  ${sign} * x.responded as responded, ${sign} * x.responded_in_time as responded_in_time, ${sign} * x.resolved_confirmed as resolved_confirmed,
  ${sign} * x.satisfied as satisfied, ${sign} * x.rated as rated
from ${source} t
cross join lateral (values
  ('status', (t.created_at at time zone 'Asia/Shanghai')::date, t.status,
    (t.first_response_at is not null)::int,
    coalesce(t.first_response_at <= t.response_due_at, false)::int,
    coalesce(t.status = 'closed' and t.close_reason in ('rated', 'follow_up') and coalesce(t.rating, '') <> 'dissatisfied', false)::int,
    coalesce(t.rating in ('satisfied', 'basically_satisfied'), false)::int,
    (t.rating is not null)::int),
  ('channel', (t.created_at at time zone 'Asia/Shanghai')::date, t.channel, 0, 0, 0, 0, 0),
  ('category', (t.created_at at time zone 'Asia/Shanghai')::date, t.category_id::text, 0, 0, 0, 0, 0),
  ('compound', (t.created_at at time zone 'Asia/Shanghai')::date, coalesce(t.compound_id::text, ''), 0, 0, 0, 0, 0),
  ('resolved', (t.resolved_at at time zone 'Asia/Shanghai')::date, '', 0, 0, 0, 0, 0)
) as x(dim, day, key, responded, responded_in_time, resolved_confirmed, satisfied, rated)
where x.day is not null`;

const columns = 'community_id, dim, day, key, n, responded, responded_in_time, resolved_confirmed, satisfied, rated';
const counters = ['n', 'responded', 'responded_in_time', 'resolved_confirmed', 'satisfied', 'rated'];

// Sums the contributions per key, drops keys whose changes cancel out, and upserts in key order (a fixed lock order).
const upsert = (parts: string[]) => `insert into ticket_daily_counts (${columns})
select community_id, dim, day, key, ${counters.map((c) => `sum(${c})`).join(', ')}
from (${parts.join('\nunion all\n')}) as c
group by community_id, dim, day, key
having ${counters.map((c) => `sum(${c}) <> 0`).join(' or ')}
order by community_id, dim, day, key
on conflict (community_id, dim, day, key) do update set ${counters.map((c) => `${c} = ticket_daily_counts.${c} + excluded.${c}`).join(', ')}`;

// A writer's change, summed per key, appended: no conflict, so no lock on rows other writers touch.
const appendDeltas = (parts: string[]) => `insert into ticket_count_deltas (${columns})
select community_id, dim, day, key, ${counters.map((c) => `sum(${c})`).join(', ')}
from (${parts.join('\nunion all\n')}) as c
group by community_id, dim, day, key
having ${counters.map((c) => `sum(${c}) <> 0`).join(' or ')}`;

// Moves the deltas visible now into the counts (deltas committed meanwhile stay for the next run), then drops keys that
// count nothing any more, so the table holds only what exists.
const foldFunction = `create function ticket_rollup_fold() returns int language plpgsql as $fn$
declare moved int;
begin
  if not exists (select 1 from ticket_count_deltas) then
    return 0;
  end if;
  with d as (delete from ticket_count_deltas returning ${columns})
  ${upsert(['select * from d'])};
  get diagnostics moved = row_count;
  delete from ticket_daily_counts where ${counters.map((c) => `${c} = 0`).join(' and ')};
  return moved;
end
$fn$`;

// Open tickets, and unanswered ones that are not merged: the only ones whose response or resolution can still turn late.
const watched = (t: string) =>
  `(${t}.status in ('submitted', 'accepted', 'assigned', 'in_progress', 'escalated') or (${t}.first_response_at is null and ${t}.status <> 'merged'))`;
const deadlineColumns = 'ticket_id, community_id, created_at, is_open, has_response, response_due_at, resolution_due_at';
const deadlineRows = (
  source: string,
) => `select t.id, t.community_id, t.created_at, t.status in ('submitted', 'accepted', 'assigned', 'in_progress', 'escalated'),
  t.first_response_at is not null, t.response_due_at, t.resolution_due_at
from ${source} t where ${watched('t')}`;
const watchNew = `insert into ticket_deadlines (${deadlineColumns})
${deadlineRows('new_rows')}
order by 1
on conflict (ticket_id) do update set ${deadlineColumns
  .split(', ')
  .slice(1)
  .map((c) => `${c} = excluded.${c}`)
  .join(', ')}
where (ticket_deadlines.*) is distinct from (excluded.*)`;
const unwatchOld = (stillWatched: boolean) => `delete from ticket_deadlines d using old_rows o
where d.ticket_id = o.id${stillWatched ? ` and not exists (select 1 from new_rows n where n.id = o.id and ${watched('n')})` : ''}`;

// One statement of its own: runStatements splits on ";\n", which a plpgsql body is full of.
const applyFunction = `create function ticket_rollup_apply() returns trigger language plpgsql as $fn$
begin
  if tg_op = 'INSERT' then
    ${appendDeltas([contributions('new_rows', 1)])};
    ${watchNew};
  elsif tg_op = 'UPDATE' then
    ${appendDeltas([contributions('new_rows', 1), contributions('old_rows', -1)])};
    ${unwatchOld(true)};
    ${watchNew};
  elsif tg_op = 'DELETE' then
    ${appendDeltas([contributions('old_rows', -1)])};
    ${unwatchOld(false)};
  else
    delete from ticket_daily_counts;
    delete from ticket_count_deltas;
    delete from ticket_deadlines;
  end if;
  return null;
end
$fn$`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `create table ticket_daily_counts (
  community_id bigint not null references communities(id),
  dim text not null check (dim in ('status', 'channel', 'category', 'compound', 'resolved')),
  day date not null,
  key text not null,
  n int not null,
  responded int not null,
  responded_in_time int not null,
  resolved_confirmed int not null,
  satisfied int not null,
  rated int not null,
  primary key (community_id, dim, day, key)
);
create table ticket_count_deltas (
  id bigint generated always as identity primary key,
  like ticket_daily_counts
);
create index ticket_count_deltas_community on ticket_count_deltas (community_id, day);
create table ticket_deadlines (
  ticket_id bigint primary key,
  community_id bigint not null,
  created_at timestamptz not null,
  is_open boolean not null,
  has_response boolean not null,
  response_due_at timestamptz not null,
  resolution_due_at timestamptz not null
);
create index ticket_deadlines_community on ticket_deadlines (community_id, created_at);
create index ticket_deadlines_open_due on ticket_deadlines (community_id, resolution_due_at, ticket_id) where is_open`,
  );
  await sql.raw(applyFunction).execute(db);
  await sql.raw(foldFunction).execute(db);
  // The triggers, then the backfill of what is already there (a migration runs in one transaction).
  await runStatements(
    db,
    `create trigger tickets_rollup_insert after insert on tickets referencing new table as new_rows for each statement execute function ticket_rollup_apply();
create trigger tickets_rollup_update after update on tickets referencing old table as old_rows new table as new_rows for each statement execute function ticket_rollup_apply();
create trigger tickets_rollup_delete after delete on tickets referencing old table as old_rows for each statement execute function ticket_rollup_apply();
create trigger tickets_rollup_truncate after truncate on tickets for each statement execute function ticket_rollup_apply();
${upsert([contributions('tickets', 1)])};
insert into ticket_deadlines (${deadlineColumns}) ${deadlineRows('tickets')}`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `drop trigger tickets_rollup_truncate on tickets;
drop trigger tickets_rollup_delete on tickets;
drop trigger tickets_rollup_update on tickets;
drop trigger tickets_rollup_insert on tickets;
drop function ticket_rollup_apply();
drop function ticket_rollup_fold();
drop table ticket_count_deltas;
drop table ticket_deadlines;
drop table ticket_daily_counts`,
  );
}
