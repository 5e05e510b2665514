import { sql, type Insertable, type Kysely, type Transaction, type Updateable } from 'kysely';
import type { DB, VotesTable } from '../../../platform/db/schema.js';
import { inScope, likeOf, type CommunityId, type Scope } from '../../../platform/db/scope.js';

type Db = Kysely<DB> | Transaction<DB>;

// SQL of votes (表决), their frozen voter lists, ballots and timeline (ADR 0046).

export function insertVote(trx: Transaction<DB>, row: Insertable<VotesTable>) {
  return trx.insertInto('votes').values(row).returning('id').executeTakeFirstOrThrow();
}
export function findVote(db: Db, communityId: CommunityId, id: number) {
  return db.selectFrom('votes').selectAll().where('community_id', '=', communityId).where('id', '=', id).executeTakeFirst();
}
/** Which community a vote the reader may see belongs to (undefined: none, or another community's). */
export function findVoteCommunity(db: Db, scope: Scope, id: number) {
  return db.selectFrom('votes').select(['id', 'community_id']).where(inScope(scope, 'community_id')).where('id', '=', id).executeTakeFirst();
}
/** The vote locked for a change of state or a ballot: a ballot waits for a close in progress, then sees it closed. */
export function lockVote(trx: Transaction<DB>, communityId: CommunityId, id: number, mode: 'update' | 'share') {
  const q = trx.selectFrom('votes').selectAll().where('community_id', '=', communityId).where('id', '=', id);
  return (mode === 'update' ? q.forUpdate() : q.forShare()).executeTakeFirst();
}
export function updateVote(trx: Transaction<DB>, communityId: CommunityId, id: number, set: Updateable<VotesTable>) {
  return trx
    .updateTable('votes')
    .set({ ...set, updated_at: new Date() })
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .execute();
}
export async function listVotes(
  db: Db,
  communityId: CommunityId,
  f: { status?: string; q?: string },
  page: { offset: number; limit: number; order: 'asc' | 'desc' },
) {
  let q = db.selectFrom('votes').where('community_id', '=', communityId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.q) q = q.where('title', 'ilike', likeOf(f.q));
  const total = await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const items = await q
    .selectAll('votes')
    .select((eb) => [
      eb.selectFrom('vote_voters').whereRef('vote_voters.vote_id', '=', 'votes.id').select(eb.fn.countAll<string>().as('n')).as('voter_count'),
      eb.selectFrom('vote_ballots').whereRef('vote_ballots.vote_id', '=', 'votes.id').select(eb.fn.countAll<string>().as('n')).as('ballot_count'),
    ])
    .orderBy('id', page.order === 'asc' ? 'asc' : 'desc')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return { items, total: Number(total.n) };
}

