import { iso } from '../../platform/time.js';
import type { CreateResidentInput, ResidentListQuery, ResidentPii, UpdateResidentInput } from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { authorize, canSeeCommunity, resolveCommunityId, scopeIds, scopeOf, type Actor } from '../../platform/access/actor.js';
import { communityIn, scopeOfOne, type CommunityId } from '../../platform/db/scope.js';
import { AppError, invalidField, notFound, uniqueAs } from '../../platform/errors.js';
import { diff, listAuditEntries, listPiiAccess, logPiiAccess, writeAudit } from '../../platform/audit/audit.js';
import { publish } from '../../platform/outbox/outbox.js';
import * as people from '../people/index.js';
import { maskIdCard, maskPhone } from '../../platform/crypto/pii.js';
import * as repo from './places.repository.js';
import { householdLabel, presentResident } from './places.presenter.js';
import { reachOf } from './places.policy.js';

/** Communities the actor may see, with counts. */
export async function listCommunities(ctx: AppContext, actor: Actor, onlyId?: number) {
  const rows = await repo.listCommunities(ctx.db, scopeIds(actor), onlyId);
  return rows.map((c) => ({
    id: c.id,
    name: c.name,
    code: c.code,
    address: c.address,
    timezone: c.timezone,
    subdistrictId: c.subdistrict_id,
    subdistrictName: c.subdistrict_name,
    districtName: c.district_name,
    city: c.city,
    stats: { compounds: Number(c.compounds ?? 0), households: Number(c.households ?? 0), residents: Number(c.residents ?? 0) },
  }));
}

export async function getCommunity(ctx: AppContext, actor: Actor, id: number) {
  if (!canSeeCommunity(actor, id)) throw notFound('community');
  const [found] = await listCommunities(ctx, actor, id);
  if (!found) throw notFound('community');
  return found;
}

const presentCompound = (c: NonNullable<Awaited<ReturnType<typeof repo.findCompound>>>) => ({
  id: c.id,
  communityId: c.community_id,
  gridId: c.grid_id,
  gridName: c.grid_name,
  name: c.name,
  address: c.address,
  buildingCount: Number(c.building_count ?? 0),
  householdCount: Number(c.household_count ?? 0),
});

export async function listCompounds(ctx: AppContext, actor: Actor, communityId?: number) {
  authorize(actor, 'places.read');
  return (await repo.listCompounds(ctx.db, resolveCommunityId(actor, communityId))).map(presentCompound);
}

export async function getCompound(ctx: AppContext, actor: Actor, id: number) {
  authorize(actor, 'places.read');
  const c = await repo.findCompound(ctx.db, scopeIds(actor), id);
  if (!c) throw notFound('compound');
  return presentCompound(c);
}

async function checkGrid(ctx: AppContext, communityId: CommunityId, gridId: number | null | undefined) {
  if (gridId != null && !(await repo.findGrid(ctx.db, communityId, gridId))) throw invalidField('gridId', 'not_found');
}

export async function createCompound(
  ctx: AppContext,
  actor: Actor,
  input: { communityId?: number; gridId?: number | null; name: string; address?: string | null },
) {
  authorize(actor, 'places.write');
  const cid = resolveCommunityId(actor, input.communityId);
  await checkGrid(ctx, cid, input.gridId);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await repo
      .insertCompound(trx, cid, { name: input.name, address: input.address ?? null, grid_id: input.gridId ?? null })
      .catch(uniqueAs('name'));
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'compound.created',
      entityType: 'compound',
      entityId: row.id,
      changes: { name: input.name, address: input.address ?? null },
    });
    return row.id;
  });
  return getCompound(ctx, actor, id);
}

