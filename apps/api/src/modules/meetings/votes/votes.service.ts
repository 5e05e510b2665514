import type { CreateVoteInput, Page, Vote, VoteEligibility, VoteSummary } from '@linli/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { AppContext } from '../../../platform/context.js';
import type { DB } from '../../../platform/db/schema.js';
import type { CommunityId } from '../../../platform/db/scope.js';
import { authorize, resolveCommunityId, scopeOf, type Actor } from '../../../platform/access/actor.js';
import { AppError, invalidField, notFound } from '../../../platform/errors.js';
import { beijingDate, iso } from '../../../platform/time.js';
import { placeRefs } from '../../places/index.js';
import { accountNames } from '../../people/index.js';
import { getTopicRef } from '../refs.repository.js';
import * as repo from './votes.repository.js';
import * as conventionsRepo from './conventions.repository.js';
import { presentVoteSummary, ruleOfRow, tallyOf } from './votes.presenter.js';
import { recordVoteStep } from './record-step.js';
import { defaultCustomRule, fractionIssue, latestAdultBirthDate, ruleFor } from './tally.js';
import { nextVoteStatus, type VoteAction } from './vote-state.js';
import type { VoteStatus } from '@linli/contracts/vote-labels';

/** The community of a vote the actor may see, or 404. */
export async function voteCommunity(ctx: AppContext, actor: Actor, id: number): Promise<CommunityId> {
  const row = await repo.findVoteCommunity(ctx.db, scopeOf(actor), id);
  if (!row) throw notFound('vote');
  return resolveCommunityId(actor, row.community_id);
}

async function compoundNamesOf(ctx: AppContext, ids: Array<number | null>) {
  const list = [...new Set(ids.filter((x): x is number => x !== null))];
  return new Map((await placeRefs.compoundNames(ctx.db, list)).map((c) => [Number(c.id), c.name]));
}

/** Checks a new vote's fields; the shares only matter where the law does not fix them. */
async function checkVoteInput(db: Kysely<DB> | Transaction<DB>, cid: CommunityId, input: CreateVoteInput) {
  if (Date.parse(input.closesAt) <= Date.parse(input.opensAt)) throw invalidField('closesAt', 'not_after_opens');
  if (input.compoundId && !(await placeRefs.findCompoundRef(db, cid, input.compoundId))) throw invalidField('compoundId', 'not_found');
  if (input.topicId && !(await getTopicRef(db, cid, input.topicId))) throw invalidField('topicId', 'not_found');
  const rule = ruleFor(input.eligibility, input.matter, null);
  if (rule.statutory) return { quorum: null, threshold: null };
  for (const field of ['quorum', 'threshold'] as const) {
    const f = input[field];
    if (f && fractionIssue(f)) throw invalidField(field, 'invalid');
  }
  // One share set and the other left out: the other keeps its default (more than half), not both.
  if (!input.quorum && !input.threshold) return { quorum: null, threshold: null };
  return { quorum: input.quorum ?? defaultCustomRule.quorum, threshold: input.threshold ?? defaultCustomRule.threshold };
}

/** Inserts a draft vote (in the caller's transaction, so a convention version can link it in the same one). */
export async function insertDraftVote(ctx: AppContext, trx: Transaction<DB>, actor: Actor, cid: CommunityId, input: CreateVoteInput) {
  const { quorum, threshold } = await checkVoteInput(trx, cid, input);
  const { id } = await repo.insertVote(trx, {
    community_id: cid,
    compound_id: input.compoundId ?? null,
    topic_id: input.topicId ?? null,
    title: input.title,
    body: input.body ?? '',
    matter: input.matter,
    eligibility: input.eligibility,
    quorum_num: quorum?.num ?? null,
    quorum_den: quorum?.den ?? null,
    quorum_strict: quorum?.strict ?? null,
    threshold_num: threshold?.num ?? null,
    threshold_den: threshold?.den ?? null,
    threshold_strict: threshold?.strict ?? null,
    opens_at: new Date(input.opensAt),
    closes_at: new Date(input.closesAt),
    publicity_days: input.publicityDays ?? 7,
    created_by: actor.accountId,
  });
  await recordVoteStep(trx, {
    communityId: cid,
    voteId: id,
    action: 'created',
    toStatus: 'draft',
    actor,
    changes: { title: input.title, matter: input.matter, eligibility: input.eligibility },
  });
  return id;
}

/** Drafts a vote (表决): who may vote, the matter and its rule, the period and the days of publicity. */
export async function createVote(ctx: AppContext, actor: Actor, input: CreateVoteInput): Promise<Vote> {
  authorize(actor, 'votes.write');
  const cid = resolveCommunityId(actor, input.communityId);
  const id = await ctx.db.transaction().execute((trx) => insertDraftVote(ctx, trx, actor, cid, input));
  return getVote(ctx, actor, id, cid);
}

