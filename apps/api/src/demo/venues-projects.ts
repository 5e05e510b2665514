import type { Transaction } from 'kysely';
import type { AppContext } from '../platform/context.js';
import type { DB } from '../platform/db/schema.js';
import { trustedCommunityId } from '../platform/access/trusted-scope.js';
import { beijingDate } from '../platform/time.js';
import { maskPhone } from '../platform/crypto/pii.js';
import { prng, between, pick, type Rand } from './prng.js';
import { seedClaimingEvent, seedXiaoxiping } from './projects.js';

const DAY = 86_400_000;
export type Trx = Transaction<DB>;
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const weekdayOf = (day: string) => ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);
const everyDay = (opens: string, closes: string, days = [1, 2, 3, 4, 5, 6, 7]) => JSON.stringify(days.map((weekday) => ({ weekday, opens, closes })));

/**
 * 场地预约 and 为民办实事 in our own words and numbers (issue 11, ADR 0047):
 * - 凌霄's 社区公社 opened ten weeks ago with a rehearsal hall, a calligraphy room and a multi-purpose hall; its six
 *   arts teams, who had no room before, hold a weekly slot each, and a partner and a resident book now and then;
 * - 小西坪 tracks its 为民办实事: the water mains of 铁建丽苑 replaced (completed, rated by residents), the 爸妈食堂 under
 *   way with its milestones, and the stairwell lights approved and waiting for a unit;
 * - 凌霄's 民生项目认领会, where partners and a department claim this year's projects.
 */
export async function seedVenuesProjects(ctx: AppContext, now = new Date()): Promise<{ bookings: number; projects: number }> {
  let bookings = 0;
  let projects = 0;
  await ctx.db.transaction().execute(async (trx) => {
    const lx = await communityByCode(trx, 'NB-BL-XQ-LX');
    if (lx) bookings = await seedCommune(ctx, trx, lx, now, prng(4_711));
    const xxp = await communityByCode(trx, 'LZ-QLH-XZ-XXP');
    if (xxp) projects += await seedXiaoxiping(ctx, trx, xxp, now);
    if (lx) projects += await seedClaimingEvent(ctx, trx, lx, now);
  });
  return { bookings, projects };
}

async function communityByCode(trx: Trx, code: string) {
  const c = await trx.selectFrom('communities').select('id').where('code', '=', code).executeTakeFirst();
  if (!c) return null;
  const cid = trustedCommunityId(c.id);
  const staff = await trx.selectFrom('accounts').select('id').where('community_id', '=', cid).where('role', '=', 'social_worker').executeTakeFirst();
  const secretary = await trx.selectFrom('accounts').select('id').where('community_id', '=', cid).where('role', '=', 'secretary').executeTakeFirst();
  return { cid, staffId: staff?.id ?? secretary?.id ?? null, secretaryId: secretary?.id ?? staff?.id ?? null };
}
export type Community = NonNullable<Awaited<ReturnType<typeof communityByCode>>>;

const artsTeams = [
  {
    name: '凌霄舞蹈队',
    description: '广场舞、民族舞，节日汇演',
    slots: [
      { venue: 0, weekday: 1, from: '19:00', to: '20:30' },
      { venue: 0, weekday: 4, from: '19:00', to: '20:30' },
    ],
  },
  { name: '凌霄合唱团', description: '红歌和老歌合唱', slots: [{ venue: 0, weekday: 2, from: '14:30', to: '16:30' }] },
  { name: '越剧社', description: '越剧票友，每周排一折戏', slots: [{ venue: 0, weekday: 3, from: '09:00', to: '11:00' }] },
  { name: '腰鼓队', description: '安塞腰鼓，天冷时在室内练', slots: [{ venue: 0, weekday: 5, from: '08:30', to: '10:00' }] },
  { name: '旗袍走秀队', description: '旗袍秀，参加街道文艺汇演', slots: [{ venue: 0, weekday: 6, from: '15:00', to: '17:00' }] },
  {
    name: '书画社',
    description: '书法、国画，给老人写春联',
    slots: [
      { venue: 1, weekday: 2, from: '09:00', to: '11:30' },
      { venue: 1, weekday: 5, from: '14:00', to: '16:30' },
    ],
  },
] as const;
const purposes: Record<string, string> = {
  凌霄舞蹈队: '舞蹈排练',
  凌霄合唱团: '合唱排练',
  越剧社: '越剧排练',
  腰鼓队: '腰鼓训练',
  旗袍走秀队: '走秀排练',
  书画社: '书画练习',
};

