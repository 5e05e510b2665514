import type { Transaction } from 'kysely';
import type { AppContext } from '../platform/context.js';
import type { DB } from '../platform/db/schema.js';
import type { CommunityId } from '../platform/db/scope.js';
import { writeAudit } from '../platform/audit/audit.js';
import { maskIdCard, maskPhone } from '../platform/crypto/pii.js';
import { trustedCommunityId } from '../platform/access/trusted-scope.js';
import { recordServiceHours } from '../modules/volunteers/index.js';
import * as repo from '../modules/volunteers/volunteers.repository.js';
import * as refs from '../modules/volunteers/refs.repository.js';
import * as sessions from '../modules/volunteers/sessions.repository.js';
import { hashSessionCode } from '../modules/volunteers/hours.service.js';
import { between, pick, prng, type Rand } from './prng.js';

const DAY = 86_400_000;
const MIN = 60_000;

/** A resident ID card number with a right check digit (region, birth date, sequence). */
function idCard(region: string, birth: string, seq: number, male: boolean): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const body = `${region}${birth.replaceAll('-', '')}${String(seq % 100).padStart(2, '0')}${male ? (seq % 5) * 2 + 1 : (seq % 5) * 2}`;
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}
const phoneOf = (rand: Rand) => `1${pick(rand, ['38', '39', '59', '77', '86', '89', '35', '51'])}${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`;
const slotsOf = (rand: Rand, pool: readonly string[]) => pool.filter(() => rand() < 0.35);

const skillPool = [
  '急救',
  '医护',
  '法律咨询',
  '心理疏导',
  '家电维修',
  '水电维修',
  '理发',
  '摄影',
  '文艺表演',
  '书法绘画',
  '教学辅导',
  '电脑手机',
  '驾驶',
  '烹饪',
];
const areaPool = ['助老助残', '关爱儿童', '环境保护', '垃圾分类', '文明劝导', '治安巡逻', '文化活动', '健康义诊', '邻里调解', '党群服务站值守'];
const weekend = ['sat_am', 'sat_pm', 'sun_am', 'sun_pm'];
const weekdays = ['mon_pm', 'tue_pm', 'wed_pm', 'thu_pm', 'fri_pm', 'mon_am', 'wed_am', 'fri_am'];

/**
 * 窑洲's newly recruited volunteers: 22 people signed up in the recruiting drive (18 from the resident register, and the
 * four whose points demo/points.ts already tells — points finds them here by name instead of registering twins).
 */
const yaozhouNamed = [
  { name: '周桂兰', birth: '1956-03-12', male: false, skills: ['烹饪', '理发'], areas: ['助老助残', '邻里调解'] },
  { name: '谭志强', birth: '1968-09-02', male: true, skills: ['水电维修', '家电维修'], areas: ['党群服务站值守', '治安巡逻'] },
  { name: '欧阳丽', birth: '1985-11-20', male: false, skills: ['摄影', '电脑手机'], areas: ['文化活动', '垃圾分类'] },
  { name: '李建军', birth: '1959-06-18', male: true, skills: ['驾驶', '急救'], areas: ['党群服务站值守', '治安巡逻'] },
];

/** 理工大's student volunteers (玉川志愿者协会): students of the university, not residents, with school and college. */
const colleges = ['机电工程学院', '计算机与通信学院', '土木工程学院', '材料科学与工程学院', '经济管理学院', '设计艺术学院', '外国语学院', '理学院'];
const students = [
  '乔雨欣',
  '吴思远',
  '马晓东',
  '张若楠',
  '王子豪',
  '李佳怡',
  '赵一鸣',
  '陈思琪',
  '刘浩然',
  '杨雪',
  '黄子轩',
  '周欣怡',
  '徐博文',
  '孙梦瑶',
  '胡天宇',
  '朱晓彤',
  '郭子健',
  '何雨萱',
  '高俊杰',
  '林诗涵',
  '罗晨阳',
  '郑可欣',
  '梁宇航',
  '宋佳琪',
  '韩明轩',
  '唐语嫣',
];
/** The demo accounts of 玉川 volunteers are two of the students (the phone page 我的志愿服务 shows their record). */
const studentAccounts = new Map([
  ['乔雨欣', 'lgd_zhiyuan'],
  ['吴思远', 'lgd_zhiyuan2'],
]);

/**
 * The year's services of 理工大's students: the report counts 48 services and 960 participants; ours, smaller, are 14
 * services with 8–14 students each, signed in and out on the phone with the organiser's code.
 */
