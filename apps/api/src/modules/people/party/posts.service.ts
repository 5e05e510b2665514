import type {
  ClaimPioneerPostInput,
  CreatePioneerPostInput,
  Page,
  PioneerPost,
  PioneerPostClaim,
  PioneerPostListQuery,
  UpdatePioneerPostInput,
} from '@linli/contracts';
import type { AppContext } from '../../../platform/context.js';
import { authorize, resolveCommunityId, type Actor } from '../../../platform/access/actor.js';
import { diff, writeAudit } from '../../../platform/audit/audit.js';
import type { CommunityId } from '../../../platform/db/scope.js';
import { AppError, invalidField, notFound } from '../../../platform/errors.js';
import { placeRefs } from '../../places/index.js';
import type { Db } from '../common.repository.js';
import * as repo from './party.repository.js';
import { actsForOthers, memberFor, memberNameMap, ownMemberId } from './party.access.js';
import { presentClaim, presentPost } from './party.presenter.js';

type PlaceKind = 'grid' | 'compound' | 'building';

/** Names of places by kind and id, one query per kind. */
export async function placeNameMap(db: Db, cid: CommunityId, places: readonly { kind: PlaceKind; id: number }[]) {
  const out = new Map<string, string>();
  for (const kind of ['grid', 'compound', 'building'] as const) {
    const ids = places.filter((p) => p.kind === kind).map((p) => p.id);
    if (ids.length === 0) continue;
    for (const r of await placeRefs.placeNames(db, cid, kind, ids)) out.set(`${kind}:${r.id}`, r.name);
  }
  return out;
}
/** The place's name, or a field error naming `placeId` when the community has no such place. */
export async function checkPlace(db: Db, cid: CommunityId, kind: PlaceKind, id: number) {
  const name = (await placeNameMap(db, cid, [{ kind, id }])).get(`${kind}:${id}`);
  if (name === undefined) throw invalidField('placeId', 'not_found');
  return name;
}

async function presentPosts(db: Db, cid: CommunityId, rows: repo.PostRow[]) {
  const names = await placeNameMap(
    db,
    cid,
    rows.map((r) => ({ kind: r.place_kind, id: r.place_id })),
  );
  return rows.map((r) => presentPost(r, names.get(`${r.place_kind}:${r.place_id}`) ?? null));
}
async function loadPost(db: Db, cid: CommunityId, id: number) {
  const row = await repo.findPost(db, cid, id);
  if (!row) throw notFound('pioneer post');
  return row;
}

export async function listPioneerPosts(ctx: AppContext, actor: Actor, query: PioneerPostListQuery): Promise<Page<PioneerPost>> {
  authorize(actor, 'party.read');
  const cid = resolveCommunityId(actor, query.communityId);
  const { total, rows } = await repo.listPosts(
    ctx.db,
    cid,
    {
      postClass: query.postClass,
      placeKind: query.placeKind,
      open: query.open === 'true',
      includeArchived: query.includeArchived === 'true',
      q: query.q?.trim() || undefined,
    },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize, sort: query.sort, order: query.order },
  );
  return { items: await presentPosts(ctx.db, cid, rows), total, page: query.page, pageSize: query.pageSize };
}

export async function getPioneerPost(ctx: AppContext, actor: Actor, id: number): Promise<PioneerPost> {
  authorize(actor, 'party.read');
  const cid = resolveCommunityId(actor);
  return (await presentPosts(ctx.db, cid, [await loadPost(ctx.db, cid, id)]))[0]!;
}

/** Sets up a pioneer post (先锋岗) of a class at a grid, compound or building, for so many members. */
export async function createPioneerPost(ctx: AppContext, actor: Actor, input: CreatePioneerPostInput): Promise<PioneerPost> {
  authorize(actor, 'party.write');
  const cid = resolveCommunityId(actor, input.communityId);
  await checkPlace(ctx.db, cid, input.placeKind, input.placeId);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.insertPost(trx, cid, {
      name: input.name,
      post_class: input.postClass,
      place_kind: input.placeKind,
      place_id: input.placeId,
      capacity: input.capacity,
      description: input.description ?? null,
      created_by: actor.accountId,
    });
    const { communityId: _c, ...changes } = input;
    await writeAudit(trx, actor, { communityId: cid, action: 'pioneer_post.created', entityType: 'pioneer_post', entityId: row.id, changes });
    return row.id;
  });
  return getPioneerPost(ctx, actor, id);
}

/** Renames a post or changes its capacity; the capacity never drops below the members holding it. */
export async function updatePioneerPost(ctx: AppContext, actor: Actor, id: number, input: UpdatePioneerPostInput): Promise<PioneerPost> {
  authorize(actor, 'party.write');
  const cid = resolveCommunityId(actor);
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await repo.lockPostForClaim(trx, cid, id);
    if (!locked) throw notFound('pioneer post');
    if (locked.archived_at) throw new AppError('INVALID_STATE', 'pioneer post is archived');
    if (input.capacity !== undefined && input.capacity < locked.held) throw invalidField('capacity', 'too_small', { min: locked.held });
    const before = await loadPost(trx, cid, id);
    await repo.updatePost(trx, cid, id, { name: input.name, capacity: input.capacity, description: input.description });
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'pioneer_post.updated',
      entityType: 'pioneer_post',
      entityId: id,
      changes: diff({ name: before.name, capacity: before.capacity, description: before.description }, input),
    });
  });
  return getPioneerPost(ctx, actor, id);
}

