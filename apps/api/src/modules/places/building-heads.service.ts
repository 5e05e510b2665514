import type { SetBuildingHeadsInput } from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { authorize, resolveCommunityId, scopeIds, type Actor } from '../../platform/access/actor.js';
import { invalidField, notFound } from '../../platform/errors.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { scopeOfOne } from '../../platform/db/scope.js';
import * as repo from './places.repository.js';
import * as people from '../people/index.js';
import { presentBuildings } from './places.service.js';

/**
 * Replaces who looks after a building: building-head accounts of its community, each for the whole building or for
 * one of its units (单元长). They then read the households and residents of those places only (places.policy.ts).
 */
export async function setBuildingHeads(ctx: AppContext, actor: Actor, buildingId: number, input: SetBuildingHeadsInput) {
  authorize(actor, 'places.write');
  const building = await repo.findBuilding(ctx.db, scopeIds(actor), buildingId);
  if (!building) throw notFound('building');
  const cid = resolveCommunityId(actor, building.community_id);
  const heads = input.heads.map((h) => ({ account_id: h.accountId, unit_id: h.unitId ?? null }));
  const accounts = new Set(
    (heads.length
      ? await people.activeAccountsWithRole(
          ctx.db,
          cid,
          'building_head',
          heads.map((h) => h.account_id),
        )
      : []
    ).map((a) => a.id),
  );
  const units = new Set((await repo.listUnits(ctx.db, cid, buildingId)).map((u) => u.id));
  const seen = new Set<string>();
  heads.forEach((h, i) => {
    if (!accounts.has(h.account_id)) throw invalidField(`heads.${i}.accountId`, 'not_found');
    if (h.unit_id !== null && !units.has(h.unit_id)) throw invalidField(`heads.${i}.unitId`, 'not_found');
    const key = `${h.account_id}:${h.unit_id ?? ''}`;
    if (seen.has(key)) throw invalidField(`heads.${i}.accountId`, 'taken');
    seen.add(key);
  });
  const before = (await repo.listBuildingHeads(ctx.db, cid, [buildingId])).map((h) => ({ accountId: h.account_id, unitId: h.unit_id }));
  await ctx.db.transaction().execute(async (trx) => {
    await repo.replaceBuildingHeads(trx, cid, buildingId, heads);
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'building.heads_set',
      entityType: 'building',
      entityId: buildingId,
      changes: { heads: { from: before, to: heads.map((h) => ({ accountId: h.account_id, unitId: h.unit_id })) } },
    });
  });
  const [answer] = await presentBuildings(ctx.db, cid, [(await repo.findBuilding(ctx.db, scopeOfOne(cid), buildingId))!]);
  return answer!;
}

/** The community's building-head accounts a building may be given (staff only: it names people). */
export async function listBuildingHeadAccounts(ctx: AppContext, actor: Actor, communityId?: number) {
  authorize(actor, 'places.write');
  const rows = await people.activeAccountsWithRole(ctx.db, resolveCommunityId(actor, communityId), 'building_head');
  return rows.map((a) => ({ id: a.id, name: a.display_name }));
}
