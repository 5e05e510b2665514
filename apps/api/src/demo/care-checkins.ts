import type { Insertable } from 'kysely';
import type { AppContext } from '../platform/context.js';
import type { CareCheckinDaysTable } from '../platform/db/schema.js';
import { trustedCommunityId } from '../platform/access/trusted-scope.js';
import { beijingDate } from '../platform/time.js';
import { careRecipientRefs, familyContacts, pairedHelpers } from '../modules/care/index.js';
import { hashCheckinToken, newCheckinToken } from '../modules/care/checkins/links.js';
import { dueAtOf } from '../modules/care/checkins/ladder.js';
import { between, prng } from './prng.js';

const DAY = 86_400_000;
const MIN = 60_000;
const WEEKS = 3;

type Step = { kind: 'recipient' | 'helper' | 'family' | 'grid_worker' | 'visit_ticket'; after: number };
const ladder: Step[] = [
  { kind: 'recipient', after: 0 },
  { kind: 'helper', after: 30 },
  { kind: 'family', after: 60 },
  { kind: 'grid_worker', after: 120 },
  { kind: 'visit_ticket', after: 180 },
];

/**
 * 理工大's 报安鸟 in our own words and numbers: each of its care recipients checks in by 10:00 (a few early risers by
 * 9:00) with one tap on their link. Over the last three weeks most were on time, some late after the reminder, a few
 * missed and were chased up the ladder (as far as the grid worker) until a helper or the family confirmed. No visit
 * ticket is seeded: the demo year's ticket counts are fixed (demo-tickets); a live sweep files one.
 * Two are away now (住院, 去子女家). Tokens are thrown away: staff issue the links anew when handing them out.
 */
export async function seedCareCheckins(ctx: AppContext, now = new Date()): Promise<{ days: number; steps: number }> {
  const rand = prng(5_012);
  const row = await ctx.db.selectFrom('communities').select('id').where('code', '=', 'LZ-QLH-XH-LGD').executeTakeFirst();
  if (!row) return { days: 0, steps: 0 };
  // The demo's own community, found by its code.
  const cid = trustedCommunityId(row.id);
  const ids = (
    await ctx.db.selectFrom('care_recipients').select('id').where('community_id', '=', cid).where('status', '=', 'active').orderBy('id').execute()
  ).map((r) => r.id);
  if (ids.length === 0) return { days: 0, steps: 0 };
  const refs = await careRecipientRefs(ctx.db, cid, ids);
  let steps = 0;
  let days = 0;
  await ctx.db.transaction().execute(async (trx) => {
    for (const [n, id] of ids.entries()) {
      const dueBy = n % 9 === 0 ? '09:00' : '10:00';
      await trx.insertInto('care_checkin_plans').values({ community_id: cid, recipient_id: id, due_by: dueBy }).execute();
      await trx
        .insertInto('care_checkin_links')
        .values({ community_id: cid, recipient_id: id, holder: 'self', holder_name: null, token_hash: hashCheckinToken(newCheckinToken()), created_by: null })
        .execute();
      const helpers = await pairedHelpers(trx, cid, id);
      const family = await familyContacts(trx, cid, id, ctx.pii);
      const told = (kind: Step['kind']) =>
        kind === 'recipient'
          ? (refs.get(id)?.residentNameMasked ?? null)
          : kind === 'family'
            ? family.map((f) => f.name).join('、') || null
            : helpers
                .filter((h) => (kind === 'grid_worker') === (h.helperKind === 'grid_worker'))
                .map((h) => h.name)
                .join('、') || null;
      const plan: Array<{ values: Insertable<CareCheckinDaysTable>; reached: number; dueAt: Date }> = [];
      for (let d = WEEKS * 7; d >= 1; d--) {
        const day = beijingDate(new Date(now.getTime() - d * DAY));
        const dueAt = dueAtOf(day, dueBy);
        const r = rand();
        // on time 86 %, late after a reminder or two 9 %, checked in by a helper after a call 3 %, chased far up 2 %.
        const reached = r < 0.86 ? 0 : r < 0.95 ? between(rand, 1, 2) : r < 0.98 ? 1 : between(rand, 3, 4);
        const checkedAt =
          reached === 0
            ? new Date(dueAt.getTime() - between(rand, 10, 200) * MIN)
            : new Date(dueAt.getTime() + (ladder[reached - 1]!.after + between(rand, 3, 25)) * MIN);
        const via = reached === 0 ? 'link' : reached <= 2 && r < 0.95 ? 'link' : reached >= 3 ? (rand() < 0.5 ? 'family' : 'helper') : 'helper';
        plan.push({
          reached,
          dueAt,
          values: {
            community_id: cid,
            recipient_id: id,
            day,
            due_at: dueAt,
            status: 'done',
            checked_in_at: checkedAt,
            via,
            steps_taken: reached,
            stopped_after_step: reached > 0 ? reached : null,
            created_at: new Date(dueAt.getTime() - 4 * 3600_000),
          },
        });
      }
      const dayRows = await trx
        .insertInto('care_checkin_days')
        .values(plan.map((p) => p.values))
        .returning(['id', 'day'])
        .execute();
      const idOf = new Map(dayRows.map((x) => [x.day, x.id]));
      days += dayRows.length;
      const stepRows = plan.flatMap((p) =>
        ladder.slice(0, p.reached).map((step, s) => ({
          community_id: cid,
          day_id: idOf.get(p.values.day)!,
          recipient_id: id,
          step_no: s + 1,
          kind: step.kind,
          notified: told(step.kind),
          ticket_id: null,
          created_at: new Date(p.dueAt.getTime() + step.after * MIN),
        })),
      );
      if (stepRows.length) await trx.insertInto('care_checkin_steps').values(stepRows).execute();
      steps += stepRows.length;
    }
    // Away now: one in hospital, one at her daughter's.
    const away = [
      { id: ids[1]!, kind: 'hospital', from: -2, to: 5, note: '区医院住院观察' },
      { id: ids[2]!, kind: 'family', from: -1, to: 10, note: '去兰州市区女儿家住几天' },
    ];
    for (const a of away)
      await trx
        .insertInto('care_checkin_aways')
        .values({
          community_id: cid,
          recipient_id: a.id,
          kind: a.kind,
          starts_on: beijingDate(new Date(now.getTime() + a.from * DAY)),
          ends_on: beijingDate(new Date(now.getTime() + a.to * DAY)),
          note: a.note,
          created_by: null,
        })
        .execute();
  });
  return { days, steps };
}
