import type { Convention, PublicConvention, VoteOutcome } from '@linli/contracts';
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { conventionVoteSchema } from '@linli/contracts';
import type { AppContext } from '../../../platform/context.js';
import type { ConventionsTable, ConventionVersionsTable } from '../../../platform/db/schema.js';
import type { CommunityId } from '../../../platform/db/scope.js';
import { authorize, resolveCommunityId, type Actor } from '../../../platform/access/actor.js';
import { trustedCommunityId } from '../../../platform/access/trusted-scope.js';
import { writeAudit } from '../../../platform/audit/audit.js';
import { AppError, invalidField, notFound } from '../../../platform/errors.js';
import { iso } from '../../../platform/time.js';
import { placeRefs } from '../../places/index.js';
import * as repo from './conventions.repository.js';
import * as votesRepo from './votes.repository.js';
import { insertDraftVote } from './votes.service.js';

type Status = Convention['versions'][number]['status'];

async function present(
  ctx: AppContext,
  cid: CommunityId,
  c: Selectable<ConventionsTable>,
  versions: Selectable<ConventionVersionsTable>[],
): Promise<Convention> {
  const compound = c.compound_id ? (await placeRefs.compoundNames(ctx.db, [c.compound_id]))[0] : undefined;
  const outcomes = new Map<number, VoteOutcome | null>();
  for (const v of versions) if (v.vote_id) outcomes.set(v.vote_id, ((await votesRepo.findVote(ctx.db, cid, v.vote_id))?.outcome as VoteOutcome | null) ?? null);
  return {
    id: c.id,
    communityId: c.community_id,
    compoundId: c.compound_id,
    compoundName: compound?.name ?? null,
    title: c.title,
    currentVersionNo: versions.find((v) => v.status === 'current')?.version_no ?? null,
    createdAt: iso(c.created_at),
    versions: versions.map((v) => ({
      id: v.id,
      versionNo: v.version_no,
      body: v.body,
      status: v.status as Status,
      voteId: v.vote_id,
      voteOutcome: v.vote_id ? (outcomes.get(v.vote_id) ?? null) : null,
      adoptedAt: iso(v.adopted_at),
      createdAt: iso(v.created_at),
    })),
  };
}

export async function listConventions(ctx: AppContext, actor: Actor, communityId?: number) {
  authorize(actor, 'conventions.read');
  const cid = resolveCommunityId(actor, communityId);
  const list = await repo.listConventions(ctx.db, cid);
  const versions = await repo.versionsOf(
    ctx.db,
    list.map((c) => c.id),
  );
  const names = new Map(
    (
      await placeRefs.compoundNames(
        ctx.db,
        list.map((c) => c.compound_id).filter((x): x is number => x !== null),
      )
    ).map((r) => [r.id, r.name]),
  );
  return {
    items: list.map((c) => ({
      id: c.id,
      communityId: c.community_id,
      compoundId: c.compound_id,
      compoundName: c.compound_id ? (names.get(c.compound_id) ?? null) : null,
      title: c.title,
      currentVersionNo: versions.find((v) => v.convention_id === c.id && v.status === 'current')?.version_no ?? null,
      createdAt: iso(c.created_at),
    })),
  };
}

export async function getConvention(ctx: AppContext, actor: Actor, id: number, communityId?: number): Promise<Convention> {
  authorize(actor, 'conventions.read');
  const cid = resolveCommunityId(actor, communityId);
  const c = await repo.findConvention(ctx.db, cid, id);
  if (!c) throw notFound('convention');
  return present(ctx, cid, c, await repo.versionsOf(ctx.db, [id]));
}

