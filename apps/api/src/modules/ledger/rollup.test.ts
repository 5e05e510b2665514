import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import type { TicketAction, TransitionInput } from '@linli/contracts';
import { actorIn, buildAccount, buildCommunity, createTestEnv, type TestEnv } from '../../../test/harness.js';
import type { DB } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/access/actor.js';
import { beijingDate } from '../../platform/time.js';
import { actOnTicket, closeUnratedTickets, createTicket, ensureCategories, getTicket, ticketRollup } from '../tickets/index.js';
import { communityDashboard, periodOf, rate, subdistrictDashboard } from './dashboard.service.js';
// Tests name the communities they seeded themselves.
import { trustedCommunityId } from '../../platform/access/trusted-scope.js';

const DAY = 86_400_000;

async function liveReference(db: Kysely<DB>, communityIds: number[], p: { from: Date; to: Date }, now: Date) {
  const inPeriod = sql`created_at >= ${p.from} and created_at < ${p.to}`;
  const { rows: rates } = await sql<Record<string, number>>`
    select community_id, count(*)::int as total,
      (count(*) filter (where first_response_at <= response_due_at))::int as responded_in_time,
      (count(*) filter (where first_response_at is not null or response_due_at < ${now}))::int as response_due,
      (count(*) filter (where status = 'closed' and close_reason in ('rated', 'follow_up') and coalesce(rating, '') <> 'dissatisfied'))::int as resolved_confirmed,
      (count(*) filter (where status <> 'rejected'))::int as resolvable,
      (count(*) filter (where rating in ('satisfied', 'basically_satisfied')))::int as satisfied,
      (count(*) filter (where rating is not null))::int as rated,
      (count(*) filter (where status in ('submitted', 'accepted', 'assigned', 'in_progress', 'escalated')
        and (resolution_due_at < ${now} or (first_response_at is null and response_due_at < ${now}))))::int as overdue
    from tickets where community_id in (${sql.join(communityIds)}) and ${inPeriod} and status <> 'merged' group by community_id`.execute(db);
  const by = async (cid: number, column: string) =>
    (
      await sql<{ key: string; count: number }>`select coalesce(${sql.ref(column)}::text, '') as key, count(*)::int as count from tickets
      where community_id = ${cid} and ${inPeriod} group by 1 order by 1`.execute(db)
    ).rows;
  const week = (column: string, cid: number) =>
    sql<{
      week: string;
      n: number;
    }>`select to_char(date_trunc('week', ${sql.ref(column)} at time zone 'Asia/Shanghai'), 'IYYY-"W"IW') as week, count(*)::int as n
      from tickets where community_id = ${cid} and ${sql.ref(column)} >= ${p.from} and ${sql.ref(column)} < ${p.to} group by 1`.execute(db);
  const overdue = (cid: number) =>
    sql<{ code: string }>`select code from tickets where community_id = ${cid} and status in ('submitted', 'accepted', 'assigned', 'in_progress', 'escalated')
      and (resolution_due_at < ${now} or (first_response_at is null and response_due_at < ${now})) order by resolution_due_at, id limit 50`.execute(db);
  return {
    rates: new Map(rates.map((r) => [r.community_id!, r])),
    async community(cid: number) {
      const r = rates.find((x) => x.community_id === cid);
      const weeks = new Map<string, { week: string; created: number; resolved: number }>();
      for (const w of (await week('created_at', cid)).rows) weeks.set(w.week, { week: w.week, created: w.n, resolved: 0 });
      for (const w of (await week('resolved_at', cid)).rows) weeks.set(w.week, { week: w.week, created: weeks.get(w.week)?.created ?? 0, resolved: w.n });
      return {
        total: r?.total ?? 0,
        responseRate: rate(r?.responded_in_time ?? 0, r?.response_due ?? 0),
        resolutionRate: rate(r?.resolved_confirmed ?? 0, r?.resolvable ?? 0),
        satisfactionRate: rate(r?.satisfied ?? 0, r?.rated ?? 0),
        byStatus: await by(cid, 'status'),
        byChannel: await by(cid, 'channel'),
        byCategory: await by(cid, 'category_id'),
        byCompound: await by(cid, 'compound_id'),
        weekly: [...weeks.values()].sort((a, b) => a.week.localeCompare(b.week)),
        overdue: (await overdue(cid)).rows.map((r) => r.code),
      };
    },
  };
}

