import { sql } from 'kysely';
import type { AppContext } from '../platform/context.js';
import { writeAudit } from '../platform/audit/audit.js';
import { beijingDate } from '../platform/time.js';

// 凌霄社区's 书记面对面, retold (seed report 002): when a problem is beyond the community, the secretary sits down with
// the branch secretaries of the departments serving it. One session, a season ago: the street-front stairwells piled
// with shop refuse (cleared within three days, kept), parking round 黄山豪庭 (a commitment still running), old wiring
// in a stairwell (promised and now overdue), and the pairing of the oldest residents with doctors (answered, no
// commitment needed). Dates are relative to the day the demo is loaded, so the story reads the same on any day.

const DAY = 86_400_000;

/** The departments a demo item goes to, by department type, in the order they sit at the table. */
const wanted = [
  { type: 'chengguan', attendee: '周建军', title: '执法中队支部书记' },
  { type: 'housing', attendee: '吴海涛', title: '住建局机关支部书记' },
  { type: 'power', attendee: '郑立新', title: '供电营业所支部书记' },
  { type: 'civil_affairs', attendee: '何红梅', title: '民政办支部书记' },
] as const;

interface DemoItem {
  type: (typeof wanted)[number]['type'];
  subject: string;
  detail: string;
  answer: string;
  commitment?: {
    text: string;
    promised: { afterSession: number } | { fromToday: number };
    followUps: { status: 'open' | 'kept' | 'broken'; note: string; daysAfterSession: number }[];
  };
}

const items: DemoItem[] = [
  {
    type: 'chengguan',
    subject: '世茂世界湾一期沿街楼道堆放装修材料和废旧桌椅',
    detail: '走访中多户居民反映，沿街商户把装修垃圾、旧厨具堆在楼道口，又脏又挡路，社区劝说多次无效。',
    answer: '由执法中队牵头，会同街道物管中心对沿街楼道开展集中整治，对屡劝不改的商户依法处理。',
    commitment: {
      text: '三天内完成沿街楼道集中清理',
      promised: { afterSession: 3 },
      followUps: [
        { status: 'open', note: '第一天清出两车杂物，商户已签整改承诺书', daysAfterSession: 1 },
        { status: 'kept', note: '三天内整治完毕，回访居民表示楼道清爽多了', daysAfterSession: 3 },
      ],
    },
  },
  {
    type: 'housing',
    subject: '黄山豪庭周边停车难',
    detail: '小区车位不足，晚间车辆占用消防通道。',
    answer: '已把小区周边纳入智慧停车改造，先施划临时泊位，再上线停车引导。',
    commitment: {
      text: '智慧停车投入使用',
      promised: { fromToday: 20 },
      followUps: [{ status: 'open', note: '泊位已施划，设备在调试', daysAfterSession: 40 }],
    },
  },
  {
    type: 'power',
    subject: '老楼楼道线路老化，夜间照明时断时续',
    detail: '黄山豪庭 2 幢楼道，网格员巡查发现电线外皮开裂。',
    answer: '安排抢修班现场勘查，列入本季度改造清单。',
    commitment: { text: '更换 2 幢楼道老化线路', promised: { fromToday: -10 }, followUps: [] },
  },
  {
    type: 'civil_affairs',
    subject: '80 岁以上高龄老人的就医照应',
    detail: '辖区 17 位 80 岁以上老人，子女不在身边的多。',
    answer: '协调区人民医院与 17 位老人一对一结对，家庭医生定期上门。此事已当场落实，无需另行承诺。',
  },
];