/** Starts a convention (小区公约) of a compound or of the community with its first text, proposed until a vote adopts it. */
export async function createConvention(
  ctx: AppContext,
  actor: Actor,
  input: { title: string; compoundId?: number | null; body: string; communityId?: number },
) {
  authorize(actor, 'conventions.write');
  const cid = resolveCommunityId(actor, input.communityId);
  if (input.compoundId && !(await placeRefs.findCompoundRef(ctx.db, cid, input.compoundId))) throw invalidField('compoundId', 'not_found');
  const id = await ctx.db.transaction().execute(async (trx) => {
    const { id } = await repo.insertConvention(trx, {
      community_id: cid,
      compound_id: input.compoundId ?? null,
      title: input.title,
      created_by: actor.accountId,
    });
    await repo.insertVersion(trx, { community_id: cid, convention_id: id, version_no: 1, body: input.body, created_by: actor.accountId });
    await writeAudit(trx, actor, { communityId: cid, action: 'convention.created', entityType: 'convention', entityId: id, changes: { title: input.title } });
    return id;
  });
  return getConvention(ctx, actor, id, cid);
}

/** Proposes a new version of the text; it stays proposed until put to a vote. */
export async function proposeVersion(ctx: AppContext, actor: Actor, id: number, body: string) {
  authorize(actor, 'conventions.write');
  const cid = resolveCommunityId(actor);
  await ctx.db.transaction().execute(async (trx) => {
    const c = await repo.lockConvention(trx, cid, id);
    if (!c) throw notFound('convention');
    const versionNo = await repo.nextVersionNo(trx, id);
    const v = await repo.insertVersion(trx, { community_id: cid, convention_id: id, version_no: versionNo, body, created_by: actor.accountId });
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'convention.version_proposed',
      entityType: 'convention',
      entityId: id,
      changes: { versionNo, versionId: v.id },
    });
  });
  return getConvention(ctx, actor, id, cid);
}

/** Puts a proposed version to a vote of the convention's place: it becomes current when that vote passes and is published. */
export async function putVersionToVote(ctx: AppContext, actor: Actor, id: number, versionId: number, input: z.infer<typeof conventionVoteSchema>) {
  authorize(actor, 'conventions.write');
  authorize(actor, 'votes.write');
  const cid = resolveCommunityId(actor);
  const voteId = await ctx.db.transaction().execute(async (trx) => {
    const c = await repo.lockConvention(trx, cid, id);
    if (!c) throw notFound('convention');
    const version = await repo.findVersion(trx, cid, id, versionId);
    if (!version) throw notFound('convention version');
    if (version.status !== 'proposed') throw new AppError('INVALID_STATE', 'only a proposed version goes to a vote', { status: version.status });
    const voteId = await insertDraftVote(ctx, trx, actor, cid, {
      ...input,
      title: input.title ?? `${c.title}（第${version.version_no}版）`,
      body: version.body,
      compoundId: c.compound_id,
    });
    await repo.setVersionVote(trx, version.id, voteId);
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'convention.version_put_to_vote',
      entityType: 'convention',
      entityId: id,
      changes: { versionId, voteId },
    });
    return voteId;
  });
  return { voteId };
}

/** What residents read on the phone (`/h5/convention?c=`): the current text and the version history. */
export async function publicConvention(ctx: AppContext, id: number): Promise<PublicConvention> {
  const c = await repo.findPublicConvention(ctx.db, id);
  if (!c) throw notFound('convention');
  const cid = trustedCommunityId(c.community_id);
  const versions = (await repo.versionsOf(ctx.db, [id])).filter((v) => v.status === 'current' || v.status === 'superseded');
  const [community] = [...(await placeRefs.communityRefs(ctx.db, [cid])).values()];
  const compound = c.compound_id ? (await placeRefs.compoundNames(ctx.db, [c.compound_id]))[0] : undefined;
  const current = versions.find((v) => v.status === 'current');
  return {
    id: c.id,
    title: c.title,
    communityName: community?.name ?? '',
    compoundName: compound?.name ?? null,
    current: current ? { versionNo: current.version_no, body: current.body, adoptedAt: iso(current.adopted_at), voteId: current.vote_id } : null,
    history: versions
      .slice()
      .reverse()
      .map((v) => ({ versionNo: v.version_no, adoptedAt: iso(v.adopted_at), status: v.status as Status, voteId: v.vote_id })),
  };
}
