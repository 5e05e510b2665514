import type { PaperBallotInput, VoteChannel, VoteChoice, VoteEligibility, VoteMatter, VoteNotice, VoterPage, VoteStatus } from '@linli/contracts';
import type { AppContext } from '../../../platform/context.js';
import { authorize, type Actor } from '../../../platform/access/actor.js';
import { trustedCommunityId } from '../../../platform/access/trusted-scope.js';
import { writeAudit } from '../../../platform/audit/audit.js';
import { AppError, invalidField, notFound } from '../../../platform/errors.js';
import { iso } from '../../../platform/time.js';
import { placeRefs } from '../../places/index.js';
import type { Selectable } from 'kysely';
import type { VotesTable } from '../../../platform/db/schema.js';
import * as repo from './votes.repository.js';
import { areaText } from './tally.js';
import { hashVoteKey, newVoteKey, voteLinkPath } from './links.js';
import { acceptsBallots } from './vote-state.js';
import { voteCommunity } from './votes.service.js';

const invalidLink = () => new AppError('VOTE_LINK_INVALID', 'voting link not valid');
const closed = () => new AppError('VOTE_CLOSED', 'the vote is not open');
const alreadyCast = () => new AppError('VOTE_ALREADY_CAST', 'this voter has a ballot through the other channel');
const isUniqueViolation = (err: unknown, index: string) =>
  (err as { code?: string }).code === '23505' &&
  String((err as { constraint?: string; message?: string }).constraint ?? (err as Error).message).includes(index);

