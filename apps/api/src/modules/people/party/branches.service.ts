import type { AddPartyBranchMemberInput, CreatePartyBranchInput, PartyBranch } from '@linli/contracts';
import type { AppContext } from '../../../platform/context.js';
import { authorize, resolveCommunityId, type Actor } from '../../../platform/access/actor.js';
import { writeAudit } from '../../../platform/audit/audit.js';
import type { CommunityId } from '../../../platform/db/scope.js';
import { AppError, invalidField, notFound } from '../../../platform/errors.js';
import type { Db } from '../common.repository.js';
import * as repo from './branches.repository.js';
import * as party from './party.repository.js';
import { todayBeijing } from './party.access.js';
import { checkPlace, placeNameMap } from './posts.service.js';

// Compound party branches (小区党支部, ADR 0043): an organisation of the community's party members, covering a compound
// or none, with a secretary, committee members and members. A member belongs to one branch at a time.

const unique = (err: unknown, field: string, rule: string): never => {
  if ((err as { code?: string }).code === '23505') throw new AppError('CONFLICT', `${field} ${rule}`, { fields: [{ field, rule }] });
  throw err;
};

async function present(db: Db, cid: CommunityId, rows: repo.BranchRow[]): Promise<PartyBranch[]> {
  const members = await repo.activeMembersOf(
    db,
    cid,
    rows.map((r) => r.id),
  );
  const compounds = await placeNameMap(
    db,
    cid,
    rows.flatMap((r) => (r.compound_id != null ? [{ kind: 'compound' as const, id: r.compound_id }] : [])),
  );
  return rows.map((r) => ({
    id: r.id,
    communityId: r.community_id,
    name: r.name,
    compoundId: r.compound_id,
    compoundName: r.compound_id != null ? (compounds.get(`compound:${r.compound_id}`) ?? null) : null,
    foundedOn: r.founded_on,
    members: members
      .filter((m) => m.branch_id === r.id)
      .map((m) => ({ id: m.id, partyMemberId: m.party_member_id, memberName: m.name, role: m.role, joinedOn: m.joined_on })),
  }));
}

async function loadBranch(db: Db, cid: CommunityId, id: number) {
  const row = await repo.findBranch(db, cid, id);
  if (!row) throw notFound('party branch');
  return row;
}

export async function listBranches(ctx: AppContext, actor: Actor, query: { communityId?: number }): Promise<{ items: PartyBranch[] }> {
  authorize(actor, 'party.read');
  const cid = resolveCommunityId(actor, query.communityId);
  return { items: await present(ctx.db, cid, await repo.listBranches(ctx.db, cid)) };
}

export async function getBranch(ctx: AppContext, actor: Actor, id: number): Promise<PartyBranch> {
  authorize(actor, 'party.read');
  const cid = resolveCommunityId(actor);
  return (await present(ctx.db, cid, [await loadBranch(ctx.db, cid, id)]))[0]!;
}

/** Sets up a branch (its name unique in the community), covering a compound of the community or none. */
export async function createBranch(ctx: AppContext, actor: Actor, input: CreatePartyBranchInput): Promise<PartyBranch> {
  authorize(actor, 'party.write');
  const cid = resolveCommunityId(actor, input.communityId);
  if (input.compoundId != null) {
    await checkPlace(ctx.db, cid, 'compound', input.compoundId).catch(() => {
      throw invalidField('compoundId', 'not_found');
    });
  }
  const id = await ctx.db
    .transaction()
    .execute(async (trx) => {
      const { id } = await repo.insertBranch(trx, cid, {
        name: input.name,
        compound_id: input.compoundId ?? null,
        founded_on: input.foundedOn ?? null,
        created_by: actor.accountId,
      });
      await writeAudit(trx, actor, {
        communityId: cid,
        action: 'party_branch.created',
        entityType: 'party_branch',
        entityId: id,
        changes: { name: input.name, compoundId: input.compoundId ?? null, foundedOn: input.foundedOn ?? null },
      });
      return id;
    })
    .catch((err: unknown) => unique(err, 'name', 'branch_name_taken'));
  return getBranch(ctx, actor, id);
}

/**
 * Adds a party member of the community to the branch with a role. A member of another community answers 404 (like its
 * branch); one already in a branch, or a second secretary, is refused naming the field.
 */
export async function addBranchMember(ctx: AppContext, actor: Actor, branchId: number, input: AddPartyBranchMemberInput): Promise<PartyBranch> {
  authorize(actor, 'party.write');
  const cid = resolveCommunityId(actor);
  await loadBranch(ctx.db, cid, branchId);
  const member = await party.findMember(ctx.db, cid, input.partyMemberId);
  if (!member) throw notFound('party member');
  if (member.archived_at) throw new AppError('INVALID_STATE', 'party member is archived', { fields: [{ field: 'partyMemberId', rule: 'invalid' }] });
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      if (await repo.activeMembership(trx, cid, member.id))
        throw new AppError('CONFLICT', 'member in a branch already', { fields: [{ field: 'partyMemberId', rule: 'in_other_branch' }] });
      if (input.role === 'secretary' && (await repo.activeSecretary(trx, cid, branchId)))
        throw new AppError('CONFLICT', 'branch has a secretary', { fields: [{ field: 'role', rule: 'secretary_taken' }] });
      const { id } = await repo.insertMembership(trx, cid, {
        branch_id: branchId,
        party_member_id: member.id,
        role: input.role,
        joined_on: todayBeijing(),
        created_by: actor.accountId,
      });
      await writeAudit(trx, actor, {
        communityId: cid,
        action: 'party_branch.member_added',
        entityType: 'party_branch',
        entityId: branchId,
        changes: { membershipId: id, partyMemberId: member.id, role: input.role },
      });
    })
    .catch((err: unknown) => unique(err, 'partyMemberId', 'in_other_branch'));
  return getBranch(ctx, actor, branchId);
}