const services = [
  { title: '报安鸟入户探访高龄老人', place: '理工大社区 家属院', minutes: [110, 140] },
  { title: '义诊义剪进社区', place: '社区党群服务中心', minutes: [150, 200] },
  { title: '垃圾分类宣传', place: '家属院东门', minutes: [80, 130] },
  { title: '老年人智能手机课堂', place: '社区老年活动室', minutes: [100, 125] },
  { title: '反诈宣传进楼栋', place: '家属院各楼栋', minutes: [70, 100] },
  { title: '社区图书角整理', place: '社区图书角', minutes: [90, 170] },
  { title: '重阳节敬老活动', place: '社区党群服务中心', minutes: [160, 200] },
  { title: '冬季送温暖', place: '理工大社区', minutes: [120, 170] },
];

/** Seeds 窑洲's recruits and 理工大's students with a year of sessions, hours, stars and one certificate. */
export async function seedVolunteers(ctx: AppContext, now = new Date()): Promise<void> {
  const rand = prng(4210);
  const yz = await ctx.db.selectFrom('communities').select('id').where('code', '=', 'XT-YT-ZS-YZ').executeTakeFirst();
  const lgd = await ctx.db.selectFrom('communities').select('id').where('code', '=', 'LZ-QLH-XH-LGD').executeTakeFirst();
  await ctx.db.transaction().execute(async (trx) => {
    if (yz) await seedYaozhou(ctx, trx, trustedCommunityId(yz.id), rand, now);
    if (lgd) await seedLigongda(ctx, trx, trustedCommunityId(lgd.id), rand, now);
  });
}

type Person = {
  name: string;
  idNumber: string;
  phone: string | null;
  gender: 'male' | 'female';
  birth: string;
  skills: string[];
  areas: string[];
  slots: string[];
  origin: 'resident' | 'student';
  affiliation: string | null;
  residentId: number | null;
  accountId: number | null;
  availability: string | null;
  daysAgo: number;
};

async function register(ctx: AppContext, trx: Transaction<DB>, cid: CommunityId, staffId: number, p: Person, now: Date): Promise<number> {
  const id = ctx.pii.seal(p.idNumber, maskIdCard);
  const phone = ctx.pii.seal(p.phone, maskPhone);
  const no = await refs.nextNumber(trx, cid, 'volunteer');
  const at = new Date(now.getTime() - p.daysAgo * DAY);
  const row = await repo.insertVolunteer(trx, {
    community_id: cid,
    volunteer_no: no,
    name: p.name,
    id_type: 'resident_id_card',
    id_number_enc: id.enc,
    id_number_masked: id.masked,
    id_number_hash: id.hash,
    phone_enc: phone.enc,
    phone_masked: phone.masked,
    phone_hash: phone.hash,
    gender: p.gender,
    birth_date: p.birth,
    skills: p.skills,
    availability: p.availability,
    weekday_slots: p.slots,
    service_areas: p.areas,
    origin: p.origin,
    affiliation: p.affiliation,
    resident_id: p.residentId,
    account_id: p.accountId,
    party_member_id: null,
    status: 'approved',
    registered_via: 'phone',
    reviewed_by: staffId,
    reviewed_at: at,
    created_by: p.accountId,
  });
  for (const [action, from, to, by] of [
    ['registered', null, 'applied', p.accountId],
    ['approve', 'applied', 'approved', staffId],
  ] as const) {
    await refs.insertVolunteerEvent(trx, { community_id: cid, volunteer_id: row.id, action, from_status: from, to_status: to, reason: null, actor_id: by });
  }
  await writeAudit(trx, null, {
    communityId: cid,
    action: 'volunteer.registered',
    entityType: 'volunteer',
    entityId: row.id,
    changes: { volunteerNo: no, origin: p.origin, via: 'phone', idNumberMasked: id.masked, phoneMasked: phone.masked },
  });
  return row.id;
}

