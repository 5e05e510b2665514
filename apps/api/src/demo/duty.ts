import type { AppContext } from '../platform/context.js';
import type { Actor } from '../platform/access/actor.js';
import { trustedCommunityId } from '../platform/access/trusted-scope.js';
import { dutyRoster } from '../modules/people/index.js';
import { between, prng } from './prng.js';

const DAY = 86_400_000;
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const beijingDay = (t: Date) => new Date(t.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const weekdayOf = (day: string) => ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

/** The posts kept on duty, and the squads added to the three 金港城 already has (demo/communities.ts). */
const newPosts = [
  { name: '金港城一期党员阵地', address: '金港城一期3号楼东侧' },
  { name: '东门便民服务阵地', address: '金港城东门岗亭旁' },
  { name: '社区广场党员阵地', address: '金港城社区广场北侧' },
];
const newSquads = ['第四编组·在职党员', '第五编组·楼栋长', '第六编组·巾帼志愿', '第七编组·青年突击', '第八编组·老兵调解'];

/**
 * 金港城's party posts (阵地) kept on duty by its squads (issue 10, ADR 0044): the story's 16 squads of 160-odd people
 * retold as 4 posts and 8 squads of three. Weekly templates (a morning shift at each post, an afternoon one at the
 * 金海花园 post), shifts generated from three weeks back to next week, check-ins and hours for the past ones by the two
 * people with a login (志愿者小博, 孙网格), one swap asked, accepted and approved, and tomorrow's shift at the square
 * short of one person and flagged. Built through the duty use cases, so every step has its history and audit row.
 */
export async function seedDuty(ctx: AppContext, now = new Date()): Promise<{ shifts: number; checkIns: number }> {
  const rand = prng(4_410);
  const jgc = await ctx.db.selectFrom('communities').select(['id', 'subdistrict_id']).where('code', '=', 'LZ-QLH-DHL-JGC').executeTakeFirst();
  if (!jgc) return { shifts: 0, checkIns: 0 };
  const cid = trustedCommunityId(jgc.id);
  const account = (username: string) =>
    ctx.db.selectFrom('accounts').select(['id', 'role', 'display_name']).where('username', '=', username).executeTakeFirstOrThrow();
  const actorOf = (a: { id: number; role: string; display_name: string }): Actor => ({
    accountId: a.id,
    role: a.role as Actor['role'],
    displayName: a.display_name,
    communityId: jgc.id,
    subdistrictId: jgc.subdistrict_id,
    scope: [jgc.id],
    requestId: null,
    locale: 'zh-CN',
  });
  const sec = actorOf(await account('jgc_shuji'));
  const bo = actorOf(await account('jgc_zhiyuan'));
  const sun = actorOf(await account('jgc_wangge'));

  // Posts and squads (people's tables, written as demo/seed.ts writes them).
  for (const p of newPosts)
    await ctx.db
      .insertInto('stations')
      .values({
        community_id: cid,
        compound_id: null,
        name: p.name,
        kind: 'party_post',
        address: p.address,
        opening_hours: '每天 8:30–12:00',
        phone: null,
        description: '编组轮流值守',
      })
      .execute();
  const posts = await ctx.db
    .selectFrom('stations')
    .select(['id', 'name'])
    .where('community_id', '=', cid)
    .where('kind', '=', 'party_post')
    .orderBy('id')
    .execute();
  const residents = await ctx.db.selectFrom('residents').select('id').where('community_id', '=', cid).orderBy('id').limit(400).execute();
  const used = new Set((await ctx.db.selectFrom('team_members').select('resident_id').where('community_id', '=', cid).execute()).map((m) => m.resident_id));
  for (const name of newSquads) {
    const team = await ctx.db
      .insertInto('teams')
      .values({ community_id: cid, name, kind: 'squad', description: '轮流到小区党员阵地值守' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const members: number[] = [];
    while (members.length < 3) {
      const r = residents[between(rand, 0, residents.length - 1)]!.id;
      if (used.has(r)) continue;
      used.add(r);
      members.push(r);
    }
    await ctx.db
      .insertInto('team_members')
      .values(members.map((rid, i) => ({ community_id: cid, team_id: team.id, resident_id: rid, is_leader: i === 0 })))
      .execute();
  }
  const squads = await ctx.db.selectFrom('teams').select('id').where('community_id', '=', cid).where('kind', '=', 'squad').orderBy('id').execute();

  // Templates: each post's morning, every day, its squad rotating; 金海花园's afternoon with the two who log in.
  for (const [pi, post] of posts.entries())
    for (let weekday = 1; weekday <= 7; weekday++) {
      const squad = squads[(pi * 2 + weekday) % squads.length]!;
      await dutyRoster.createShiftTemplate(ctx, sec, {
        stationId: post.id,
        weekday,
        startsAt: '08:30',
        endsAt: '12:00',
        headcount: 3,
        teamId: squad.id,
        accountIds: [],
      });
      if (pi === 0)
        await dutyRoster.createShiftTemplate(ctx, sec, {
          stationId: post.id,
          weekday,
          startsAt: '14:00',
          endsAt: '17:30',
          headcount: weekday % 2 ? 2 : 1,
          teamId: null,
          accountIds: weekday % 2 ? [bo.accountId, sun.accountId] : [sun.accountId],
        });
    }
  const today = beijingDay(now);
  const monday = addDays(today, 1 - weekdayOf(today));
  const from = addDays(monday, -21);
  const to = addDays(monday, 13);
  const made = await dutyRoster.generateShifts(ctx, sec, { from, to });

  // The past: those with a login checked in a few minutes early and out on time (one in eight missed).
  const mine = await ctx.db
    .selectFrom('shift_assignments as a')
    .innerJoin('shifts as s', 's.id', 'a.shift_id')
    .select(['s.id', 's.starts_at', 's.ends_at', 'a.account_id'])
    .where('a.community_id', '=', cid)
    .where('a.account_id', 'in', [bo.accountId, sun.accountId])
    .where('s.ends_at', '<', now)
    .orderBy('s.starts_at')
    .orderBy('a.id')
    .execute();
  let checkIns = 0;
  for (const a of mine) {
    if (rand() < 0.125) continue;
    const who = a.account_id === bo.accountId ? bo : sun;
    await dutyRoster.checkIn(ctx, who, a.id, new Date(a.starts_at.getTime() - between(rand, 2, 20) * 60_000));
    await dutyRoster.checkOut(ctx, who, a.id, new Date(a.ends_at.getTime() - between(rand, 0, 10) * 60_000));
    checkIns++;
  }

  // A swap: 小博 has an exam next week; 冯阿姨 (a building head) takes his first shift over, the secretary approves.
  const nextOfBo = await ctx.db
    .selectFrom('shift_assignments as a')
    .innerJoin('shifts as s', 's.id', 'a.shift_id')
    .select('s.id')
    .where('a.community_id', '=', cid)
    .where('a.account_id', '=', bo.accountId)
    .where('a.removed_at', 'is', null)
    .where('s.day', '>=', addDays(monday, 7))
    .orderBy('s.starts_at')
    .executeTakeFirst();
  if (nextOfBo) {
    const feng = actorOf(await account('jgc_louzhang'));
    const swap = await dutyRoster.askSwap(ctx, bo, { shiftId: nextOfBo.id, toAccountId: feng.accountId, reason: '下周学校期末考试' });
    await dutyRoster.actOnSwap(ctx, feng, swap.id, 'accept', { note: '我来顶' });
    await dutyRoster.actOnSwap(ctx, sec, swap.id, 'approve', { note: '同意，冯阿姨熟悉阵地' });
  }

  // The square's next shift from tomorrow (the post is not kept every day): one of the squad is away, the shift is
  // short, and flagged a day ahead when it is tomorrow's.
  const square = posts.find((p) => p.name === '社区广场党员阵地');
  const tomorrow = addDays(today, 1);
  const next = square
    ? await ctx.db
        .selectFrom('shifts')
        .select(['id', 'headcount'])
        .where('community_id', '=', cid)
        .where('station_id', '=', square.id)
        .where('day', '>=', tomorrow)
        .orderBy('starts_at')
        .executeTakeFirst()
    : undefined;
  if (next) {
    // Some squads are larger than the post needs: those away leave it one short.
    const on = await ctx.db
      .selectFrom('shift_assignments')
      .select('id')
      .where('shift_id', '=', next.id)
      .where('removed_at', 'is', null)
      .orderBy('id', 'desc')
      .execute();
    for (const a of on.slice(0, Math.max(0, on.length - next.headcount + 1)))
      await dutyRoster.removeFromShift(ctx, sec, next.id, a.id, { reason: '编组成员外出参加培训' });
  }
  await dutyRoster.flagUncoveredShifts(ctx, now);
  return { shifts: made.created, checkIns };
}
