import type { AppContext } from '../../platform/context.js';
import { authorize, canSeeCommunity, resolveCommunityId, scopeIds, type Actor } from '../../platform/access/actor.js';
import type { CommunityId } from '../../platform/db/scope.js';
import { invalidField, notFound, uniqueAs } from '../../platform/errors.js';
import { diff, writeAudit } from '../../platform/audit/audit.js';
import * as people from '../people/index.js';
import * as repo from './places.repository.js';
import { householdLabel } from './places.presenter.js';
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
