import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { AppContext } from '../platform/context.js';
import type { Actor } from '../platform/access/actor.js';
import { trustedCommunityId } from '../platform/access/trusted-scope.js';
import { placeRefs } from '../modules/places/index.js';
import { changeVoteStatus, createVote } from '../modules/meetings/votes/votes.service.js';
import { createConvention, putVersionToVote } from '../modules/meetings/votes/conventions.service.js';
import { between, prng, type Rand } from './prng.js';

// Votes and conventions (表决 and 小区公约, ADR 0046), retold from the reports. At 窑洲's 民情恳谈会 the residents of
// 晴岚家园 drafted a compound convention and a deliberation rule; both were posted for two weeks and then adopted by a
// vote of the owners under 民法典 art. 278 (two thirds of owners and of floor area taking part, more than half of both
// in favour), on paper ballots collected by the building heads and on the phone. Both results were published and the
// convention's version is current. A third vote, on a shelter for charging e-bikes, is open now.
// The owners' vote needs floor areas and owners, which the household register does not fill in: they are set here for
// 晴岚家园 (an area per flat, the first adult of most households the owner). Dates are relative to the load day.

const DAY = 86_400_000;

const conventionText = `晴岚家园小区公约
一、爱护公共设施，不私拉电线给电动车充电，电动车不进楼道、不进电梯。
二、垃圾分类投放，大件垃圾放到指定地点，不高空抛物。
三、楼道、消防通道不堆放杂物，车辆按划线停放。
四、饲养宠物要牵绳，及时清理粪便；晚十点后不制造噪音。
五、邻里有事好商量，有矛盾先找楼栋长、网格员调解。`;

const ruleText = `晴岚家园议事规则
一、议题：居民、楼栋长、业委会、物业都可以提出，由社区汇总后张贴公示。
二、议事会：每季度至少召开一次民情恳谈会，紧急事项随时召集。
三、表决：涉及全体业主的事项按《民法典》第二百七十八条由业主表决，其他事项由居民代表表决。
四、公示：表决结果张贴公示七天，公示期满后执行，执行情况在下一次议事会上通报。`;

type Choice = 'yes' | 'no' | 'abstain';

/** Ballots for a share of the frozen voters: paper (numbered, entered by staff) or phone, never both for one voter. */
async function castBallots(ctx: AppContext, cid: number, voteId: number, by: number, rand: Rand, share: number, yes: number, paperShare: number, at: Date) {
  const voters = await ctx.db.selectFrom('vote_voters').select('id').where('vote_id', '=', voteId).orderBy('id').execute();
  let paperNo = 0;
  const rows = voters
    .filter(() => rand() < share)
    .map((v) => {
      const r = rand();
      const choice: Choice = r < yes ? 'yes' : r < yes + (1 - yes) * 0.6 ? 'no' : 'abstain';
      const paper = rand() < paperShare;
      return {
        community_id: cid,
        vote_id: voteId,
        voter_id: v.id,
        channel: paper ? 'paper' : 'phone',
        choice,
        ballot_no: paper ? `QL-${String(++paperNo).padStart(3, '0')}` : null,
        entered_by: paper ? by : null,
        created_at: new Date(at.getTime() + between(rand, 0, 5 * 24 * 60) * 60_000),
      };
    });
  if (rows.length) await ctx.db.insertInto('vote_ballots').values(rows).execute();
  return rows.length;
}

/** Moves a vote's times (and its timeline's) back by `ms`, as if it had been run then. */
async function moveBack(ctx: AppContext, voteId: number, ms: number) {
  const v = await ctx.db
    .selectFrom('votes')
    .select(['opens_at', 'closes_at', 'opened_at', 'closed_at', 'published_at', 'publicity_until', 'created_at'])
    .where('id', '=', voteId)
    .executeTakeFirstOrThrow();
  const back = (d: Date | null) => (d ? new Date(d.getTime() - ms) : null);
  await ctx.db
    .updateTable('votes')
    .set({
      opens_at: back(v.opens_at)!,
      closes_at: back(v.closes_at)!,
      opened_at: back(v.opened_at),
      closed_at: back(v.closed_at),
      published_at: back(v.published_at),
      publicity_until: back(v.publicity_until),
    })
    .where('id', '=', voteId)
    .execute();
  // Creation times are never updated by the app; the demo backdates them, as it writes history.
  const interval = `${Math.round(ms / 1000)} seconds`;
  await sql`update votes set created_at = created_at - ${interval}::interval where id = ${voteId}`.execute(ctx.db);
  await sql`update vote_events set created_at = created_at - ${interval}::interval where vote_id = ${voteId}`.execute(ctx.db);
}