/** The frozen voter list, a thousand rows per insert. */
export async function insertVoters(
  trx: Transaction<DB>,
  communityId: CommunityId,
  voteId: number,
  voters: { voterKey: string; householdId: number | null; residentId: number | null; label: string; weight: string }[],
) {
  for (let i = 0; i < voters.length; i += 1000) {
    await trx
      .insertInto('vote_voters')
      .values(
        voters.slice(i, i + 1000).map((v) => ({
          community_id: communityId,
          vote_id: voteId,
          voter_key: v.voterKey,
          household_id: v.householdId,
          resident_id: v.residentId,
          label: v.label,
          weight: v.weight,
        })),
      )
      .execute();
  }
}
export async function voterCounts(db: Db, communityId: CommunityId, voteId: number) {
  const r = await db
    .selectFrom('vote_voters')
    .select((eb) => [
      eb.fn.countAll<string>().as('n'),
      sql<string>`count(token_hash)`.as('links'),
      eb.selectFrom('vote_ballots').where('vote_ballots.vote_id', '=', voteId).select(eb.fn.countAll<string>().as('b')).as('ballots'),
    ])
    .where('community_id', '=', communityId)
    .where('vote_id', '=', voteId)
    .executeTakeFirstOrThrow();
  return { voters: Number(r.n), links: Number(r.links), ballots: Number(r.ballots ?? 0) };
}
export async function listVoters(
  db: Db,
  communityId: CommunityId,
  voteId: number,
  f: { q?: string; voted?: boolean },
  page: { offset: number; limit: number },
) {
  let q = db
    .selectFrom('vote_voters as v')
    .leftJoin('vote_ballots as b', 'b.voter_id', 'v.id')
    .where('v.community_id', '=', communityId)
    .where('v.vote_id', '=', voteId);
  if (f.q) q = q.where('v.label', 'ilike', likeOf(f.q));
  if (f.voted !== undefined) q = q.where('b.id', f.voted ? 'is not' : 'is', null);
  const total = await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const items = await q
    .select(['v.id', 'v.label', 'v.household_id', 'v.resident_id', 'v.weight', 'v.token_hash', 'b.channel', 'b.ballot_no'])
    .orderBy('v.id')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return { items, total: Number(total.n) };
}
/** Voters of a vote by id (all of them when `ids` is null) that have no link yet, or exactly the given ones. */
export function votersForLinks(db: Db, communityId: CommunityId, voteId: number, ids: number[] | null) {
  return db
    .selectFrom('vote_voters')
    .select(['id', 'label'])
    .where('community_id', '=', communityId)
    .where('vote_id', '=', voteId)
    .$if(ids === null, (q) => q.where('token_hash', 'is', null))
    .$if(ids !== null, (q) => q.where(sql<boolean>`id = any(${sql.val([...(ids ?? []), -1])}::bigint[])`))
    .orderBy('id')
    .execute();
}
/** Stores the hashes of new link keys, a thousand per statement (the old keys stop working). */
export async function setTokenHashes(trx: Transaction<DB>, communityId: CommunityId, voteId: number, rows: { id: number; hash: string }[]) {
  for (let i = 0; i < rows.length; i += 1000) {
    const part = rows.slice(i, i + 1000);
    await sql`update vote_voters v set token_hash = x.hash, link_issued_at = now()
      from (select unnest(${sql.val(part.map((r) => r.id))}::bigint[]) as id, unnest(${sql.val(part.map((r) => r.hash))}::text[]) as hash) x
      where v.id = x.id and v.community_id = ${communityId} and v.vote_id = ${voteId}`.execute(trx);
  }
}
export function findVoter(db: Db, communityId: CommunityId, voteId: number, voterId: number) {
  return db
    .selectFrom('vote_voters')
    .select(['id', 'label'])
    .where('community_id', '=', communityId)
    .where('vote_id', '=', voteId)
    .where('id', '=', voterId)
    .executeTakeFirst();
}
/** The voter a link key belongs to, with its vote's community (the key is the only proof). */
export function voterByTokenHash(db: Db, hash: string) {
  return db.selectFrom('vote_voters').select(['id', 'vote_id', 'community_id', 'label']).where('token_hash', '=', hash).executeTakeFirst();
}
export function ballotOf(db: Db, voterId: number) {
  return db.selectFrom('vote_ballots').select(['id', 'channel', 'choice', 'ballot_no']).where('voter_id', '=', voterId).executeTakeFirst();
}

/**
 * A phone vote: new, or a change of the voter's earlier phone vote. Nothing when the voter's ballot is a paper one
 * (the conflict's where clause); the unique index on voter_id holds one ballot per voter across both channels.
 */