export async function updateCompound(ctx: AppContext, actor: Actor, id: number, input: { gridId?: number | null; name?: string; address?: string | null }) {
  authorize(actor, 'places.write');
  const before = await getCompound(ctx, actor, id);
  await checkGrid(ctx, resolveCommunityId(actor, before.communityId), input.gridId);
  await ctx.db.transaction().execute(async (trx) => {
    await repo
      .updateCompound(trx, resolveCommunityId(actor, before.communityId), id, { name: input.name, address: input.address, grid_id: input.gridId })
      .catch(uniqueAs('name'));
    await writeAudit(trx, actor, {
      communityId: before.communityId,
      action: 'compound.updated',
      entityType: 'compound',
      entityId: id,
      changes: diff(before, input),
    });
  });
  return getCompound(ctx, actor, id);
}

/** Buildings as answered, each with its heads (one query for all of them). */
export async function presentBuildings(
  db: AppContext['db'],
  communityId: CommunityId,
  rows: Array<NonNullable<Awaited<ReturnType<typeof repo.findBuilding>>>>,
) {
  const heads = await repo.listBuildingHeads(
    db,
    communityId,
    rows.map((b) => b.id),
  );
  const names = await people.accountNames(
    db,
    heads.map((h) => h.account_id),
  );
  return rows.map((b) => ({
    id: b.id,
    compoundId: b.compound_id,
    name: b.name,
    floors: b.floors,
    unitCount: Number(b.unit_count ?? 0),
    householdCount: Number(b.household_count ?? 0),
    heads: heads
      .filter((h) => h.building_id === b.id)
      .map((h) => ({ accountId: h.account_id, name: names.get(h.account_id) ?? '', unitId: h.unit_id, unitName: h.unit_name })),
  }));
}
const presentBuilding = async (db: AppContext['db'], actor: Actor, b: NonNullable<Awaited<ReturnType<typeof repo.findBuilding>>>) =>
  (await presentBuildings(db, resolveCommunityId(actor, b.community_id), [b]))[0]!;

export async function listBuildings(ctx: AppContext, actor: Actor, compoundId: number) {
  const compound = await getCompound(ctx, actor, compoundId);
  const cid = resolveCommunityId(actor, compound.communityId);
  return presentBuildings(ctx.db, cid, await repo.listBuildings(ctx.db, cid, compoundId));
}

export async function createBuilding(ctx: AppContext, actor: Actor, input: { compoundId: number; name: string; floors?: number | null }) {
  authorize(actor, 'places.write');
  const compound = await getCompound(ctx, actor, input.compoundId);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await repo
      .insertBuilding(trx, resolveCommunityId(actor, compound.communityId), { compound_id: compound.id, name: input.name, floors: input.floors ?? null })
      .catch(uniqueAs('name'));
    await writeAudit(trx, actor, {
      communityId: compound.communityId,
      action: 'building.created',
      entityType: 'building',
      entityId: row.id,
      changes: { compoundId: compound.id, name: input.name },
    });
    return row.id;
  });
  return presentBuilding(ctx.db, actor, (await repo.findBuilding(ctx.db, scopeIds(actor), id))!);
}

export async function updateBuilding(ctx: AppContext, actor: Actor, id: number, input: { name?: string; floors?: number | null }) {
  authorize(actor, 'places.write');
  const before = await repo.findBuilding(ctx.db, scopeIds(actor), id);
  if (!before) throw notFound('building');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateBuilding(trx, resolveCommunityId(actor, before.community_id), id, input).catch(uniqueAs('name'));
    await writeAudit(trx, actor, {
      communityId: before.community_id,
      action: 'building.updated',
      entityType: 'building',
      entityId: id,
      changes: diff(before, input),
    });
  });
  return presentBuilding(ctx.db, actor, (await repo.findBuilding(ctx.db, scopeIds(actor), id))!);
}

export async function listUnits(ctx: AppContext, actor: Actor, buildingId: number) {
  authorize(actor, 'places.read');
  const b = await repo.findBuilding(ctx.db, scopeIds(actor), buildingId);
  if (!b) throw notFound('building');
  return (await repo.listUnits(ctx.db, resolveCommunityId(actor, b.community_id), buildingId)).map((u) => ({
    id: u.id,
    buildingId: u.building_id,
    name: u.name,
    householdCount: Number(u.household_count ?? 0),
  }));
}