/** 晴岚家园's owners, the two adopted texts and the open vote (see the comment at the top). */
export async function seedVotes(ctx: AppContext, now: Date) {
  const community = await ctx.db.selectFrom('communities').select(['id', 'subdistrict_id']).where('code', '=', 'XT-YT-ZS-YZ').executeTakeFirst();
  if (!community) return { votes: 0, ballots: 0 };
  const cid = trustedCommunityId(community.id);
  const compound = await ctx.db.selectFrom('compounds').select('id').where('community_id', '=', cid).where('name', '=', '晴岚家园').executeTakeFirstOrThrow();
  const account = await ctx.db.selectFrom('accounts').select(['id', 'display_name']).where('username', '=', 'yz_shuji').executeTakeFirstOrThrow();
  const actor: Actor = {
    accountId: account.id,
    role: 'secretary',
    displayName: account.display_name,
    communityId: cid,
    subdistrictId: community.subdistrict_id,
    scope: [cid],
    requestId: crypto.randomUUID(),
    locale: 'zh-CN',
  };
  const rand = prng(4601);

  // Floor areas (专有部分面积) and owners: a 安置小区's flats of 60–130 m²; one household in eight is let, its owner elsewhere.
  const households = await ctx.db
    .selectFrom('households as h')
    .innerJoin('units as u', 'u.id', 'h.unit_id')
    .innerJoin('buildings as b', 'b.id', 'u.building_id')
    .select('h.id')
    .where('h.community_id', '=', cid)
    .where('b.compound_id', '=', compound.id)
    .orderBy('h.id')
    .execute();
  for (const [i, h] of households.entries()) {
    const area = between(rand, 6000, 13000) / 100;
    const owner =
      i % 8 === 5
        ? undefined
        : await ctx.db
            .selectFrom('residents')
            .select('id')
            .where('household_id', '=', h.id)
            .where('archived_at', 'is', null)
            .orderBy('id')
            .limit(1)
            .executeTakeFirst();
    await placeRefs.saveHouseholdOwnership(ctx.db, cid, h.id, area, owner ? [owner.id] : []);
  }

  const topic = await ctx.db
    .selectFrom('meeting_topics')
    .select('id')
    .where('community_id', '=', cid)
    .where('title', '=', '小区公约和议事规则怎么定')
    .executeTakeFirst();
  let ballots = 0;
  // Both texts were voted on together, five weeks ago, over two weeks; published the day after closing.
  const opened = now.getTime() - 35 * DAY;
  for (const [k, text] of [conventionText, ruleText].entries()) {
    const title = k === 0 ? '晴岚家园小区公约' : '晴岚家园议事规则';
    const c = await createConvention(ctx, actor, { title, compoundId: compound.id, body: text });
    const versionId = c.versions[0]!.id;
    const { voteId } = await putVersionToVote(ctx, actor, c.id, versionId, {
      matter: 'ordinary',
      eligibility: 'owners',
      topicId: topic?.id ?? null,
      opensAt: new Date(now.getTime() - 60_000).toISOString(),
      closesAt: new Date(now.getTime() + 14 * DAY).toISOString(),
      publicityDays: 7,
    });
    await changeVoteStatus(ctx, actor, voteId, 'open');
    ballots += await castBallots(ctx, cid, voteId, actor.accountId, rand, k === 0 ? 0.9 : 0.86, k === 0 ? 0.88 : 0.8, 0.35, new Date(opened));
    await changeVoteStatus(ctx, actor, voteId, 'close', '表决期满，纸质票和手机票合并计票');
    await changeVoteStatus(ctx, actor, voteId, 'publish', '在各楼栋公告栏和小区门口张贴公示');
    // Run as if opened five weeks ago: the close fourteen days after, the publication the next day.
    await moveBack(ctx, voteId, now.getTime() - opened);
    const closedAt = new Date(opened + 14 * DAY);
    await ctx.db.updateTable('votes').set({ closes_at: closedAt, closed_at: closedAt }).where('id', '=', voteId).execute();
    await ctx.db
      .updateTable('votes')
      .set({ published_at: new Date(opened + 15 * DAY), publicity_until: new Date(opened + 22 * DAY) })
      .where('id', '=', voteId)
      .execute();
    for (const [action, at] of [
      ['closed', closedAt],
      ['published', new Date(opened + 15 * DAY)],
    ] as const)
      await sql`update vote_events set created_at = ${at} where vote_id = ${voteId} and action = ${action}`.execute(ctx.db);
    await ctx.db
      .updateTable('convention_versions')
      .set({ adopted_at: new Date(opened + 15 * DAY) })
      .where('id', '=', versionId)
      .where('status', '=', 'current')
      .execute();
  }

  // Open now: a shelter for charging e-bikes on the empty ground by the east gate (a common part: owners decide).
  const open = await createVote(ctx, actor, {
    title: '小区东门空地建设电动自行车充电棚',
    body: '拟在东门内侧空地建设可停 60 辆车的充电棚，费用由街道民生项目资金承担，建成后由物业管理、按次收费。请业主表决。',
    matter: 'ordinary',
    eligibility: 'owners',
    compoundId: compound.id,
    opensAt: new Date(now.getTime() - 2 * DAY).toISOString(),
    closesAt: new Date(now.getTime() + 5 * DAY).toISOString(),
    publicityDays: 7,
  });
  await changeVoteStatus(ctx, actor, open.id, 'open');
  ballots += await castBallots(ctx, cid, open.id, actor.accountId, rand, 0.36, 0.8, 0.2, new Date(now.getTime() - 2 * DAY));
  await sql`update vote_ballots set created_at = ${now} where vote_id = ${open.id} and created_at > ${now}`.execute(ctx.db);
  return { votes: 3, ballots };
}