/** Closes a post: its holders leave it the same day, with the reason; the post and its claims stay for the ledger. */
export async function archivePioneerPost(ctx: AppContext, actor: Actor, id: number, reason: string): Promise<PioneerPost> {
  authorize(actor, 'party.write');
  const cid = resolveCommunityId(actor);
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await repo.lockPostForClaim(trx, cid, id);
    if (!locked) throw notFound('pioneer post');
    if (locked.archived_at) throw new AppError('INVALID_STATE', 'pioneer post is already archived');
    const holders = await repo.claimsOf(trx, cid, { postId: id, activeOnly: true });
    for (const c of holders) await repo.leaveClaim(trx, cid, c.id, reason);
    await repo.updatePost(trx, cid, id, { archived_at: new Date() });
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'pioneer_post.archived',
      entityType: 'pioneer_post',
      entityId: id,
      reason,
      changes: { claimsEnded: holders.map((c) => c.id) },
    });
  });
  return getPioneerPost(ctx, actor, id);
}

/**
 * A member claims a place at a post (staff name the member; a party member claims for themself). The post's row is
 * locked for the transaction, so concurrent claims of its last place give one success and PARTY_POST_FULL.
 */
export async function claimPioneerPost(ctx: AppContext, actor: Actor, postId: number, input: ClaimPioneerPostInput): Promise<PioneerPostClaim> {
  authorize(actor, 'party.serve');
  await loadPost(ctx.db, resolveCommunityId(actor), postId);
  const { cid, member } = await memberFor(ctx, actor, input.partyMemberId, { forWrite: true });
  const claimId = await ctx.db.transaction().execute(async (trx) => {
    const post = await repo.lockPostForClaim(trx, cid, postId);
    if (!post) throw notFound('pioneer post');
    if (post.archived_at) throw new AppError('INVALID_STATE', 'pioneer post is archived');
    const mine = await repo.claimsOf(trx, cid, { postId, partyMemberId: member.id, activeOnly: true });
    if (mine.length > 0) throw new AppError('PARTY_ALREADY_CLAIMED', 'the member holds this post already');
    if (post.held >= post.capacity) throw new AppError('PARTY_POST_FULL', 'every place of the post is taken', { capacity: post.capacity });
    const row = await repo.insertClaim(trx, cid, { post_id: postId, party_member_id: member.id, claimed_by: actor.accountId }).catch((err: unknown) => {
      if ((err as { code?: string }).code === '23505') throw new AppError('PARTY_ALREADY_CLAIMED', 'the member holds this post already');
      throw err;
    });
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'pioneer_post.claimed',
      entityType: 'pioneer_post',
      entityId: postId,
      changes: { claimId: row.id, partyMemberId: member.id },
    });
    return row.id;
  });
  const claim = await repo.findClaim(ctx.db, cid, claimId);
  return presentClaim(claim!, member.name);
}

/** A member leaves a post (staff for anyone, a party member their own claim); the claim is kept with the day. */
export async function leavePioneerPost(ctx: AppContext, actor: Actor, postId: number, claimId: number, reason: string | null): Promise<PioneerPostClaim> {
  authorize(actor, 'party.serve');
  const cid = resolveCommunityId(actor);
  const claim = await repo.findClaim(ctx.db, cid, claimId);
  if (!claim || claim.post_id !== postId) throw notFound('pioneer post claim');
  if (!actsForOthers(actor) && claim.party_member_id !== (await ownMemberId(ctx.db, actor, cid))) throw notFound('pioneer post claim');
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.leaveClaim(trx, cid, claimId, reason))) throw new AppError('INVALID_STATE', 'the member has left this post already');
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'pioneer_post.left',
      entityType: 'pioneer_post',
      entityId: postId,
      reason: reason ?? undefined,
      changes: { claimId, partyMemberId: claim.party_member_id },
    });
  });
  const names = await memberNameMap(ctx.db, cid, [claim.party_member_id]);
  return presentClaim((await repo.findClaim(ctx.db, cid, claimId))!, names.get(claim.party_member_id) ?? '');
}

/** Who holds (and held) a post. */
export async function listPostClaims(ctx: AppContext, actor: Actor, postId: number): Promise<{ items: PioneerPostClaim[] }> {
  authorize(actor, 'party.read');
  const cid = resolveCommunityId(actor);
  await loadPost(ctx.db, cid, postId);
  const rows = await repo.claimsOf(ctx.db, cid, { postId });
  const names = await memberNameMap(
    ctx.db,
    cid,
    rows.map((r) => r.party_member_id),
  );
  return { items: rows.map((r) => presentClaim(r, names.get(r.party_member_id) ?? '')) };
}

/** The acting party member's posts held now (the phone's 我的岗位). */
export async function myPioneerPosts(ctx: AppContext, actor: Actor): Promise<{ items: PioneerPostClaim[] }> {
  authorize(actor, 'party.serve');
  const { cid, member } = await memberFor(ctx, actor, undefined, { forWrite: false });
  const rows = await repo.claimsOf(ctx.db, cid, { partyMemberId: member.id, activeOnly: true });
  return { items: rows.map((r) => presentClaim(r, member.name)) };
}
