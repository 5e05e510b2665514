import { expect } from 'vitest';
import { sql } from 'kysely';
import { openTicketStatuses, ticketStaffRoles } from '@linli/contracts';
import { loginAs, type TestEnv } from './harness.js';
import { DEMO_PASSWORD } from '../src/demo/accounts.js';
import { communities } from '../src/demo/communities.js';

const DAY = 86_400_000;
const beijing = (d: Date) => new Date(d.getTime() + 8 * 3600_000);

/** The demo year (issue 8 item 4): spread, believable timelines, the reports' cases, roll-ups and dashboards that agree. */
export async function checkTicketYear(env: TestEnv, now: Date) {
  const db = env.ctx.db;
  const tickets = await db.selectFrom('tickets').selectAll().orderBy('id').execute();
  const events = await db.selectFrom('ticket_events').selectAll().orderBy('id').execute();
  const accounts = await db.selectFrom('accounts').select(['id', 'role', 'community_id']).execute();

  // Spread over twelve months, office hours heavier, weekdays heavier, every channel used.
  for (const c of await db.selectFrom('communities').select(['id', 'name']).execute()) {
    const mine = tickets.filter((t) => t.community_id === c.id);
    expect(mine.length, c.name).toBeGreaterThanOrEqual(communities.find((x) => x.name === c.name)!.ticketsPerYear);
    expect(new Set(mine.map((t) => beijing(t.created_at).toISOString().slice(0, 7))).size, c.name).toBeGreaterThanOrEqual(12);
  }
  expect(tickets.every((t) => t.created_at.getTime() > now.getTime() - 366 * DAY && t.created_at <= now)).toBe(true);
  const hour = (t: { created_at: Date }) => beijing(t.created_at).getUTCHours();
  expect(tickets.filter((t) => hour(t) >= 8 && hour(t) < 18).length / tickets.length).toBeGreaterThan(0.7);
  const weekend = tickets.filter((t) => [0, 6].includes(beijing(t.created_at).getUTCDay())).length;
  expect(weekend / 2).toBeLessThan(((tickets.length - weekend) / 5) * 0.7);
  expect(new Set(tickets.map((t) => t.channel)).size).toBe(8);

  // Each timeline: starts with its registration, in time order, each step from the state the previous left, by staff of
  // the ticket's community, the resident or the system; it ends in the ticket's status.
  const staff = new Map(accounts.filter((a) => ticketStaffRoles.includes(a.role as never) || a.role === 'grid_worker').map((a) => [a.id, a.community_id]));
  const contacts = new Set(accounts.filter((a) => a.role === 'department_contact').map((a) => a.id));
  const byTicket = new Map<number, typeof events>();
  for (const e of events) byTicket.set(e.ticket_id, [...(byTicket.get(e.ticket_id) ?? []), e]);
  for (const t of tickets) {
    const steps = byTicket.get(t.id)!;
    expect(steps[0]!.action, t.title).toBe('created');
    let status: string | null = null;
    for (const [i, e] of steps.entries()) {
      if (i > 0) expect(e.created_at.getTime(), t.title).toBeGreaterThanOrEqual(steps[i - 1]!.created_at.getTime());
      // The organisation escalated to takes its own steps (accept, answer, and the ticket's return to the community).
      if (e.actor_id && contacts.has(e.actor_id)) expect(['escalation_accept', 'escalation_answer', 'respond']).toContain(e.action);
      else if (e.actor_id) expect(staff.get(e.actor_id), `${t.title} ${e.action}`).toBe(t.community_id);
      else expect(['resident', 'system']).toContain(e.actor_label);
      if (e.action === 'reminded' || e.action.startsWith('escalation_')) continue;
      expect(e.from_status, `${t.title} ${e.action}`).toBe(status);
      status = e.to_status;
    }
    expect(status, t.title).toBe(t.status);
    if (t.first_response_at) expect(t.first_response_at >= t.created_at).toBe(true);
    if (t.resolved_at) expect(t.resolved_at >= (t.first_response_at ?? t.created_at)).toBe(true);
  }

  // Mostly within the deadlines and satisfied; some late, some sent back for rework, a few still overdue now.
  const rated = tickets.filter((t) => t.rating);
  expect(rated.filter((t) => t.rating !== 'dissatisfied').length / rated.length).toBeGreaterThan(0.9);
  expect(events.some((e) => e.action === 'rate' && JSON.stringify(e.data).includes('dissatisfied'))).toBe(true);
  expect(tickets.some((t) => t.reopen_count > 0)).toBe(true);
  const answered = tickets.filter((t) => t.first_response_at);
  const inTime = answered.filter((t) => t.first_response_at! <= t.response_due_at).length / answered.length;
  expect(inTime).toBeGreaterThan(0.85);
  expect(inTime).toBeLessThan(1);
  const resolved = tickets.filter((t) => t.resolved_at);
  const late = resolved.filter((t) => t.resolved_at! > t.resolution_due_at).length / resolved.length;
  expect(late).toBeGreaterThan(0.02);
  expect(late).toBeLessThan(0.2);
  const open = (s: string) => (openTicketStatuses as readonly string[]).includes(s);
  expect(tickets.filter((t) => open(t.status) && t.resolution_due_at < now).length).toBeGreaterThan(0);
  for (const s of ['closed', 'resolved', 'rejected', 'merged', 'in_progress', 'escalated'] as const) expect(tickets.map((t) => t.status)).toContain(s);
  expect(tickets.filter((t) => t.status === 'merged').every((t) => t.merged_into_id !== null)).toBe(true);

  // The roll-up and the deadlines table say what the tickets say (they are kept by the tickets' own triggers).
  const { rows: rollup } = await sql<{ community_id: number; n: number; resolved: number }>`
    select community_id, (sum(n) filter (where dim = 'status'))::int as n, coalesce(sum(n) filter (where dim = 'resolved'), 0)::int as resolved
    from ticket_daily_counts group by community_id order by community_id`.execute(db);
  const { rows: live } = await sql<{ community_id: number; n: number; resolved: number }>`
    select community_id, count(*)::int as n, (count(*) filter (where resolved_at is not null))::int as resolved
    from tickets group by community_id order by community_id`.execute(db);
  expect(rollup).toEqual(live);
  expect((await db.selectFrom('ticket_count_deltas').select('id').execute()).length).toBe(0);
  const watched = tickets.filter((t) => open(t.status) || (!t.first_response_at && t.status !== 'merged')).length;
  expect((await db.selectFrom('ticket_deadlines').select('ticket_id').execute()).length).toBe(watched);

  // The reports' cases, with their real paths.
  const story = (title: string) => {
    const t = tickets.find((x) => x.title === title)!;
    return { t, actions: byTicket.get(t.id)!.map((e) => e.action) };
  };
  const garbage = story('西2门外垃圾中转站异味和清晨噪音');
  expect(garbage.t).toMatchObject({ status: 'closed', rating: 'satisfied', channel: 'walk_in' });
  expect(garbage.actions).toEqual(expect.arrayContaining(['accept', 'assign', 'start', 'escalate', 'respond', 'resolve', 'rate']));
  // A neighbour's call about the same station the next day joined it.
  expect(story('垃圾中转站太臭，早上清运吵得睡不着').t).toMatchObject({ status: 'merged', merged_into_id: garbage.t.id });
  const corridor = story('沿街楼道堆满装修材料和废旧桌椅').t;
  expect(corridor.resolved_at!.getTime() - corridor.created_at.getTime()).toBeLessThanOrEqual(3 * DAY);
  const corridorEscalation = await db
    .selectFrom('escalations')
    .select(['organisation_id', 'status'])
    .where('ticket_id', '=', corridor.id)
    .executeTakeFirstOrThrow();
  const office = await db.selectFrom('organisations').select(['name', 'kind']).where('id', '=', corridorEscalation.organisation_id).executeTakeFirstOrThrow();
  expect({ ...office, status: corridorEscalation.status }).toEqual({ name: '新碶街道办事处', kind: 'subdistrict_office', status: 'answered' });
  expect(garbage.actions).toEqual(expect.arrayContaining(['escalation_accept', 'escalation_answer']));
  expect(story('出差期间85岁母亲无人照看')).toMatchObject({
    t: { meeting_title: '喝茶议事·二十二佳园', status: 'closed' },
    actions: ['created', 'answer_on_spot', 'rate'],
  });
  expect(story('黄山豪庭周边停车难').t.status).toBe('in_progress');
  expect(story('供水不畅，高峰时段水流很小').t.reporter_name).toMatch(/^郝/);

  // Dashboards, ranking and ledger mean something on first start.
  const shuji = await loginAs(env.app, 'jgc_shuji', DEMO_PASSWORD);
  const d = (await env.app.inject({ url: '/api/dashboard/community', headers: { cookie: shuji } })).json();
  expect(d.total).toBeGreaterThan(300);
  expect(d.satisfactionRate.rate).toBeGreaterThan(0.85);
  expect(d.responseRate.rate).toBeGreaterThan(0.8);
  expect(d.weekly.length).toBeGreaterThan(45);
  expect(d.byChannel.length).toBe(8);
  const jiedao = await loginAs(env.app, 'jiedao', DEMO_PASSWORD);
  const ranking = (await env.app.inject({ url: '/api/dashboard/subdistrict', headers: { cookie: jiedao } })).json();
  expect(ranking.communities).toHaveLength(3);
  expect(ranking.communities.every((c: { total: number; resolutionRate: { rate: number } }) => c.total > 100 && c.resolutionRate.rate > 0.5)).toBe(true);
  const ledger = (await env.app.inject({ url: '/api/ledger?pageSize=20', headers: { cookie: shuji } })).json();
  expect(ledger.total).toBeGreaterThan(0);
}