// 建兰's 兰石家属院, an old works compound, has entered the property certificates of 1号楼's first three homes so far
// (专有部分面积 and owner, the eldest adult): an owners' vote there reaches art. 278's quorum with three ballots, which
// the votes journey (e2e/votes.test.ts) walks from a meeting topic to the published result.
const firstHomesM2 = [89.6, 92.35, 118.2];

export async function seedVoteOwners(ctx: AppContext): Promise<void> {
  const db = ctx.db;
  const jl = await db.selectFrom('communities').select('id').where('code', '=', 'LZ-QLH-DHL-JL').executeTakeFirst();
  if (!jl) return;
  const cid = trustedCommunityId(jl.id);
  const homes = await db
    .selectFrom('households as h')
    .innerJoin('units as u', 'u.id', 'h.unit_id')
    .innerJoin('buildings as b', 'b.id', 'u.building_id')
    .innerJoin('compounds as c', 'c.id', 'b.compound_id')
    .select('h.id')
    .where('h.community_id', '=', cid)
    .where('c.name', '=', '兰石家属院')
    .where('b.name', '=', '1号楼')
    .orderBy('h.id')
    .limit(firstHomesM2.length)
    .execute();
  for (const [i, h] of homes.entries()) {
    const eldest = await db
      .selectFrom('residents')
      .select('id')
      .where('community_id', '=', cid)
      .where('household_id', '=', h.id)
      .where('archived_at', 'is', null)
      .orderBy('birth_date', 'asc')
      .limit(1)
      .executeTakeFirst();
    await placeRefs.saveHouseholdOwnership(db, cid, h.id, firstHomesM2[i]!, eldest ? [eldest.id] : []);
  }
}