async function seedYaozhou(ctx: AppContext, trx: Transaction<DB>, cid: CommunityId, rand: Rand, now: Date) {
  const staff = await trx.selectFrom('accounts').select('id').where('username', '=', 'yz_shuji').executeTakeFirstOrThrow();
  // 18 adults of the register (18–70) who signed up in the drive, picked the same way on every install.
  const adults = await trx
    .selectFrom('residents')
    .select(['id', 'name', 'gender', 'birth_date', 'id_card_enc', 'phone_enc'])
    .where('community_id', '=', cid)
    .where('archived_at', 'is', null)
    .where('birth_date', '>=', '1956-01-01')
    .where('birth_date', '<=', '2006-01-01')
    .orderBy('id')
    .execute();
  const chosen = new Set<number>();
  while (chosen.size < Math.min(18, adults.length)) chosen.add(between(rand, 0, adults.length - 1));
  const people: Person[] = [...chosen].map((i) => {
    const r = adults[i]!;
    return {
      name: r.name,
      idNumber: r.id_card_enc ? ctx.pii.decrypt(r.id_card_enc) : idCard('500108', String(r.birth_date), i, r.gender === 'male'),
      phone: r.phone_enc ? ctx.pii.decrypt(r.phone_enc) : phoneOf(rand),
      gender: r.gender === 'male' ? 'male' : 'female',
      birth: String(r.birth_date),
      skills: skillPool.filter(() => rand() < 0.18).slice(0, 3),
      areas: areaPool.filter(() => rand() < 0.25).slice(0, 3),
      slots: slotsOf(rand, [...weekdays, ...weekend]),
      origin: 'resident',
      affiliation: null,
      residentId: r.id,
      accountId: null,
      availability: rand() < 0.3 ? '退休在家，工作日都有空' : null,
      daysAgo: between(rand, 20, 60),
    };
  });
  for (const [i, n] of yaozhouNamed.entries())
    people.push({
      name: n.name,
      idNumber: idCard('500108', n.birth, 40 + i, n.male),
      phone: phoneOf(rand),
      gender: n.male ? 'male' : 'female',
      birth: n.birth,
      skills: n.skills,
      areas: n.areas,
      slots: slotsOf(rand, [...weekdays, ...weekend]),
      origin: 'resident',
      affiliation: null,
      residentId: null,
      accountId: null,
      availability: null,
      daysAgo: 120 + i,
    });
  const ids: number[] = [];
  for (const p of people) ids.push(await register(ctx, trx, cid, staff.id, p, now));
  // 李建军 has kept the station's Saturday duty all year: a full day each week, 二星 (over 300 hours).
  const lijianjun = ids[people.findIndex((p) => p.name === '李建军')]!;
  for (let w = 0; w < 52; w++) {
    const start = new Date(now.getTime() - (364 - w * 7) * DAY - (now.getTime() % DAY) + 1 * 3_600_000); // 09:00 Beijing
    await recordServiceHours(trx, cid, {
      volunteerId: lijianjun,
      source: { kind: 'shift', id: null, title: '窑洲党群服务站周六值守' },
      startedAt: start,
      endedAt: new Date(start.getTime() + (360 + between(rand, 0, 14)) * MIN),
      recordedBy: staff.id,
    });
  }
}

