import type { Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import type { AppContext } from '../platform/context.js';
import { writeAudit } from '../platform/audit/audit.js';
import { maskPhone } from '../platform/crypto/pii.js';
import { givenName, surname } from './names.js';
import { communities } from './communities.js';
import { sealResidentFields } from '../modules/places/index.js';
import { between, pick, prng, type Rand } from './prng.js';

const DAY = 86_400_000;

/**
 * 探访关爱 (issue 12) in our own words and numbers: 理工大 looks after 75 people aged 80 and over — tiers, pairings with
 * party members, student volunteers and its grid worker, and ten weeks of visits (most on time, a few late, five
 * overdue now); 凌霄 paired 17 people aged 80 and over with doctors of 北仑区人民医院, who call on them each month.
 */
export async function seedCare(ctx: AppContext, now = new Date()): Promise<{ recipients: number; visits: number }> {
  const rand = prng(4_012);
  const lgd = await communityOf(ctx, 'LZ-QLH-XH-LGD');
  const lx = await communityOf(ctx, 'NB-BL-XQ-LX');
  let recipients = 0;
  let visits = 0;
  await ctx.db.transaction().execute(async (trx) => {
    // The care accounts are in demo/accounts.ts with the others (the seed writes them first).
    const account = async (communityId: number, username: string) =>
      (await trx.selectFrom('accounts').select('id').where('community_id', '=', communityId).where('username', '=', username).executeTakeFirstOrThrow()).id;
    const regionOf = (communityId: number) => communities.find((c) => c.code === (communityId === lgd ? 'LZ-QLH-XH-LGD' : 'NB-BL-XQ-LX'))!.region;
    const elders = async (communityId: number, want: number) => {
      const cutoff = new Date(now.getTime() - 80 * 365.25 * DAY).toISOString().slice(0, 10);
      let rows = await trx
        .selectFrom('residents')
        .select(['id', 'tags', 'birth_date'])
        .where('community_id', '=', communityId)
        .where('archived_at', 'is', null)
        .where('birth_date', '<=', cutoff)
        .orderBy('id')
        .execute();
      // The generated roster has fewer people over 80 than the community cares for: the rest are added to its households.
      if (rows.length < want) {
        // Each of them lives alone in a flat of their own (a household of one), on a floor the roster left empty.
        const units = await trx.selectFrom('units').select('id').where('community_id', '=', communityId).orderBy('id').execute();
        const taken = new Set(
          (await trx.selectFrom('households').select(['unit_id', 'room_no']).where('community_id', '=', communityId).execute()).map(
            (h) => `${h.unit_id}|${h.room_no}`,
          ),
        );
        const extra = [];
        for (let k = 0; k < want - rows.length; k++) {
          const unit = units[k % units.length]!.id;
          let room = '';
          for (let f = 1; f <= 30 && !room; f++) for (let d = 1; d <= 4 && !room; d++) if (!taken.has(`${unit}|${f}0${d}`)) room = `${f}0${d}`;
          taken.add(`${unit}|${room}`);
          const h = await trx
            .insertInto('households')
            .values({ community_id: communityId, unit_id: unit, room_no: room })
            .returning('id')
            .executeTakeFirstOrThrow();
          const year = between(rand, 1932, 1945);
          const male = rand() < 0.4;
          const birth = `${year}-${String(between(rand, 1, 12)).padStart(2, '0')}-${String(between(rand, 1, 28)).padStart(2, '0')}`;
          extra.push({
            community_id: communityId,
            household_id: h.id,
            name: `${surname(rand)}${givenName(rand, year, male)}`,
            gender: male ? ('male' as const) : ('female' as const),
            birth_date: birth,
            tags: ['advanced_age', 'living_alone'],
            relation: '户主',
            ...sealResidentFields(ctx, { idCard: idCardOf(regionOf(communityId), birth, k, male) }),
          });
        }
        const added = await trx.insertInto('residents').values(extra).returning(['id', 'tags', 'birth_date']).execute();
        rows = [...rows, ...added];
      }
      return rows.slice(0, want);
    };

    // ---- 理工大: 75 people aged 80+, the 报安鸟 group's people.
    const worker = await account(lgd, 'lgd_wangge');
    const students = [await account(lgd, 'lgd_zhiyuan'), await account(lgd, 'lgd_zhiyuan2')];
    const station = await partnerOf(trx, lgd, '理工大卫生服务站');
    const members = await trx
      .selectFrom('party_members as m')
      .innerJoin('residents as r', 'r.id', 'm.resident_id')
      .select(['m.id', 'r.name'])
      .where('m.community_id', '=', lgd)
      .where('m.status', '!=', 'outside')
      .orderBy('m.id')
      .limit(20)
      .execute();
    await trx
      .insertInto('care_settings')
      .values({ community_id: lgd, high_interval_days: 7, key_interval_days: 30, general_interval_days: 90, major_change_hours: 24, updated_by: null })
      .execute();
    const lgdElders = await elders(lgd, 75);
    for (const [i, e] of lgdElders.entries()) {
      const alone = e.tags.includes('living_alone');
      const tier = alone && i % 3 === 0 ? 'high' : i % 4 === 3 ? 'general' : 'key';
      const takenAt = new Date(now.getTime() - between(rand, 120, 400) * DAY);
      const r = await trx
        .insertInto('care_recipients')
        .values({
          community_id: lgd,
          resident_id: e.id,
          tier,
          qualifying_tags: [...new Set(['advanced_age', ...e.tags.filter((t) => ['living_alone', 'empty_nest'].includes(t))])],
          family_contacts: JSON.stringify(family(ctx, rand, i)),
          health_notes_enc: ctx.pii.encrypt(pick(rand, healthNotes)),
          care_plan: carePlans[tier],
          created_by: worker,
          created_at: takenAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      recipients++;
      // Five people with no pairing yet (new to the list); the others with a party member or a student, and the worker.
      const pairings: number[] = [];
      if (i % 15 !== 14) {
        const m = members.length ? members[i % members.length]! : null;
        if (m && i % 2 === 0) {
          pairings.push(
            await pair(trx, lgd, r.id, {
              helper_kind: 'party_member',
              party_member_id: m.id,
              helper_name: m.name,
              duties: ['visits', 'errands'],
              frequency: 'weekly',
              ladder_order: 2,
            }),
          );
        } else {
          pairings.push(
            await pair(trx, lgd, r.id, {
              helper_kind: 'volunteer',
              account_id: students[i % 2]!,
              duties: ['cleaning', 'haircut', 'calls'],
              frequency: 'biweekly',
              ladder_order: 2,
            }),
          );
        }
        pairings.push(
          await pair(trx, lgd, r.id, {
            helper_kind: 'grid_worker',
            account_id: worker,
            duties: ['visits'],
            frequency: tier === 'high' ? 'weekly' : 'monthly',
            ladder_order: 1,
          }),
        );
        if (station && i % 5 === 0)
          pairings.push(
            await pair(trx, lgd, r.id, {
              helper_kind: 'doctor',
              partner_id: station,
              helper_name: pick(rand, ['刘大夫', '何大夫', '苏大夫']),
              duties: ['checkups'],
              frequency: 'monthly',
              ladder_order: 3,
            }),
          );
      }
      // Ten weeks of visits on the tier's rhythm; about one in twelve late; five people overdue now.
      const interval = tier === 'high' ? 7 : tier === 'key' ? 30 : 90;
      const overdueNow = i % 15 === 7;
      let at = new Date(Math.max(takenAt.getTime(), now.getTime() - (interval + 70) * DAY));
      let last: Date | null = null;
      for (;;) {
        const late = rand() < 0.08 ? between(rand, 2, 5) : 0;
        const next = new Date(at.getTime() + (interval - between(rand, 0, Math.min(2, interval - 1)) + late) * DAY);
        if (next > now || (overdueNow && next.getTime() > now.getTime() - (interval + 3) * DAY)) break;
        at = new Date(next.getTime() + between(rand, 1, 9) * 3_600_000 - (next.getTime() % DAY));
        const v = visit(rand);
        await trx
          .insertInto('care_visits')
          .values({
            community_id: lgd,
            recipient_id: r.id,
            visitor_id: rand() < 0.6 ? worker : students[i % 2]!,
            pairing_id: pairings[0] ?? null,
            visited_at: at,
            ...v,
            photos: '[]',
          })
          .execute();
        visits++;
        last = at;
      }
      if (last) await trx.updateTable('care_recipients').set({ last_visit_at: last }).where('id', '=', r.id).execute();
      if (i === 3)
        await trx
          .updateTable('care_recipients')
          .set({ major_change_at: new Date(now.getTime() - 6 * 3_600_000), major_change_note: '老伴上周去世，情绪低落' })
          .where('id', '=', r.id)
          .execute();
    }

    // ---- 凌霄: 17 people aged 80+ paired with doctors of 北仑区人民医院.
    const hospital = await partnerOf(trx, lx, '北仑区人民医院');
    const lxWorker = await account(lx, 'lx_wangge');
    const doctors = ['胡医生', '应医生', '贺医生', '邬医生', '乐医生', '竺医生'];
    for (const [i, e] of (await elders(lx, 17)).entries()) {
      const takenAt = new Date(now.getTime() - between(rand, 200, 300) * DAY);
      const r = await trx
        .insertInto('care_recipients')
        .values({
          community_id: lx,
          resident_id: e.id,
          tier: 'key',
          qualifying_tags: [...new Set(['advanced_age', ...e.tags.filter((t) => ['living_alone', 'empty_nest'].includes(t))])],
          family_contacts: JSON.stringify(family(ctx, rand, i + 100)),
          health_notes_enc: ctx.pii.encrypt(pick(rand, healthNotes)),
          care_plan: '医患结对：签约医生每月上门随访一次，测血压血糖，调整用药建议；网格员每月探访一次。',
          created_by: lxWorker,
          created_at: takenAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      recipients++;
      const doctor = await pair(trx, lx, r.id, {
        helper_kind: 'doctor',
        partner_id: hospital,
        helper_name: doctors[i % doctors.length]!,
        ...phoneOf(ctx, `1390574${String(1000 + (i % doctors.length)).padStart(4, '0')}`),
        duties: ['checkups', 'calls'],
        frequency: 'monthly',
        ladder_order: 2,
      });
      await pair(trx, lx, r.id, { helper_kind: 'grid_worker', account_id: lxWorker, duties: ['visits', 'errands'], frequency: 'monthly', ladder_order: 1 });
      let last: Date | null = null;
      for (let m = 3; m >= 0; m--) {
        const at = new Date(now.getTime() - (m * 30 + between(rand, 2, 12)) * DAY);
        if (at < takenAt) continue;
        await trx
          .insertInto('care_visits')
          .values({
            community_id: lx,
            recipient_id: r.id,
            visitor_id: lxWorker,
            pairing_id: doctor,
            visited_at: at,
            wellbeing: rand() < 0.85 ? 'well' : 'concern',
            health_finding: pick(rand, checkups),
            photos: '[]',
          })
          .execute();
        visits++;
        last = at;
      }
      if (last) await trx.updateTable('care_recipients').set({ last_visit_at: last }).where('id', '=', r.id).execute();
    }
    for (const communityId of [lgd, lx])
      await writeAudit(trx, null, { communityId, action: 'demo.seeded', entityType: 'care_settings', entityId: communityId });
  });
  return { recipients, visits };
}

async function communityOf(ctx: AppContext, code: string) {
  return (await ctx.db.selectFrom('communities').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}
async function partnerOf(trx: Transaction<DB>, communityId: number, name: string) {
  return (await trx.selectFrom('partners').select('id').where('community_id', '=', communityId).where('name', '=', name).executeTakeFirst())?.id ?? null;
}
async function pair(
  trx: Transaction<DB>,
  communityId: number,
  recipientId: number,
  v: {
    helper_kind: 'grid_worker' | 'volunteer' | 'party_member' | 'doctor';
    account_id?: number;
    party_member_id?: number;
    partner_id?: number | null;
    helper_name?: string;
    helper_phone_enc?: string | null;
    helper_phone_masked?: string | null;
    duties: string[];
    frequency: string;
    ladder_order: number;
  },
) {
  return (
    await trx
      .insertInto('care_pairings')
      .values({ community_id: communityId, recipient_id: recipientId, ...v })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}
function phoneOf(ctx: AppContext, phone: string) {
  const s = ctx.pii.seal(phone, maskPhone);
  return { helper_phone_enc: s.enc, helper_phone_masked: s.masked };
}
function family(ctx: AppContext, rand: Rand, i: number) {
  const relation = pick(rand, ['儿子', '女儿', '儿子', '女儿', '侄女', '外孙']);
  const phone = `1${pick(rand, ['38', '39', '59', '86', '89'])}${String(93100000 + i * 37).padStart(8, '0')}`;
  const s = ctx.pii.seal(phone, maskPhone);
  return [{ name: `${surname(rand)}${pick(rand, ['伟', '敏', '军', '丽', '强', '静'])}`, relation, phoneEnc: s.enc, phoneMasked: s.masked }];
}
const healthNotes = [
  '高血压，每日服药',
  '糖尿病，注射胰岛素',
  '行动不便，需拄拐',
  '轻度认知障碍，需提醒服药',
  '心脏支架术后，定期复查',
  '听力较差，敲门需用力',
  '身体尚好，每天下楼散步',
];
const carePlans: Record<string, string> = {
  high: '独居高龄：每周上门探访一次，每天报安鸟群报平安；结对志愿者每两周打扫卫生、理发。',
  key: '每月上门探访一次，结对人电话问候；需要时帮代办买药、缴费。',
  general: '每季度上门探访一次，节日慰问；有变化随时上门。',
};
const checkups = ['血压 135/85，血糖平稳，继续原方案', '血压偏高 150/95，已建议调整用药', '膝关节疼痛，建议理疗', '情况良好，叮嘱注意防寒'];
function visit(rand: Rand) {
  const r = rand();
  if (r < 0.78)
    return {
      wellbeing: 'well' as const,
      health_finding: pick(rand, ['精神好，饭量正常', '气色不错，按时吃药', '腿脚比上月好些']),
      home_safety: pick(rand, [null, '燃气阀门关闭良好', '家中整洁']),
      needs: null,
      follow_up: null,
    };
  if (r < 0.95)
    return {
      wellbeing: 'concern' as const,
      health_finding: pick(rand, ['感冒咳嗽几天了', '血压偏高', '夜里睡不好']),
      home_safety: pick(rand, ['卫生间地滑，建议装扶手', '电线老化', null]),
      needs: pick(rand, ['需要帮忙买药', '想理发', '家里灯泡坏了', null]),
      follow_up: '下次探访再看',
    };
  return {
    wellbeing: 'urgent' as const,
    health_finding: '在家摔倒，已送医',
    home_safety: '卫生间无扶手',
    needs: '出院后需要有人照看几天',
    follow_up: '已通知家属，网格员每天电话问候',
  };
}

/** A valid 18-digit ID number (region, birth date, a sequence from 50 up, sex digit, check digit) for a resident added here. */
function idCardOf(region: string, birth: string, seq: number, male: boolean): string {
  const order = `${50 + (seq % 50)}${male ? 1 : 2}`;
  const body = `${region}${birth.replaceAll('-', '')}${order}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * weights[i]!;
  return body + '10X98765432'[sum % 11]!;
}