export async function listVotes(
  ctx: AppContext,
  actor: Actor,
  query: { page: number; pageSize: number; q?: string; status?: VoteStatus; order: 'asc' | 'desc'; sort?: string; communityId?: number },
): Promise<Page<VoteSummary>> {
  authorize(actor, 'votes.read');
  const cid = resolveCommunityId(actor, query.communityId);
  const { items, total } = await repo.listVotes(
    ctx.db,
    cid,
    { status: query.status, q: query.q?.trim() || undefined },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize, order: query.sort ? query.order : 'desc' },
  );
  const names = await compoundNamesOf(
    ctx,
    items.map((v) => v.compound_id),
  );
  return {
    items: items.map((v) =>
      presentVoteSummary(v, v.compound_id ? (names.get(v.compound_id) ?? null) : null, {
        voters: Number(v.voter_count ?? 0),
        ballots: Number(v.ballot_count ?? 0),
      }),
    ),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** A vote with its rule, its count (live while open, the kept result after) and its timeline; another community's is 404. */
export async function getVote(ctx: AppContext, actor: Actor, id: number, communityId?: number): Promise<Vote> {
  authorize(actor, 'votes.read');
  const cid = communityId ? resolveCommunityId(actor, communityId) : await voteCommunity(ctx, actor, id);
  const v = await repo.findVote(ctx.db, cid, id);
  if (!v) throw notFound('vote');
  const rule = ruleOfRow(v);
  const [counts, events, names, version] = await Promise.all([
    repo.voterCounts(ctx.db, cid, id),
    repo.listEvents(ctx.db, cid, id),
    compoundNamesOf(ctx, [v.compound_id]),
    conventionsRepo.versionOfVote(ctx.db, cid, id),
  ]);
  const actors = await accountNames(
    ctx.db,
    events.map((e) => e.actor_id).filter((x): x is number => x !== null),
  );
  const tally = v.result ? (JSON.parse(v.result) as Vote['tally']) : v.status === 'open' ? tallyOf(await repo.countVote(ctx.db, cid, id), rule) : null;
  return {
    ...presentVoteSummary(v, v.compound_id ? (names.get(v.compound_id) ?? null) : null, counts),
    body: v.body,
    publicityDays: v.publicity_days,
    rule,
    linksIssued: counts.links,
    tally,
    openedAt: iso(v.opened_at),
    closedAt: iso(v.closed_at),
    conventionId: version?.convention_id ?? null,
    events: events.map((e) => ({
      id: e.id,
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      actorName: e.actor_id ? (actors.get(e.actor_id) ?? null) : null,
      note: e.note,
      createdAt: iso(e.created_at),
    })),
  };
}

/** The state change itself, on a locked vote, with what each step does beside it. */
export async function moveVote(ctx: AppContext, trx: Transaction<DB>, actor: Actor | null, cid: CommunityId, id: number, action: VoteAction, note?: string) {
  const v = await repo.lockVote(trx, cid, id, 'update');
  if (!v) throw notFound('vote');
  const from = v.status as VoteStatus;
  const to = nextVoteStatus(from, action);
  if (!to) throw new AppError('INVALID_STATE', `vote cannot ${action} from ${from}`, { from, action });
  const now = new Date();
  if (action === 'open') {
    // The voters are frozen now: adults are counted by their age on the closing day (Beijing).
    const voters = await placeRefs.eligibleVoters(trx, cid, {
      mode: v.eligibility as VoteEligibility,
      compoundId: v.compound_id,
      bornBy: latestAdultBirthDate(beijingDate(v.closes_at)),
    });
    if (voters.length === 0) throw invalidField('eligibility', 'no_eligible_voters');
    await repo.insertVoters(
      trx,
      cid,
      id,
      voters.map((x) => ({
        voterKey: v.eligibility === 'adults' ? `r${x.residentId}` : `h${x.householdId}`,
        householdId: x.householdId,
        residentId: x.residentId,
        label: x.label,
        weight: x.weight,
      })),
    );
    await repo.updateVote(trx, cid, id, { status: to, opened_at: now });
  } else if (action === 'close') {
    const result = tallyOf(await repo.countVote(trx, cid, id), ruleOfRow(v));
    await repo.updateVote(trx, cid, id, { status: to, closed_at: now, outcome: result.outcome, result: JSON.stringify(result) });
  } else if (action === 'publish') {
    const until = new Date(now.getTime() + v.publicity_days * 86_400_000);
    await repo.updateVote(trx, cid, id, { status: to, published_at: now, publicity_until: until });
    // A convention version put to this vote: adopted when it passed, else rejected.
    const version = await conventionsRepo.versionOfVote(trx, cid, id);
    if (version && version.status === 'voting') {
      if (v.outcome === 'passed') await conventionsRepo.adoptVersion(trx, version.convention_id, version.id, now);
      else await conventionsRepo.rejectVersion(trx, version.id);
    }
  } else {
    await repo.updateVote(trx, cid, id, { status: to, archived_at: now });
  }
  await recordVoteStep(trx, {
    communityId: cid,
    voteId: id,
    action: `${action === 'open' ? 'opened' : action === 'close' ? 'closed' : action === 'publish' ? 'published' : 'archived'}`,
    fromStatus: from,
    toStatus: to,
    actor,
    note: note ?? null,
  });
}

/** Opens, closes (the result is counted and kept), publishes (公示 for the set days) or archives a vote. */
export async function changeVoteStatus(ctx: AppContext, actor: Actor, id: number, action: VoteAction, note?: string): Promise<Vote> {
  authorize(actor, 'votes.write');
  const cid = await voteCommunity(ctx, actor, id);
  await ctx.db.transaction().execute((trx) => moveVote(ctx, trx, actor, cid, id, action, note));
  return getVote(ctx, actor, id, cid);
}