async function seedCommune(ctx: AppContext, trx: Trx, c: Community, now: Date, rand: Rand): Promise<number> {
  const today = beijingDate(now);
  const opened = addDays(today, -(weekdayOf(today) - 1) - 70); // a Monday ten weeks ago
  const station = await trx
    .insertInto('stations')
    .values({
      community_id: c.cid,
      compound_id: null,
      name: '凌霄社区公社',
      kind: 'commune',
      address: '凌霄社区服务中心二楼',
      opening_hours: '每天 8:30–21:00',
      description: `${opened} 开放，排练厅、书画室、多功能厅供队伍、共建单位和居民预约`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const venueRows = [
    {
      name: '社区公社排练厅',
      kind: 'hall',
      capacity: 40,
      location: '服务中心二楼东侧',
      hours: everyDay('08:30', '21:00'),
      by: ['team', 'partner', 'resident'],
    },
    {
      name: '社区公社书画室',
      kind: 'room',
      capacity: 20,
      location: '服务中心二楼西侧',
      hours: everyDay('08:30', '20:00', [1, 2, 3, 4, 5, 6]),
      by: ['team', 'resident'],
    },
    { name: '社区公社多功能厅', kind: 'hall', capacity: 80, location: '服务中心二楼中厅', hours: everyDay('09:00', '21:00'), by: ['team', 'partner'] },
  ];
  const venueIds: number[] = [];
  for (const v of venueRows) {
    const row = await trx
      .insertInto('venues')
      .values({
        community_id: c.cid,
        station_id: station.id,
        name: v.name,
        kind: v.kind,
        location: v.location,
        capacity: v.capacity,
        opening_hours: v.hours,
        bookable_by: v.by,
        needs_approval: true,
        description: '队伍按周排班使用，用后请关灯、归位桌椅',
        created_by: c.staffId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    venueIds.push(row.id);
  }
  let n = 0;
  const book = async (b: {
    venue: number;
    startsAt: Date;
    endsAt: Date;
    purpose: string;
    kind: 'team' | 'partner' | 'resident';
    teamId?: number;
    partnerId?: number;
    contact?: { name: string; phone: string };
    status: 'requested' | 'approved' | 'cancelled';
    noShow?: boolean;
    attendees?: number;
  }) => {
    const phone = b.contact ? ctx.pii.seal(b.contact.phone, maskPhone) : null;
    const decided = b.status !== 'requested';
    const row = await trx
      .insertInto('venue_bookings')
      .values({
        community_id: c.cid,
        venue_id: venueIds[b.venue]!,
        starts_at: b.startsAt,
        ends_at: b.endsAt,
        purpose: b.purpose,
        booker_kind: b.kind,
        team_id: b.teamId ?? null,
        partner_id: b.partnerId ?? null,
        contact_name: b.contact?.name ?? null,
        contact_phone_enc: phone?.enc ?? null,
        contact_phone_masked: phone?.masked ?? null,
        attendees: b.attendees ?? null,
        channel: b.kind === 'resident' ? 'h5' : 'console',
        status: b.status,
        no_show: b.noShow ?? false,
        booked_by: b.kind === 'resident' ? null : c.staffId,
        decided_by: decided ? c.staffId : null,
        decided_at: decided ? new Date(b.startsAt.getTime() - 5 * DAY) : null,
        created_at: new Date(b.startsAt.getTime() - 6 * DAY),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const events: Array<{ action: string; from: string | null; to: string }> = [{ action: 'requested', from: null, to: 'requested' }];
    if (b.status !== 'requested') events.push({ action: 'approved', from: 'requested', to: 'approved' });
    if (b.status === 'cancelled') events.push({ action: 'cancelled', from: 'approved', to: 'cancelled' });
    if (b.noShow) events.push({ action: 'no_show', from: 'approved', to: 'approved' });
    await trx
      .insertInto('venue_booking_events')
      .values(
        events.map((e) => ({
          community_id: c.cid,
          booking_id: row.id,
          action: e.action,
          from_status: e.from,
          to_status: e.to,
          actor_id: e.action === 'requested' && b.kind === 'resident' ? null : c.staffId,
          note: null,
        })),
      )
      .execute();
    n++;
  };
  // The six arts teams, and their weekly slots from the week the 社区公社 opened to three weeks ahead.
  for (const team of artsTeams) {
    const t = await trx
      .insertInto('teams')
      .values({ community_id: c.cid, name: team.name, kind: 'arts', description: team.description })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (let week = 0; week < 14; week++) {
      for (const s of team.slots) {
        const day = addDays(opened, week * 7 + s.weekday - 1);
        const startsAt = at(day, s.from);
        const past = startsAt.getTime() < now.getTime();
        // The next week's slots not yet approved (the social worker approves on Fridays); one in twenty-five missed.
        const status = day > addDays(today, 7) && rand() < 0.5 ? 'requested' : week === 5 && s.weekday === 6 ? 'cancelled' : 'approved';
        await book({
          venue: s.venue,
          startsAt,
          endsAt: at(day, s.to),
          purpose: purposes[team.name]!,
          kind: 'team',
          teamId: t.id,
          status,
          noShow: past && status === 'approved' && rand() < 0.04,
          attendees: between(rand, 12, 30),
        });
      }
    }
  }
  // A partner's monthly health lecture in the multi-purpose hall, and residents' occasional requests for the book room.
  const hospital = await trx.selectFrom('partners').select('id').where('community_id', '=', c.cid).where('name', '=', '北仑区人民医院').executeTakeFirst();
  if (hospital) {
    for (let month = 0; month < 3; month++) {
      const day = addDays(opened, month * 28 + 9); // a Wednesday
      await book({
        venue: 2,
        startsAt: at(day, '14:00'),
        endsAt: at(day, '16:00'),
        purpose: '高龄老人健康讲座',
        kind: 'partner',
        partnerId: hospital.id,
        status: 'approved',
        attendees: 60,
      });
    }
  }
  const residents = ['林阿姨', '张先生', '周女士'];
  for (const [i, name] of residents.entries()) {
    const day = addDays(today, 2 + i * 3);
    const wd = weekdayOf(day);
    if (wd === 7) continue; // the book room is closed on Sundays
    await book({
      venue: 1,
      startsAt: at(day, '18:00'),
      endsAt: at(day, '19:30'),
      purpose: pick(rand, ['家庭读书会', '孩子书法兴趣小组', '楼栋邻里茶话会']),
      kind: 'resident',
      contact: { name, phone: `1390574${String(1000 + i * 37)}` },
      status: i === 0 ? 'approved' : 'requested',
      attendees: between(rand, 5, 12),
    });
  }
  return n;
}
