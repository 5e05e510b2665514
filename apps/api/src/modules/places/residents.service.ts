import type { CreateResidentInput, ResidentListQuery, ResidentPii, UpdateResidentInput } from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { authorize, resolveCommunityId, scopeIds, scopeOf, type Actor } from '../../platform/access/actor.js';
import { communityIn, scopeOfOne, type CommunityId } from '../../platform/db/scope.js';
import { AppError, invalidField, notFound, uniqueAs } from '../../platform/errors.js';
import { diff, logPiiAccess, writeAudit } from '../../platform/audit/audit.js';
import { publish } from '../../platform/outbox/outbox.js';
import { maskIdCard, maskPhone } from '../../platform/crypto/pii.js';
import * as repo from './places.repository.js';
import { presentResident } from './places.presenter.js';
import { reachOf } from './places.policy.js';
import { checkResidentTags } from './tags.service.js';

/** Residents: the register, its personal fields (sealed, read with an access-log row) and their audit. */

export async function listResidents(ctx: AppContext, actor: Actor, query: ResidentListQuery) {
  authorize(actor, 'residents.read');
  const cid = resolveCommunityId(actor, query.communityId);
  const q = query.q?.trim();
  const { total, rows } = await repo.listResidents(
    ctx.db,
    cid,
    {
      compoundId: query.compoundId,
      buildingId: query.buildingId,
      unitId: query.unitId,
      householdId: query.householdId,
      tag: query.tag,
      hukouLocal: query.hukouLocal === undefined ? undefined : query.hukouLocal === 'true',
      includeArchived: query.includeArchived === 'true',
      q: q || undefined,
      phoneHash: q && /^1\d{10}$/.test(q) ? ctx.pii.hash(q) : undefined,
      reach: reachOf(actor),
    },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize, sort: query.sort, order: query.order },
  );
  return { items: rows.map(presentResident), total, page: query.page, pageSize: query.pageSize };
}

export async function getResident(ctx: AppContext, actor: Actor, id: number) {
  authorize(actor, 'residents.read');
  const r = await repo.findResident(ctx.db, scopeIds(actor), id, reachOf(actor));
  if (!r) throw notFound('resident');
  return presentResident(r);
}

/** Whether the actor reaches this resident of the community (their grids or buildings); for other modules' resident fields. */
export async function isResidentWithinReach(ctx: AppContext, actor: Actor, communityId: number, residentId: number) {
  const cid = communityIn(scopeOf(actor), communityId);
  return cid !== null && (await repo.findResident(ctx.db, scopeOfOne(cid), residentId, reachOf(actor))) !== undefined;
}

/** Encrypted columns for the personal fields that the input carries (undefined = leave as is). */
export function sealResidentFields(ctx: AppContext, input: { phone?: string | null; idCard?: string | null; sensitiveTags?: string[] }) {
  const out: Partial<repo.ResidentInsert> = {};
  if (input.phone !== undefined) {
    const s = ctx.pii.seal(input.phone, maskPhone);
    Object.assign(out, { phone_enc: s.enc, phone_masked: s.masked, phone_hash: s.hash });
  }
  if (input.idCard !== undefined) {
    const s = ctx.pii.seal(input.idCard?.toUpperCase(), maskIdCard);
    Object.assign(out, { id_card_enc: s.enc, id_card_masked: s.masked, id_card_hash: s.hash });
  }
  if (input.sensitiveTags !== undefined) {
    out.sensitive_enc = input.sensitiveTags.length ? ctx.pii.encrypt(JSON.stringify(input.sensitiveTags)) : null;
  }
  return out;
}

/** The household a resident is put in: of the community and within the writer's reach (one with a reach must name one). */
async function checkHousehold(ctx: AppContext, actor: Actor, communityId: CommunityId, householdId: number | null | undefined) {
  const reach = reachOf(actor);
  if (householdId == null) {
    if (reach) throw invalidField('householdId', 'required');
    return;
  }
  const h = await repo.findHousehold(ctx.db, scopeOfOne(communityId), householdId, reach);
  if (!h) throw invalidField('householdId', 'not_found');
}

/** Personal fields are audited as "changed", never with their values. */
function auditableChanges(input: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) {
    if (v === undefined) continue;
    out[k] = k === 'phone' || k === 'idCard' || k === 'sensitiveTags' ? '(changed)' : v;
  }
  return out;
}