async function seedLigongda(ctx: AppContext, trx: Transaction<DB>, cid: CommunityId, rand: Rand, now: Date) {
  const staff = await trx.selectFrom('accounts').select(['id', 'username']).where('username', 'in', ['lgd_shegong', 'lgd_shuji']).execute();
  const worker = staff.find((s) => s.username === 'lgd_shegong')!.id;
  const secretary = staff.find((s) => s.username === 'lgd_shuji')!.id;
  const accounts = new Map(
    (
      await trx
        .selectFrom('accounts')
        .select(['id', 'username'])
        .where('username', 'in', [...studentAccounts.values()])
        .execute()
    ).map((a) => [a.username, a.id]),
  );
  await refs.upsertSettings(trx, cid, {
    rounding_rule: 'chongqing',
    star_thresholds: [100, 300, 600, 1000, 1500],
    activity_cap_minutes: null,
    certificate_responsible: '闫书记',
    certificate_handler: '董社工',
    certificate_contact: '0931-2971234',
    updated_by: secretary,
  });
  const ids: number[] = [];
  for (const [i, name] of students.entries()) {
    const year = 2003 + (i % 5);
    const birth = `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(3 + ((i * 7) % 25)).padStart(2, '0')}`;
    const male = ['思远', '晓东', '子豪', '一鸣', '浩然', '子轩', '博文', '天宇', '子健', '俊杰', '晨阳', '宇航', '明轩'].some((g) => name.endsWith(g));
    const account = studentAccounts.get(name);
    ids.push(
      await register(
        ctx,
        trx,
        cid,
        worker,
        {
          name,
          idNumber: idCard(pick(rand, ['620103', '620102', '621102', '622901']), birth, 60 + i, male),
          phone: phoneOf(rand),
          gender: male ? 'male' : 'female',
          birth,
          skills: [pick(rand, ['教学辅导', '电脑手机', '摄影', '急救', '文艺表演', '书法绘画'])],
          areas: areaPool.filter(() => rand() < 0.3).slice(0, 3),
          slots: slotsOf(rand, [...weekend, 'wed_pm', 'fri_pm']),
          origin: 'student',
          affiliation: `兰州理工大学 ${colleges[i % colleges.length]}`,
          residentId: null,
          accountId: account ? (accounts.get(account) ?? null) : null,
          availability: rand() < 0.4 ? '寒暑假回家，学期中周末有空' : null,
          daysAgo: 360 - i,
        },
        now,
      ),
    );
  }
  // The year's services, one every few weeks: sign-in sessions opened by the social worker, closed afterwards.
  for (let s = 0; s < 14; s++) {
    const svc = services[s % services.length]!;
    const opened = new Date(now.getTime() - (350 - s * 25) * DAY - (now.getTime() % DAY) + 1 * 3_600_000);
    const { id: sessionId } = await sessions.insertSession(trx, {
      community_id: cid,
      source_kind: 'activity',
      source_id: null,
      title: svc.title,
      place: svc.place,
      code_hash: hashSessionCode(`demo-closed-${s}`),
      opened_by: worker,
      closes_at: new Date(opened.getTime() + 240 * MIN),
    });
    await trx
      .updateTable('service_sessions')
      .set({ opened_at: opened, closed_at: new Date(opened.getTime() + 240 * MIN) })
      .where('id', '=', sessionId)
      .execute();
    await writeAudit(trx, null, { communityId: cid, action: 'service_session.opened', entityType: 'service_session', entityId: sessionId });
    const who = new Set<number>();
    const n = between(rand, 8, 14);
    while (who.size < n) who.add(ids[between(rand, 0, ids.length - 1)]!);
    for (const v of who) {
      const signedIn = new Date(opened.getTime() + between(rand, 0, 12) * MIN);
      const signedOut = new Date(signedIn.getTime() + between(rand, svc.minutes[0]!, svc.minutes[1]!) * MIN);
      const signin = await sessions.insertSignin(trx, { community_id: cid, session_id: sessionId, volunteer_id: v });
      const entry = await recordServiceHours(trx, cid, {
        volunteerId: v,
        source: { kind: 'activity', id: null, title: svc.title },
        startedAt: signedIn,
        endedAt: signedOut,
        recordedBy: worker,
        sessionId,
      });
      await trx.updateTable('service_session_signins').set({ signed_in_at: signedIn }).where('id', '=', signin.id).execute();
      await sessions.closeSignin(trx, signin.id, signedOut, entry);
    }
  }
  // Two students tutor the compound's children every week (爱心支教): over 100 hours in the year, 一星.
  for (const [k, v] of ids.slice(0, 2).entries()) {
    for (let w = 0; w < 44; w++) {
      const start = new Date(now.getTime() - (330 - w * 7 - k) * DAY - (now.getTime() % DAY) + 6 * 3_600_000); // 14:00
      await recordServiceHours(trx, cid, {
        volunteerId: v,
        source: { kind: 'task', id: null, title: '家属院四点半课堂爱心支教' },
        startedAt: start,
        endedAt: new Date(start.getTime() + between(rand, 140, 165) * MIN),
        recordedBy: worker,
      });
    }
  }
  // One certificate issued (乔雨欣, for her scholarship file): the number is the community's first.
  const year = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 4);
  const from = `${Number(year) - 1}-01-01`;
  const to = new Date(now.getTime() + 8 * 3_600_000 - 3 * DAY).toISOString().slice(0, 10);
  const minutes = await trx
    .selectFrom('service_hours')
    .select((eb) => eb.fn.sum<number>('counted_minutes').as('m'))
    .where('volunteer_id', '=', ids[0]!)
    .executeTakeFirstOrThrow();
  const no = await refs.nextNumber(trx, cid, 'certificate');
  const number = `${to.slice(0, 4)}-${String(cid).padStart(3, '0')}-${String(no).padStart(5, '0')}`;
  await refs.insertCertificate(trx, {
    community_id: cid,
    volunteer_id: ids[0]!,
    certificate_no: no,
    number,
    period_from: from,
    period_to: to,
    counted_minutes: Number(minutes.m),
    issued_by: worker,
  });
  await writeAudit(
    trx,
    { accountId: worker, requestId: null },
    {
      communityId: cid,
      action: 'volunteer.certificate_issued',
      entityType: 'volunteer',
      entityId: ids[0]!,
      changes: { number, from, to, minutes: Number(minutes.m) },
    },
  );
}
