import type { AppContext } from '../platform/context.js';
import { trustedCommunityId } from '../platform/access/trusted-scope.js';
import { ensureVolunteer, recordServiceHours } from '../modules/volunteers/index.js';
import { partyPostClasses } from '@linli/contracts/party-labels';
import { pick, prng } from './prng.js';

const DAY = 86_400_000;
const day = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * 双报到 in our own words and numbers (issue 10): of 凌霄's party members, the in-service ones report to the community
 * (a few dozen, scaled down from the hundreds of the story) and get a 回执; its pioneer teams keep posts at the gates of
 * each compound; members claim them, take a few households each (结对) and log some hours of service.
 */
export async function seedParty(ctx: AppContext, now = new Date()): Promise<{ reports: number; posts: number; hours: number }> {
  const rand = prng(4_310);
  const lx = await ctx.db.selectFrom('communities').select('id').where('code', '=', 'NB-BL-XQ-LX').executeTakeFirst();
  if (!lx) return { reports: 0, posts: 0, hours: 0 };
  const cid = trustedCommunityId(lx.id);
  let reports = 0;
  let posts = 0;
  let hours = 0;
  await ctx.db.transaction().execute(async (trx) => {
    const by = (await trx.selectFrom('accounts').select('id').where('community_id', '=', cid).where('role', '=', 'secretary').executeTakeFirst())?.id ?? null;
    const members = await trx
      .selectFrom('party_members as m')
      .innerJoin('residents as r', 'r.id', 'm.resident_id')
      .select(['m.id', 'm.resident_id', 'm.work_unit', 'r.name'])
      .where('m.community_id', '=', cid)
      .where('m.status', '=', 'in_service')
      .orderBy('m.id')
      .limit(36)
      .execute();
    const year = now.getUTCFullYear();
    for (const [i, m] of members.entries()) {
      const reportedOn = day(now.getTime() - (20 + ((i * 11) % 200)) * DAY);
      await trx
        .insertInto('party_reports')
        .values({
          community_id: cid,
          party_member_id: m.id,
          work_unit: m.work_unit ?? '北仑区机关事务服务中心',
          work_unit_party_org: i % 3 === 0 ? '区直机关第二党支部' : null,
          slip_received_on: day(new Date(reportedOn).getTime() - 3 * DAY),
          reported_on: reportedOn,
          receipt_no: `HZ${year}-${String(i + 1).padStart(4, '0')}`,
          skills: [pick(rand, ['法律咨询', '义诊', '书法', '电工', '心理疏导', '摄影'])],
          preferred_classes: [partyPostClasses[i % partyPostClasses.length]!],
          created_by: by,
        })
        .execute();
      reports++;
    }
    await trx
      .insertInto('party_settings')
      .values({ community_id: cid, receipt_seq: members.length, updated_by: by })
      .onConflict((oc) => oc.column('community_id').doUpdateSet({ receipt_seq: members.length }))
      .execute();
    // Posts at the compound gates: a gate-keeping (safety) post and a civility (governance) post at each compound.
    const compounds = await trx.selectFrom('compounds').select(['id', 'name']).where('community_id', '=', cid).orderBy('id').execute();
    const postIds: number[] = [];
    for (const c of compounds) {
      for (const [name, cls] of [
        [`${c.name}大门值守岗`, 'safety_patrol'],
        [`${c.name}文明劝导岗`, 'governance'],
      ] as const) {
        const p = await trx
          .insertInto('pioneer_posts')
          .values({ community_id: cid, name, post_class: cls, place_kind: 'compound', place_id: c.id, capacity: 8, created_by: by })
          .returning('id')
          .executeTakeFirstOrThrow();
        postIds.push(p.id);
        posts++;
      }
    }
    const households = await trx.selectFrom('households').select('id').where('community_id', '=', cid).orderBy('id').limit(60).execute();
    for (const [i, m] of members.entries()) {
      if (i % 4 === 3 || postIds.length === 0) continue; // a quarter have not claimed yet
      const postId = postIds[i % postIds.length]!;
      await trx.insertInto('pioneer_post_claims').values({ community_id: cid, post_id: postId, party_member_id: m.id, claimed_by: by }).execute();
      const h = households[(i * 2) % Math.max(households.length, 1)];
      if (h && i % 2 === 0)
        await trx
          .insertInto('party_pairings')
          .values({
            community_id: cid,
            party_member_id: m.id,
            household_id: h.id,
            note: '每月上门一次',
            started_on: day(now.getTime() - 90 * DAY),
            created_by: by,
          })
          .execute();
      if (!by) continue;
      const volunteerId = await ensureVolunteer(trx, cid, { partyMemberId: m.id, residentId: m.resident_id, name: m.name, by });
      for (let k = 0; k < 1 + (i % 3); k++) {
        const start = new Date(now.getTime() - (7 + k * 15 + i) * DAY);
        start.setUTCHours(1, 0, 0, 0);
        const len = 2 + (k % 2);
        await recordServiceHours(trx, cid, {
          volunteerId,
          source: { kind: 'party_service', id: postId, title: '先锋岗服务' },
          startedAt: start,
          endedAt: new Date(start.getTime() + len * 3_600_000),
          recordedBy: by,
          note: pick(rand, ['大门值守，劝导电动车不进楼道', '垃圾分类督导', '夜间巡查', '帮助独居老人取快递']),
        });
        hours += len;
      }
    }
  });
  return { reports, posts, hours };
}