describe('dashboard: the roll-up answers what a scan of tickets answers', () => {
  let env: TestEnv;
  let actor: Actor;
  let cid: number;
  let sibling: number;
  let admin: Actor;

  const keyed = (rows: Array<{ key: string; count: number }>) => rows.map(({ key, count }) => ({ key, count })).sort((a, b) => a.key.localeCompare(b.key));
  /** Every figure of both dashboards, for the default period and a fixed one, against the live scan. */
  async function expectSameAsLive(fixed: { from: string; to: string }) {
    for (const q of [{}, fixed]) {
      const now = new Date();
      const p = periodOf((q as { from?: string }).from, (q as { to?: string }).to, now);
      const live = await liveReference(env.ctx.db, [cid, sibling], p, now);
      const d = await communityDashboard(env.ctx, actor, { communityId: cid, ...q });
      // toEqual reads an undefined property as absent: the period's text is checked elsewhere.
      expect({
        ...d,
        from: undefined,
        to: undefined,
        // Other modules' counts (wishes, partners, care, meetings, party, duty, points, projects, activities, venues, volunteers) are not the tickets'
        // roll-up: their own tests check them.
        wishes: undefined,
        partners: undefined,
        care: undefined,
        activities: undefined,
        meetings: undefined,
        party: undefined,
        duty: undefined,
        points: undefined,
        projects: undefined,
        venues: undefined,
        volunteers: undefined,
        byStatus: keyed(d.byStatus),
        byChannel: keyed(d.byChannel),
        byCategory: keyed(d.byCategory),
        byCompound: keyed(d.byCompound),
        overdue: d.overdue.map((o) => o.code),
      }).toEqual(await live.community(cid));
      const s = await subdistrictDashboard(env.ctx, admin, q);
      for (const c of s.communities) {
        const r = live.rates.get(c.communityId);
        expect(c).toMatchObject({
          total: r?.total ?? 0,
          overdue: r?.overdue ?? 0,
          responseRate: rate(r?.responded_in_time ?? 0, r?.response_due ?? 0),
          resolutionRate: rate(r?.resolved_confirmed ?? 0, r?.resolvable ?? 0),
          satisfactionRate: rate(r?.satisfied ?? 0, r?.rated ?? 0),
        });
      }
    }
  }

  beforeAll(async () => {
    env = await createTestEnv();
    const sec = await actorIn(env, 'secretary');
    cid = sec.community.id;
    sibling = (await buildCommunity(env.ctx, { subdistrictId: sec.community.subdistrictId })).id;
    actor = {
      accountId: sec.account.id,
      role: 'secretary',
      displayName: 'sec',
      communityId: cid,
      subdistrictId: null,
      scope: [cid],
      requestId: null,
      locale: 'zh-CN',
    };
    const sub = await buildAccount(env.ctx, { role: 'subdistrict_admin', subdistrictId: sec.community.subdistrictId });
    admin = {
      accountId: sub.id,
      role: 'subdistrict_admin',
      displayName: 'sub',
      communityId: null,
      subdistrictId: sec.community.subdistrictId,
      scope: [cid, sibling],
      requestId: null,
      locale: 'zh-CN',
    };
  });
  afterAll(async () => env.close());

  it('through intake, every transition, reopen, merge, the unrated close, back-dating, bulk writes and deletes', async () => {
    const db = env.ctx.db;
    const cats = await ensureCategories(env.ctx, trustedCommunityId(cid));
    const compound = await db
      .insertInto('compounds')
      .values({ community_id: cid, grid_id: null, name: '晴岚家园', address: null, archived_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const today = beijingDate(new Date());
    const fixed = { from: beijingDate(Date.now() - 20 * DAY), to: today };
    const channels = ['walk_in', 'phone', 'online', 'meeting'] as const;
    const ids: number[] = [];
    for (let i = 0; i < 12; i++) {
      const t = await createTicket(env.ctx, actor, {
        channel: channels[i % channels.length]!,
        categoryId: cats[i % 3]!.id,
        title: `诉求${i}`,
        description: `第${i}件`,
        isAnonymous: false,
        compoundId: i % 2 ? compound.id : null,
        answerOnSpot: i === 11 ? '当场答复' : null,
      });
      ids.push(t.id);
    }
    await expectSameAsLive(fixed);

    const act = (i: number, action: TicketAction, input: TransitionInput = {}) => actOnTicket(env.ctx, actor, ids[i]!, action, input);
    const work = async (i: number) => {
      await act(i, 'assign', { assigneeKind: 'account', assigneeId: actor.accountId, note: '请处理' });
      await act(i, 'start');
      await act(i, 'resolve', { note: '已处理' });
    };
    for (const i of [0, 1, 2, 3, 4, 5, 6]) await act(i, 'accept');
    for (const i of [0, 1, 2, 3, 4]) await work(i);
    await act(0, 'rate', { rating: 'satisfied' });
    await act(1, 'rate', { rating: 'dissatisfied' }); // sent back: assigned again, resolved_at cleared
    await work(1);
    await act(1, 'rate', { rating: 'basically_satisfied' });
    await act(2, 'reopen', { note: '回访不满意' });
    await work(2);
    await act(2, 'reopen', { note: '仍不满意' });
    await work(2);
    await act(2, 'reopen', { note: '第三次' }); // past the limit: closed as dissatisfied
    await act(3, 'close', { note: '回访确认' });
    await act(5, 'assign', { assigneeKind: 'account', assigneeId: actor.accountId, note: '请处理' });
    await act(5, 'start');
    const partner = await db
      .insertInto('partners')
      .values({
        community_id: cid,
        name: '物业',
        kind: 'property_company',
        contact_name: null,
        contact_phone_enc: null,
        contact_phone_masked: null,
        address: null,
        description: null,
        joined_on: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await act(5, 'escalate', { partnerId: partner.id, note: '上报' });
    await act(5, 'respond', { note: '部门已回复' });
    await act(6, 'merge', { mergeIntoId: ids[7]! });
    await act(8, 'reject', { note: '不属于受理范围' });
    await act(9, 'merge', { mergeIntoId: ids[5]! });
    await expectSameAsLive(fixed);
    // Folded or not, the figures are the same.
    expect(await ticketRollup.foldRollup(db)).toBeGreaterThan(0);
    expect(
      (
        await db
          .selectFrom('ticket_count_deltas')
          .select(sql<number>`count(*)::int`.as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ).toBe(0);
    await expectSameAsLive(fixed);

    // Resolved (4, and 11 answered on the spot) and left unrated: the job closes them, never as satisfied.
    expect(await closeUnratedTickets(env.ctx, new Date(Date.now() + 30 * DAY))).toBe(2);
    await expectSameAsLive(fixed);

    // Back-dating moves tickets between days, weeks and in or out of both periods; deadlines pass, so the clock matters.
    const shift = (days: number) => sql`- make_interval(days => ${days})`;
    await db
      .updateTable('tickets')
      .set({
        created_at: sql`created_at ${shift(10)}`,
        response_due_at: sql`response_due_at ${shift(10)}`,
        resolution_due_at: sql`resolution_due_at ${shift(10)}`,
        resolved_at: sql`resolved_at ${shift(3)}`,
      })
      .where('id', 'in', [ids[0]!, ids[7]!, ids[10]!])
      .execute();
    await db
      .updateTable('tickets')
      .set({ created_at: sql`created_at ${shift(400)}`, response_due_at: sql`response_due_at ${shift(400)}` })
      .where('id', '=', ids[5]!)
      .execute();
    await db
      .updateTable('tickets')
      .set({ community_id: sibling, category_id: (await ensureCategories(env.ctx, trustedCommunityId(sibling)))[0]!.id, compound_id: null })
      .where('id', '=', ids[1]!)
      .execute();
    await expectSameAsLive(fixed);
    expect((await communityDashboard(env.ctx, actor, {})).overdue.map((o) => o.code)).toContain((await getTicket(env.ctx, actor, ids[10]!)).code);

    // A bulk insert straight into the table (imports, the bench), then a delete of some of it.
    const base = {
      title: 't',
      description: 'd',
      building_id: null,
      address_text: null,
      reporter_resident_id: null,
      reporter_name: null,
      reporter_phone_enc: null,
      reporter_phone_masked: null,
      reporter_phone_hash: null,
      meeting_title: null,
      assignee_kind: null,
      assignee_id: null,
      escalated_to_partner_id: null,
      escalation_due_at: null,
      close_reason: null,
      merged_into_id: null,
      rating: null,
      rating_comment: null,
      rated_at: null,
      result_text: null,
      created_by: null,
    };
    const siblingCats = await ensureCategories(env.ctx, trustedCommunityId(sibling));
    const bulk = await db
      .insertInto('tickets')
      .values(
        Array.from({ length: 40 }, (_, k) => {
          const created = new Date(Date.now() - k * 9 * 3600_000);
          return {
            ...base,
            community_id: k % 4 ? cid : sibling,
            code: `B${k}`,
            channel: channels[k % 4]!,
            category_id: (k % 4 ? cats : siblingCats)[k % 5]!.id,
            compound_id: k % 4 && k % 3 ? compound.id : null,
            status: k % 5 ? 'closed' : 'submitted',
            created_at: created,
            response_due_at: new Date(created.getTime() + 2 * 3600_000),
            resolution_due_at: new Date(created.getTime() + 48 * 3600_000),
            first_response_at: k % 5 ? new Date(created.getTime() + (k % 3) * 3600_000) : null,
            resolved_at: k % 5 ? new Date(created.getTime() + 30 * 3600_000) : null,
            closed_at: k % 5 ? new Date(created.getTime() + 40 * 3600_000) : null,
            close_reason: k % 5 ? 'rated' : null,
            rating: k % 5 ? (['satisfied', 'dissatisfied', 'basically_satisfied'] as const)[k % 3]! : null,
          };
        }),
      )
      .returning('id')
      .execute();
    await expectSameAsLive(fixed);
    await db
      .deleteFrom('tickets')
      .where(
        'id',
        'in',
        bulk.filter((_, k) => k % 2 === 0).map((r) => r.id),
      )
      .execute();
    await expectSameAsLive(fixed);

    await ticketRollup.foldRollup(db);
    await expectSameAsLive(fixed);
    // Nothing left behind: every roll-up row still counts something, and the deadline watch holds exactly the open or unanswered.
    const empty = await db
      .selectFrom('ticket_daily_counts')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('n', '<=', 0)
      .executeTakeFirstOrThrow();
    expect(empty.n).toBe(0);
    const watched = await sql<{ id: number }>`select id from tickets where status in ('submitted', 'accepted', 'assigned', 'in_progress', 'escalated')
      or (first_response_at is null and status <> 'merged') order by id`.execute(db);
    expect((await db.selectFrom('ticket_deadlines').select('ticket_id').orderBy('ticket_id').execute()).map((r) => r.ticket_id)).toEqual(
      watched.rows.map((r) => r.id),
    );
    expect(watched.rows.length).toBeGreaterThan(5);
  });
});