/** The departments serving the community (by its community, subdistrict or district), one per wanted type. */
async function departmentsServing(ctx: AppContext, communityId: number) {
  const rows = await sql<{ id: number; department_type: string | null }>`
    select o.id, o.department_type from organisations o
    join organisation_areas a on a.organisation_id = o.id
    join communities c on c.id = ${communityId}
    join subdistricts s on s.id = c.subdistrict_id
    where o.kind = 'department' and o.archived_at is null
      and ((a.area_kind = 'community' and a.area_id = c.id) or (a.area_kind = 'subdistrict' and a.area_id = s.id) or (a.area_kind = 'district' and a.area_id = s.district_id))
    order by o.id`.execute(ctx.db);
  const byType = new Map<string, number>();
  for (const r of rows.rows) if (r.department_type && !byType.has(r.department_type)) byType.set(r.department_type, Number(r.id));
  return byType;
}

/** Seeds 凌霄's session once the departments are there; without departments serving 凌霄 it leaves nothing. */
export async function seedSecretarySessions(ctx: AppContext, now = new Date()): Promise<void> {
  const community = await ctx.db.selectFrom('communities').select('id').where('code', '=', 'NB-BL-XQ-LX').executeTakeFirst();
  if (!community) return;
  const departments = await departmentsServing(ctx, community.id);
  const seats = wanted.filter((w) => departments.has(w.type));
  if (seats.length === 0) return;
  const secretary = await ctx.db.selectFrom('accounts').select('id').where('username', '=', 'lx_shuji').executeTakeFirst();
  const by = secretary?.id ?? null;
  const cid = community.id;
  const heldAt = new Date(now.getTime() - 90 * DAY);
  const heldOn = beijingDate(heldAt);
  const dateAfter = (days: number) => beijingDate(new Date(heldAt.getTime() + days * DAY));
  const today = (days: number) => beijingDate(new Date(now.getTime() + days * DAY));
  await ctx.db.transaction().execute(async (trx) => {
    const session = await trx
      .insertInto('secretary_sessions')
      .values({
        community_id: cid,
        title: '书记面对面',
        held_on: heldOn,
        starts_at: '09:00',
        place: '凌霄社区红领驿站',
        host_name: '陈书记',
        other_attendees: '社工小龚（记录）；世茂网格、黄山网格网格员；居民代表 3 人',
        notes: '党群连心走访中梳理出的四件难事，逐件请部门当面答复、明确时限；社区跟踪落实并在红领驿站公示。',
        created_by: by,
        created_at: heldAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('secretary_session_attendees')
      .values(
        seats.map((w) => ({
          community_id: cid,
          session_id: session.id,
          organisation_id: departments.get(w.type)!,
          attendee_name: w.attendee,
          attendee_title: w.title,
        })),
      )
      .execute();
    for (const it of items) {
      const organisationId = departments.get(it.type);
      if (organisationId === undefined) continue;
      const c = it.commitment;
      const promisedOn = c ? ('afterSession' in c.promised ? dateAfter(c.promised.afterSession) : today(c.promised.fromToday)) : null;
      const last = c?.followUps.at(-1);
      const row = await trx
        .insertInto('secretary_session_items')
        .values({
          community_id: cid,
          session_id: session.id,
          organisation_id: organisationId,
          escalation_id: null,
          ticket_id: null,
          ticket_code: null,
          subject: it.subject,
          detail: it.detail,
          answer: it.answer,
          answered_at: heldAt,
          answered_by: by,
          answered_on_behalf: true,
          commitment: c?.text ?? null,
          promised_on: promisedOn,
          follow_status: c ? (last?.status ?? 'open') : null,
          follow_changed_at: c ? heldAt : null,
          created_by: by,
          created_at: heldAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const f of c?.followUps ?? [])
        await trx
          .insertInto('secretary_session_follow_ups')
          .values({
            community_id: cid,
            item_id: row.id,
            status: f.status,
            note: f.note,
            created_by: by,
            created_at: new Date(heldAt.getTime() + f.daysAfterSession * DAY),
          })
          .execute();
    }
    await writeAudit(trx, null, { communityId: cid, action: 'demo.seeded', entityType: 'secretary_session', entityId: session.id });
  });
}