export function upsertPhoneBallot(trx: Transaction<DB>, communityId: CommunityId, voteId: number, voterId: number, choice: string) {
  return trx
    .insertInto('vote_ballots')
    .values({ community_id: communityId, vote_id: voteId, voter_id: voterId, channel: 'phone', choice })
    .onConflict((oc) => oc.column('voter_id').doUpdateSet({ choice, updated_at: new Date() }).where('vote_ballots.channel', '=', 'phone'))
    .returning(['id', sql<boolean>`xmax <> 0`.as('is_change')])
    .executeTakeFirst();
}
/** A paper ballot: a unique violation when the voter has any ballot, or the number is taken. */
export function insertPaperBallot(
  trx: Transaction<DB>,
  communityId: CommunityId,
  voteId: number,
  b: { voterId: number; ballotNo: string; choice: string; enteredBy: number },
) {
  return trx
    .insertInto('vote_ballots')
    .values({
      community_id: communityId,
      vote_id: voteId,
      voter_id: b.voterId,
      channel: 'paper',
      choice: b.choice,
      ballot_no: b.ballotNo,
      entered_by: b.enteredBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export interface TallyRow {
  eligible: string;
  eligible_w: string | null;
  yes: string;
  yes_w: string | null;
  no: string;
  no_w: string | null;
  abstain: string;
  abstain_w: string | null;
  phone: string;
  paper: string;
}
/** The whole count of a vote in one aggregate query over its voters and ballots (20,000 households well under 200 ms). */
export async function countVote(db: Db, communityId: CommunityId, voteId: number): Promise<TallyRow> {
  const r = await sql<TallyRow>`select count(*)::text as eligible, sum(v.weight)::text as eligible_w,
      count(*) filter (where b.choice = 'yes')::text as yes, sum(v.weight) filter (where b.choice = 'yes')::text as yes_w,
      count(*) filter (where b.choice = 'no')::text as no, sum(v.weight) filter (where b.choice = 'no')::text as no_w,
      count(*) filter (where b.choice = 'abstain')::text as abstain, sum(v.weight) filter (where b.choice = 'abstain')::text as abstain_w,
      count(*) filter (where b.channel = 'phone')::text as phone, count(*) filter (where b.channel = 'paper')::text as paper
    from vote_voters v left join vote_ballots b on b.voter_id = v.id
    where v.community_id = ${communityId} and v.vote_id = ${voteId}`.execute(db);
  return r.rows[0]!;
}

export function insertEvent(
  trx: Transaction<DB>,
  row: {
    community_id: number;
    vote_id: number;
    action: string;
    from_status: string | null;
    to_status: string | null;
    actor_id: number | null;
    note: string | null;
  },
) {
  return trx.insertInto('vote_events').values(row).execute();
}
export function listEvents(db: Db, communityId: CommunityId, voteId: number) {
  return db.selectFrom('vote_events').selectAll().where('community_id', '=', communityId).where('vote_id', '=', voteId).orderBy('id').execute();
}
/** Open votes whose closing time has passed, for the closing job. */
export function dueToClose(db: Db, now: Date) {
  return db.selectFrom('votes').select(['id', 'community_id']).where('status', '=', 'open').where('closes_at', '<=', now).orderBy('id').limit(100).execute();
}
/** Votes open now, and published this year (Beijing), for the dashboard. */
export async function voteCounts(db: Db, communityId: CommunityId, yearStart: Date) {
  const r = await db
    .selectFrom('votes')
    .select([
      sql<string>`count(*) filter (where status = 'open')`.as('open'),
      sql<string>`count(*) filter (where published_at >= ${yearStart})`.as('published'),
    ])
    .where('community_id', '=', communityId)
    .executeTakeFirstOrThrow();
  return { open: Number(r.open), publishedThisYear: Number(r.published) };
}
/** A published (or archived after publication) vote by id alone: its 公示 is public. */
export function findPublishedVote(db: Db, id: number) {
  return db.selectFrom('votes').selectAll().where('id', '=', id).where('published_at', 'is not', null).executeTakeFirst();
}

/** The votes of a community under publication now (公示), newest first; with a compound, its votes and the community-wide ones. */
export function listPublishedVotes(db: Db, communityId: CommunityId, f: { compoundId?: number; now: Date; limit: number }) {
  return db
    .selectFrom('votes')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('status', '=', 'published')
    .where('publicity_until', '>', f.now)
    .$if(f.compoundId !== undefined, (q) => q.where((eb) => eb.or([eb('compound_id', '=', f.compoundId!), eb('compound_id', 'is', null)])))
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit)
    .execute();
}
