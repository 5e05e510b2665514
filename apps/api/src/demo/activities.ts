import crypto from 'node:crypto';
import zlib from 'node:zlib';
import type { Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import type { AppContext } from '../platform/context.js';
import { writeAudit } from '../platform/audit/audit.js';
import { maskPhone } from '../platform/crypto/pii.js';
import { trustedCommunityId } from '../platform/access/trusted-scope.js';
import { activityDemoSupport } from '../modules/activities/index.js';
import { ensureVolunteer, recordServiceHours } from '../modules/volunteers/index.js';
import { between, pick, prng, type Rand } from './prng.js';
import { givenName, surname } from './names.js';
import { PNG_SIGNATURE, pngChunk } from './png.js';

// Activities (ADR 0048), retold in our own words from the reports. 凌霄's 红领驿站 has something on almost every day:
// weekly 书法 and 合唱 by its arts teams, a health talk by the district hospital, 亲子悦读 on Saturdays and 太极 on
// Sunday mornings — four weeks back (held, with attendance) and four weeks ahead (open for sign-up, the popular ones
// with a waiting list). 小西坪 runs a fire drill (held, reported with a photo) and a lift-rescue drill (coming) with
// 蓝天救援队, and 徐婕瑜伽's weekly class at the party post. Volunteers serving at a few held ones are credited hours.
// Dates are relative to the day the demo is loaded; everything but the private links' keys is deterministic.

const DAY = 86_400_000;
const WEEKS = 4;

type Organiser = { kind: 'staff' } | { kind: 'team'; name: string } | { kind: 'partner'; name: string };
interface Series {
  title: string;
  kind: 'lecture' | 'arts' | 'drill' | 'fitness' | 'other';
  organiser: Organiser;
  /** 1 = Monday … 7 = Sunday. */
  weekdays: number[];
  time: string;
  minutes: number;
  capacity: number | null;
  place: string;
  description: string;
  /** Share of seats taken, roughly (above 1: a waiting list). */
  demand: number;
  /** One-off activities: days from now instead of weekdays. */
  onDay?: number;
  report?: string;
  photo?: boolean;
  volunteers?: number;
}

const lxTeams = [
  { name: '凌霄翰墨书法社', description: '每周一、四上午在红领驿站练字，义写春联' },
  { name: '红领合唱团', description: '每周二、五下午排练，社区晚会的常客' },
  { name: '凌霄太极队', description: '周日清晨在驿站门前空地打太极' },
];

const lxSeries: Series[] = [
  {
    title: '书法练习',
    kind: 'arts',
    organiser: { kind: 'team', name: '凌霄翰墨书法社' },
    weekdays: [1, 4],
    time: '09:30',
    minutes: 90,
    capacity: 20,
    place: '凌霄红领驿站 书画室',
    description: '笔墨纸砚驿站提供，零基础也可以来，老师手把手教楷书。',
    demand: 0.9,
    volunteers: 1,
  },
  {
    title: '合唱排练',
    kind: 'arts',
    organiser: { kind: 'team', name: '红领合唱团' },
    weekdays: [2, 5],
    time: '15:00',
    minutes: 90,
    capacity: 30,
    place: '凌霄红领驿站 多功能厅',
    description: '排练新年晚会曲目《我和我的祖国》，欢迎爱唱歌的居民加入。',
    demand: 0.8,
  },
  {
    title: '健康讲座',
    kind: 'lecture',
    organiser: { kind: 'partner', name: '北仑区人民医院' },
    weekdays: [3],
    time: '09:00',
    minutes: 90,
    capacity: 40,
    place: '凌霄红领驿站 多功能厅',
    description: '医院专家轮流主讲：高血压、糖尿病、冬季防跌倒，讲座后免费量血压。',
    demand: 1.15,
    volunteers: 2,
    report: '讲座约一个半小时，医生讲了冬季防跌倒和高血压用药，会后为 36 位老人量了血压，两位血压偏高的已请家庭医生跟进。',
    photo: true,
  },
  {
    title: '亲子悦读',
    kind: 'other',
    organiser: { kind: 'staff' },
    weekdays: [6],
    time: '10:00',
    minutes: 90,
    capacity: 15,
    place: '凌霄红领驿站 阅览角',
    description: '社工带孩子和家长一起读绘本、做手工，适合 4—10 岁。',
    demand: 1.3,
  },
  {
    title: '太极晨练',
    kind: 'fitness',
    organiser: { kind: 'team', name: '凌霄太极队' },
    weekdays: [7],
    time: '07:00',
    minutes: 60,
    capacity: null,
    place: '凌霄红领驿站 门前空地',
    description: '二十四式简化太极拳，队员带练，不用报名也可以直接来。',
    demand: 0.6,
  },
];

const xxpSeries: Series[] = [
  {
    title: '公益瑜伽课',
    kind: 'fitness',
    organiser: { kind: 'partner', name: '徐婕瑜伽' },
    weekdays: [3],
    time: '19:00',
    minutes: 90,
    capacity: 12,
    place: '铁建丽苑小区党员阵地 多功能厅',
    description: '徐婕瑜伽的老师每周三晚带课，瑜伽垫阵地有，穿宽松衣服来就行。',
    demand: 1.25,
  },
  {
    title: '消防安全演练',
    kind: 'drill',
    organiser: { kind: 'partner', name: '蓝天救援队' },
    weekdays: [],
    onDay: -17,
    time: '15:00',
    minutes: 90,
    capacity: 60,
    place: '铁建丽苑 3 号楼前广场',
    description: '模拟楼道起火：报警、疏散、灭火器和消防水带的使用。',
    demand: 0.9,
    volunteers: 2,
    report: '演练约 40 分钟，48 位居民参加。蓝天救援队演示了灭火器和消防水带的用法，十几位居民上手试了灭火器；疏散从报警到全部撤到广场用了 6 分钟。',
    photo: true,
  },
  {
    title: '电梯困人救援演练',
    kind: 'drill',
    organiser: { kind: 'partner', name: '蓝天救援队' },
    weekdays: [],
    onDay: 9,
    time: '10:00',
    minutes: 60,
    capacity: 40,
    place: '铁建丽苑 5 号楼电梯厅',
    description: '蓝天救援队和德盛和物业演示电梯困人时怎么求救、怎么等待救援。',
    demand: 0.55,
  },
];

/** Beijing date of a moment, and a moment at a Beijing wall time on that date. */
const bjDate = (t: number) => new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);
const atBeijing = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`);
const isoWeekday = (date: string) => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

/** The occurrences of a series: its weekdays from four weeks back to four weeks ahead, or its one day. */
function occurrencesOf(s: Series, now: Date): Array<{ startsAt: Date; endsAt: Date }> {
  const days = s.onDay !== undefined ? [s.onDay] : Array.from({ length: WEEKS * 14 }, (_, i) => i - WEEKS * 7);
  return days
    .map((d) => bjDate(now.getTime() + d * DAY))
    .filter((date) => s.onDay !== undefined || s.weekdays.includes(isoWeekday(date)))
    .map((date) => {
      const startsAt = atBeijing(date, s.time);
      return { startsAt, endsAt: new Date(startsAt.getTime() + s.minutes * 60_000) };
    });
}

/** A plain picture (sky, a red banner, the ground) standing in for a photo of the day: a valid 240×160 PNG. */
export function demoPhoto(tint: number): Buffer {
  const w = 240;
  const h = 160;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    const row = y * (w * 3 + 1);
    for (let x = 0; x < w; x++) {
      const banner = y > 30 && y < 55 && x > 40 && x < 200;
      const rgb = banner ? [200, 30, 40] : y < 100 ? [150 + tint, 200, 235] : [120, 110 + tint, 90];
      raw.set(rgb, row + 1 + x * 3);
    }
  }
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', ihdr), pngChunk('IDAT', zlib.deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0))]);
}

type Trx = Transaction<DB>;

async function seedCommunityActivities(ctx: AppContext, trx: Trx, code: string, series: Series[], rand: Rand, now: Date) {
  const community = await trx.selectFrom('communities').select('id').where('code', '=', code).executeTakeFirst();
  if (!community) return { activities: 0, signups: 0 };
  const cid = trustedCommunityId(community.id);
  const by = (await trx.selectFrom('accounts').select('id').where('community_id', '=', cid).where('role', '=', 'secretary').executeTakeFirst())?.id ?? null;
  const station = await trx.selectFrom('stations').select('id').where('community_id', '=', cid).orderBy('id').executeTakeFirst();
  const teams = new Map((await trx.selectFrom('teams').select(['id', 'name']).where('community_id', '=', cid).execute()).map((t) => [t.name, t.id]));
  const partners = new Map((await trx.selectFrom('partners').select(['id', 'name']).where('community_id', '=', cid).execute()).map((p) => [p.name, p.id]));
  // Volunteers to serve: the community's approved ones, or two residents made volunteers for it.
  let volunteerIds = (
    await trx.selectFrom('volunteers').select('id').where('community_id', '=', cid).where('status', '=', 'approved').orderBy('id').limit(4).execute()
  ).map((v) => v.id);
  if (volunteerIds.length < 2 && by) {
    const residents = await trx.selectFrom('residents').select(['id', 'name']).where('community_id', '=', cid).orderBy('id').limit(2).execute();
    for (const r of residents) volunteerIds.push(await ensureVolunteer(trx, cid, { residentId: r.id, name: r.name, by, origin: 'resident' }));
    volunteerIds = [...new Set(volunteerIds)];
  }
  let activities = 0;
  let signups = 0;
  let phoneSeq = 0;
  for (const [si, s] of series.entries()) {
    const organiserId = s.organiser.kind === 'team' ? teams.get(s.organiser.name) : s.organiser.kind === 'partner' ? partners.get(s.organiser.name) : undefined;
    const organiserKind = s.organiser.kind === 'staff' || organiserId === undefined ? 'staff' : s.organiser.kind;
    const organiserName = s.organiser.kind === 'staff' ? '社区居委会' : s.organiser.name;
    const occ = occurrencesOf(s, now);
    const rrule =
      s.onDay === undefined && occ.length > 1
        ? activityDemoSupport.weeklyRrule({ weekdays: s.weekdays, until: bjDate(occ[occ.length - 1]!.startsAt.getTime()) })
        : null;
    let seriesId: number | null = null;
    const held = occ.filter((o) => o.endsAt < now);
    const lastHeld = held[held.length - 1];
    for (const [oi, o] of occ.entries()) {
      const past = o.endsAt < now;
      const isReported = past && s.report !== undefined && o === lastHeld;
      const { id } = await trx
        .insertInto('activities')
        .values({
          community_id: cid,
          series_id: seriesId,
          rrule: oi === 0 ? rrule : null,
          title: s.title,
          kind: s.kind,
          description: s.description,
          organiser_kind: organiserKind,
          organiser_id: organiserKind === 'staff' ? null : (organiserId ?? null),
          organiser_name: organiserName,
          station_id: s.place.startsWith('凌霄红领驿站') || s.place.includes('党员阵地') ? (station?.id ?? null) : null,
          venue_id: null,
          place: s.place,
          starts_at: o.startsAt,
          ends_at: o.endsAt,
          capacity: s.capacity,
          signup_opens_at: new Date(o.startsAt.getTime() - 7 * DAY),
          signup_closes_at: null,
          audience: 'all',
          compound_id: null,
          is_public: true,
          status: isReported ? 'reported' : past ? 'held' : 'published',
          walk_in_count: past ? between(rand, 0, s.capacity === null ? 12 : 4) : 0,
          report: isReported ? s.report! : null,
          held_at: past ? o.endsAt : null,
          reported_at: isReported ? new Date(o.endsAt.getTime() + 3 * 3_600_000) : null,
          created_by: by,
          created_at: new Date(Math.min(o.startsAt.getTime() - 7 * DAY, now.getTime() - (WEEKS * 7 + 1) * DAY)),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (occ.length > 1 && seriesId === null) {
        seriesId = id;
        await trx.updateTable('activities').set({ series_id: id }).where('id', '=', id).execute();
      }
      activities++;
      // Far-off occurrences have fewer sign-ups yet; a series with no capacity takes sign-ups loosely.
      const ahead = Math.max(0, (o.startsAt.getTime() - now.getTime()) / DAY);
      const seats = s.capacity ?? 20;
      const wanted = Math.round(seats * s.demand * (ahead > 14 ? 0.4 : ahead > 7 ? 0.8 : 1) * (0.85 + rand() * 0.3));
      const rows = Array.from({ length: wanted }, (_, k) => {
        const female = rand() < 0.65;
        const name = surname(rand) + givenName(rand, between(rand, 1945, 2015), !female);
        const phone = `137${String(5_000_000 + si * 100_000 + (phoneSeq++ % 100_000)).padStart(8, '0')}`;
        const sealed = ctx.pii.seal(phone, maskPhone);
        const confirmed = s.capacity === null || k < s.capacity;
        const present = past && confirmed && rand() < 0.85;
        return {
          community_id: cid,
          activity_id: id,
          name,
          phone_enc: sealed.enc!,
          phone_masked: sealed.masked!,
          phone_hash: sealed.hash!,
          // The private link's key is random and never kept: nobody holds a demo sign-up's link.
          link_hash: activityDemoSupport.hashSignupKey(crypto.randomBytes(24).toString('base64url')),
          status: confirmed ? 'confirmed' : 'waitlisted',
          checked_in_at: present ? new Date(o.startsAt.getTime() + between(rand, -10, 10) * 60_000) : null,
          checkin_via: present ? pick(rand, ['code', 'code', 'organiser']) : null,
          created_at: new Date(o.startsAt.getTime() - between(rand, 1, 6) * DAY - k * 60_000),
        };
      });
      if (rows.length) await trx.insertInto('activity_signups').values(rows).execute();
      signups += rows.length;
      const events = [{ kind: 'published', at: new Date(o.startsAt.getTime() - 7 * DAY), note: null as string | null }];
      if (past) events.push({ kind: 'held', at: o.endsAt, note: null });
      // Volunteers serving at the last two held occurrences are credited their hours, recorded by the secretary.
      if (past && s.volunteers && by && held.slice(-2).includes(o)) {
        for (const volunteerId of volunteerIds.slice(0, s.volunteers)) {
          const { id: servingId } = await trx
            .insertInto('activity_volunteers')
            .values({ community_id: cid, activity_id: id, volunteer_id: volunteerId, started_at: null, ended_at: null, created_by: by })
            .returning('id')
            .executeTakeFirstOrThrow();
          const entryId = await recordServiceHours(trx, cid, {
            volunteerId,
            source: { kind: 'activity', id, title: s.title },
            startedAt: new Date(o.startsAt.getTime() - 30 * 60_000),
            endedAt: o.endsAt,
            recordedBy: by,
            note: pick(rand, ['签到引导、摆放桌椅', '维持秩序、搀扶老人', '拍照记录、收拾场地']),
          });
          await trx.updateTable('activity_volunteers').set({ hours_entry_id: entryId }).where('id', '=', servingId).execute();
        }
      }
      if (isReported && s.photo) {
        const [path] = await activityDemoSupport.storeActivityPhotos(ctx, cid, id, [{ ext: 'png', data: demoPhoto(si * 20) }]);
        await trx
          .updateTable('activities')
          .set({ photos: JSON.stringify([path]) })
          .where('id', '=', id)
          .execute();
        events.push({ kind: 'photos_added', at: new Date(o.endsAt.getTime() + 2 * 3_600_000), note: '1' });
      }
      if (isReported) events.push({ kind: 'reported', at: new Date(o.endsAt.getTime() + 3 * 3_600_000), note: null });
      await trx
        .insertInto('activity_events')
        .values(events.map((e) => ({ community_id: cid, activity_id: id, kind: e.kind, actor_id: by, signup_id: null, note: e.note, created_at: e.at })))
        .execute();
    }
  }
  await writeAudit(trx, null, { communityId: cid, action: 'demo.seeded', entityType: 'activity_calendar', entityId: cid, changes: { activities, signups } });
  return { activities, signups };
}

/** 凌霄's 红领驿站 calendar with its arts teams, 小西坪's drills and yoga (see the comment at the top). */
export async function seedActivities(ctx: AppContext, now: Date) {
  return ctx.db.transaction().execute(async (trx) => {
    const lx = await trx.selectFrom('communities').select('id').where('code', '=', 'NB-BL-XQ-LX').executeTakeFirst();
    if (lx)
      for (const t of lxTeams) await trx.insertInto('teams').values({ community_id: lx.id, name: t.name, kind: 'arts', description: t.description }).execute();
    const a = await seedCommunityActivities(ctx, trx, 'NB-BL-XQ-LX', lxSeries, prng(4801), now);
    const b = await seedCommunityActivities(ctx, trx, 'LZ-QLH-XZ-XXP', xxpSeries, prng(4802), now);
    return { activities: a.activities + b.activities, signups: a.signups + b.signups };
  });
}