/** The voter list of a vote: who has a link, who has voted and how (phone or paper), never the choice. */
export async function listVoters(ctx: AppContext, actor: Actor, voteId: number, q: { page: number; pageSize: number; q?: string; voted?: 'yes' | 'no' }) {
  authorize(actor, 'votes.read');
  const cid = await voteCommunity(ctx, actor, voteId);
  const v = await repo.findVote(ctx.db, cid, voteId);
  const { items, total } = await repo.listVoters(
    ctx.db,
    cid,
    voteId,
    { q: q.q?.trim() || undefined, voted: q.voted === undefined ? undefined : q.voted === 'yes' },
    { offset: (q.page - 1) * q.pageSize, limit: q.pageSize },
  );
  return {
    items: items.map((r) => ({
      id: r.id,
      label: r.label,
      householdId: r.household_id,
      residentId: r.resident_id,
      area: v?.eligibility === 'owners' ? areaText(BigInt(r.weight)) : null,
      hasLink: r.token_hash !== null,
      channel: (r.channel as VoteChannel | null) ?? null,
      ballotNo: r.ballot_no,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/**
 * Issues private voting links (printed per household or handed out): to every voter without one, or again to the
 * given voters (their old links stop working). The keys appear only in this answer; only their hashes are kept.
 */
export async function issueVoteLinks(ctx: AppContext, actor: Actor, voteId: number, voterIds?: number[]) {
  authorize(actor, 'votes.write');
  const cid = await voteCommunity(ctx, actor, voteId);
  return ctx.db.transaction().execute(async (trx) => {
    const v = await repo.lockVote(trx, cid, voteId, 'share');
    if (!v || (v.status !== 'open' && v.status !== 'draft')) throw closed();
    if (v.status === 'draft') throw new AppError('INVALID_STATE', 'open the vote first: its voters are listed when it opens');
    const voters = await repo.votersForLinks(trx, cid, voteId, voterIds ?? null);
    if (voterIds && voters.length !== new Set(voterIds).size) throw invalidField('voterIds', 'not_a_voter');
    const issued = voters.map((x) => ({ ...x, key: newVoteKey() }));
    await repo.setTokenHashes(
      trx,
      cid,
      voteId,
      issued.map((x) => ({ id: x.id, hash: hashVoteKey(x.key) })),
    );
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'vote.links_issued',
      entityType: 'vote',
      entityId: voteId,
      changes: { count: issued.length, reissued: voterIds ? voterIds.length : 0 },
    });
    return { items: issued.map((x) => ({ voterId: x.id, label: x.label, path: voteLinkPath(voteId, x.key) })) };
  });
}

/** Staff enter a paper ballot (纸质选票) with its number; never for a voter who voted on the phone. */
export async function enterPaperBallot(ctx: AppContext, actor: Actor, voteId: number, input: PaperBallotInput) {
  authorize(actor, 'votes.ballots');
  const cid = await voteCommunity(ctx, actor, voteId);
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const v = await repo.lockVote(trx, cid, voteId, 'share');
      if (!v) throw notFound('vote');
      if (!acceptsBallots(v, new Date(), 'paper')) throw closed();
      if (!(await repo.findVoter(trx, cid, voteId, input.voterId))) throw invalidField('voterId', 'not_a_voter');
      const { id } = await repo.insertPaperBallot(trx, cid, voteId, {
        voterId: input.voterId,
        ballotNo: input.ballotNo,
        choice: input.choice,
        enteredBy: actor.accountId,
      });
      await writeAudit(trx, actor, {
        communityId: cid,
        action: 'vote.paper_ballot_entered',
        entityType: 'vote_ballot',
        entityId: id,
        changes: { voteId, voterId: input.voterId, ballotNo: input.ballotNo },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err, 'vote_ballots_number')) throw invalidField('ballotNo', 'taken');
    if (isUniqueViolation(err, 'vote_ballots_one_per_voter')) throw alreadyCast();
    throw err;
  }
  return { ok: true as const, channel: 'paper' as const, choice: input.choice, isChange: false };
}

async function voterOfKey(ctx: AppContext, key: string) {
  const voter = await repo.voterByTokenHash(ctx.db, hashVoteKey(key));
  if (!voter) throw invalidLink();
  return { voter, cid: trustedCommunityId(voter.community_id) };
}

function tallyIfPublic(v: Selectable<VotesTable>, now: Date): VoteNotice['tally'] {
  const inPublicity = v.status === 'published' && v.publicity_until !== null && now.getTime() < v.publicity_until.getTime();
  return inPublicity && v.result ? (JSON.parse(v.result) as VoteNotice['tally']) : null;
}

/** A vote as the phone shows it: the question and, while published, the numbers. */
export async function noticeOf(ctx: AppContext, v: Selectable<VotesTable>): Promise<VoteNotice> {
  const [community] = [...(await placeRefs.communityRefs(ctx.db, [v.community_id])).values()];
  const compound = v.compound_id ? (await placeRefs.compoundNames(ctx.db, [v.compound_id]))[0] : undefined;
  return {
    id: v.id,
    title: v.title,
    body: v.body,
    communityName: community?.name ?? '',
    compoundName: compound?.name ?? null,
    matter: v.matter as VoteMatter,
    eligibility: v.eligibility as VoteEligibility,
    status: v.status as VoteStatus,
    closesAt: iso(v.closes_at),
    publishedAt: iso(v.published_at),
    publicityUntil: iso(v.publicity_until),
    tally: tallyIfPublic(v, new Date()),
  };
}

/** The voter's page on the phone: the question, their current choice, whether they may still vote, the result once published. */
export async function voterPage(ctx: AppContext, key: string): Promise<VoterPage> {
  const { voter, cid } = await voterOfKey(ctx, key);
  const v = await repo.findVote(ctx.db, cid, voter.vote_id);
  if (!v) throw invalidLink();
  const ballot = await repo.ballotOf(ctx.db, voter.id);
  return {
    ...(await noticeOf(ctx, v)),
    voterLabel: voter.label,
    myChoice: (ballot?.choice as VoteChoice | undefined) ?? null,
    myChannel: (ballot?.channel as VoteChannel | undefined) ?? null,
    canVote: acceptsBallots(v, new Date(), 'phone') && ballot?.channel !== 'paper',
  };
}

/** A phone vote through the private link; changeable until the close. After the close: VOTE_CLOSED and nothing changes. */
export async function castPhoneVote(ctx: AppContext, key: string, choice: VoteChoice) {
  const { voter, cid } = await voterOfKey(ctx, key);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const v = await repo.lockVote(trx, cid, voter.vote_id, 'share');
      if (!v) throw invalidLink();
      if (!acceptsBallots(v, new Date(), 'phone')) throw closed();
      const row = await repo.upsertPhoneBallot(trx, cid, v.id, voter.id, choice);
      if (!row) throw alreadyCast();
      await writeAudit(trx, null, {
        communityId: cid,
        action: row.is_change ? 'vote.phone_ballot_changed' : 'vote.phone_ballot_cast',
        entityType: 'vote_ballot',
        entityId: row.id,
        changes: { voteId: v.id, voterId: voter.id },
      });
      return { ok: true as const, channel: 'phone' as const, choice, isChange: Boolean(row.is_change) };
    });
  } catch (err) {
    if (isUniqueViolation(err, 'vote_ballots_one_per_voter')) throw alreadyCast();
    throw err;
  }
}

/** The published result (公示) on the phone: anyone may read it while it is published; the numbers only in the period. */
export async function voteNotice(ctx: AppContext, voteId: number): Promise<VoteNotice> {
  const v = await repo.findPublishedVote(ctx.db, voteId);
  if (!v) throw notFound('vote');
  return noticeOf(ctx, v);
}