export async function createResident(ctx: AppContext, actor: Actor, input: CreateResidentInput) {
  authorize(actor, 'residents.write');
  const cid = resolveCommunityId(actor, input.communityId);
  await checkHousehold(ctx, actor, cid, input.householdId);
  await checkResidentTags(ctx.db, cid, input);
  const sealed = sealResidentFields(ctx, input);
  if (sealed.id_card_hash && (await repo.findResidentIdByIdCardHash(ctx.db, cid, sealed.id_card_hash))) throw invalidField('idCard', 'duplicate_existing');
  const id = await ctx.db.transaction().execute(async (trx) => {
    const [row] = await repo
      .insertResidents(trx, [
        {
          community_id: cid,
          household_id: input.householdId ?? null,
          name: input.name,
          gender: input.gender ?? null,
          birth_date: input.birthDate ?? null,
          phone_enc: null,
          phone_masked: null,
          phone_hash: null,
          id_card_enc: null,
          id_card_masked: null,
          id_card_hash: null,
          sensitive_enc: null,
          ...sealed,
          hukou_local: input.hukouLocal,
          tags: input.tags,
          relation: input.relation ?? null,
          notes: input.notes ?? null,
          archived_at: null,
        },
      ])
      .catch(uniqueAs('idCard'));
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'resident.created',
      entityType: 'resident',
      entityId: row!.id,
      changes: auditableChanges({ ...input, communityId: undefined }),
    });
    await publish(trx, 'resident.created', { communityId: cid, residentId: row!.id });
    return row!.id;
  });
  return getResident(ctx, actor, id);
}

export async function updateResident(ctx: AppContext, actor: Actor, id: number, input: UpdateResidentInput) {
  authorize(actor, 'residents.write');
  const before = await getResident(ctx, actor, id);
  if (input.householdId !== undefined) await checkHousehold(ctx, actor, resolveCommunityId(actor, before.communityId), input.householdId);
  await checkResidentTags(ctx.db, resolveCommunityId(actor, before.communityId), input);
  const sealed = sealResidentFields(ctx, input);
  if (sealed.id_card_hash && (await repo.findResidentIdByIdCardHash(ctx.db, resolveCommunityId(actor, before.communityId), sealed.id_card_hash, id)))
    throw invalidField('idCard', 'duplicate_existing');
  const plain = {
    name: input.name,
    gender: input.gender,
    birthDate: input.birthDate,
    hukouLocal: input.hukouLocal,
    tags: input.tags,
    relation: input.relation,
    notes: input.notes,
    householdId: input.householdId,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo
      .updateResident(trx, resolveCommunityId(actor, before.communityId), id, {
        name: input.name,
        gender: input.gender,
        birth_date: input.birthDate,
        hukou_local: input.hukouLocal,
        tags: input.tags,
        relation: input.relation,
        notes: input.notes,
        household_id: input.householdId,
        ...sealed,
      })
      .catch(uniqueAs('idCard'));
    const changes: Record<string, unknown> = diff(before, plain);
    for (const k of ['phone', 'idCard', 'sensitiveTags'] as const) if (input[k] !== undefined) changes[k] = '(changed)';
    await writeAudit(trx, actor, { communityId: before.communityId, action: 'resident.updated', entityType: 'resident', entityId: id, changes });
  });
  return getResident(ctx, actor, id);
}

export async function archiveResident(ctx: AppContext, actor: Actor, id: number, reason: string) {
  authorize(actor, 'residents.write');
  const before = await getResident(ctx, actor, id);
  if (before.archivedAt) throw new AppError('INVALID_STATE', 'resident already archived');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateResident(trx, resolveCommunityId(actor, before.communityId), id, { archived_at: new Date() });
    await writeAudit(trx, actor, { communityId: before.communityId, action: 'resident.archived', entityType: 'resident', entityId: id, reason });
  });
  return getResident(ctx, actor, id);
}

/** The full personal data of a resident. The read and its access-log row are one transaction. */
export async function viewResidentPii(ctx: AppContext, actor: Actor, id: number): Promise<ResidentPii> {
  authorize(actor, 'residents.read');
  const secrets = await repo.findResidentSecrets(ctx.db, scopeIds(actor), id, reachOf(actor));
  if (!secrets) throw notFound('resident');
  authorize(actor, 'residents.viewPii');
  return ctx.db.transaction().execute(async (trx) => {
    const fields = ['phone', 'idCard', 'sensitiveTags'].filter((f) =>
      f === 'phone' ? secrets.phone_enc : f === 'idCard' ? secrets.id_card_enc : secrets.sensitive_enc,
    );
    await logPiiAccess(trx, secrets.community_id, {
      actor_id: actor.accountId,
      entity_type: 'resident',
      entity_id: String(id),
      fields,
      request_id: actor.requestId,
    });
    return {
      id,
      phone: secrets.phone_enc ? ctx.pii.decrypt(secrets.phone_enc) : null,
      idCard: secrets.id_card_enc ? ctx.pii.decrypt(secrets.id_card_enc) : null,
      sensitiveTags: secrets.sensitive_enc ? (JSON.parse(ctx.pii.decrypt(secrets.sensitive_enc)) as string[]) : [],
    };
  });
}