export async function createUnit(ctx: AppContext, actor: Actor, input: { buildingId: number; name: string }) {
  authorize(actor, 'places.write');
  const b = await repo.findBuilding(ctx.db, scopeIds(actor), input.buildingId);
  if (!b) throw notFound('building');
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.insertUnit(trx, resolveCommunityId(actor, b.community_id), { building_id: b.id, name: input.name }).catch(uniqueAs('name'));
    await writeAudit(trx, actor, {
      communityId: b.community_id,
      action: 'unit.created',
      entityType: 'unit',
      entityId: row.id,
      changes: { buildingId: b.id, name: input.name },
    });
    return row.id;
  });
  const u = (await repo.findUnit(ctx.db, scopeIds(actor), id))!;
  return { id: u.id, buildingId: u.building_id, name: u.name, householdCount: 0 };
}

const presentHousehold = (h: NonNullable<Awaited<ReturnType<typeof repo.findHousehold>>>) => ({
  id: h.id,
  unitId: h.unit_id,
  roomNo: h.room_no,
  label: householdLabel(h)!,
  residentCount: Number(h.resident_count ?? 0),
});

export async function listHouseholds(ctx: AppContext, actor: Actor, unitId: number) {
  authorize(actor, 'places.read');
  const u = await repo.findUnit(ctx.db, scopeIds(actor), unitId);
  if (!u) throw notFound('unit');
  return (await repo.listHouseholds(ctx.db, resolveCommunityId(actor, u.community_id), unitId, reachOf(actor))).map(presentHousehold);
}

export async function getHousehold(ctx: AppContext, actor: Actor, id: number) {
  authorize(actor, 'places.read');
  const h = await repo.findHousehold(ctx.db, scopeIds(actor), id, reachOf(actor));
  if (!h) throw notFound('household');
  return presentHousehold(h);
}

export async function createHousehold(ctx: AppContext, actor: Actor, input: { unitId: number; roomNo: string }) {
  authorize(actor, 'places.write');
  const u = await repo.findUnit(ctx.db, scopeIds(actor), input.unitId);
  if (!u) throw notFound('unit');
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.insertHousehold(trx, resolveCommunityId(actor, u.community_id), { unit_id: u.id, room_no: input.roomNo }).catch(uniqueAs('roomNo'));
    await writeAudit(trx, actor, {
      communityId: u.community_id,
      action: 'household.created',
      entityType: 'household',
      entityId: row.id,
      changes: { unitId: u.id, roomNo: input.roomNo },
    });
    return row.id;
  });
  return getHousehold(ctx, actor, id);
}

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

export async function listAccessLog(ctx: AppContext, actor: Actor, entityType: string, entityId: string) {
  authorize(actor, 'audit.read');
  const rows = await listPiiAccess(ctx.db, scopeIds(actor), entityType, entityId);
  const names = await people.accountNames(
    ctx.db,
    rows.map((r) => r.actor_id),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      actorId: r.actor_id,
      actorName: names.get(r.actor_id) ?? '',
      entityType: r.entity_type,
      entityId: r.entity_id,
      fields: r.fields,
      requestId: r.request_id,
      createdAt: iso(r.created_at),
    })),
  };
}

export async function listAudit(ctx: AppContext, actor: Actor, entityType: string, entityId: string) {
  authorize(actor, 'audit.read');
  const rows = await listAuditEntries(ctx.db, scopeIds(actor), entityType, entityId);
  const names = await people.accountNames(
    ctx.db,
    rows.flatMap((r) => (r.actor_id != null ? [r.actor_id] : [])),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      actorId: r.actor_id,
      actorName: r.actor_id != null ? (names.get(r.actor_id) ?? null) : null,
      changes: (r.changes as Record<string, unknown> | null) ?? null,
      reason: r.reason,
      requestId: r.request_id,
      createdAt: iso(r.created_at),
    })),
  };
}
