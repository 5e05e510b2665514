import type { AppContext } from '../../platform/context.js';
import { authorize, resolveCommunityId, scopeIds, type Actor } from '../../platform/access/actor.js';
import { invalidField, notFound, uniqueAs } from '../../platform/errors.js';
import { diff, writeAudit } from '../../platform/audit/audit.js';
import type { CommunityId } from '../../platform/db/scope.js';
import * as repo from './places.repository.js';
import * as people from '../people/index.js';

// Grids (网格) and their workers: a grid worker reads the residents of the compounds of the grids they work.

export async function listGrids(ctx: AppContext, actor: Actor, communityId?: number) {
  authorize(actor, 'places.read');
  const cid = resolveCommunityId(actor, communityId);
  return presentGrids(ctx.db, await repo.listGrids(ctx.db, cid));
}

async function presentGrids(db: AppContext['db'], rows: Awaited<ReturnType<typeof repo.listGrids>>) {
  const names = await people.accountNames(
    db,
    rows.flatMap((g) => (g.worker_account_id != null ? [g.worker_account_id] : [])),
  );
  return rows.map((g) => ({
    id: g.id,
    communityId: g.community_id,
    name: g.name,
    code: g.code,
    workerAccountId: g.worker_account_id,
    workerName: g.worker_account_id != null ? (names.get(g.worker_account_id) ?? null) : null,
  }));
}

async function checkGridWorker(ctx: AppContext, communityId: CommunityId, id: number | null | undefined) {
  if (id != null && (await people.activeAccountsWithRole(ctx.db, communityId, 'grid_worker', [id])).length === 0)
    throw invalidField('workerAccountId', 'not_found');
}

async function gridOf(db: AppContext['db'], communityId: CommunityId, id: number) {
  const [grid] = await presentGrids(
    db,
    (await repo.listGrids(db, communityId)).filter((g) => g.id === id),
  );
  return grid!;
}

export async function createGrid(ctx: AppContext, actor: Actor, input: { communityId?: number; name: string; code?: string; workerAccountId?: number | null }) {
  authorize(actor, 'places.write');
  const cid = resolveCommunityId(actor, input.communityId);
  await checkGridWorker(ctx, cid, input.workerAccountId);
  return ctx.db.transaction().execute(async (trx) => {
    const g = await repo
      .insertGrid(trx, cid, { name: input.name, code: input.code ?? null, worker_account_id: input.workerAccountId ?? null })
      .catch(uniqueAs('name'));
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'grid.created',
      entityType: 'grid',
      entityId: g.id,
      changes: { name: input.name, workerAccountId: input.workerAccountId ?? null },
    });
    return gridOf(trx, cid, g.id);
  });
}

export async function updateGrid(ctx: AppContext, actor: Actor, id: number, input: { name?: string; code?: string; workerAccountId?: number | null }) {
  authorize(actor, 'places.write');
  const grid = await repo.findGridIn(ctx.db, scopeIds(actor), id);
  if (!grid) throw notFound('grid');
  await checkGridWorker(ctx, resolveCommunityId(actor, grid.community_id), input.workerAccountId);
  return ctx.db.transaction().execute(async (trx) => {
    await repo
      .updateGrid(trx, resolveCommunityId(actor, grid.community_id), id, { name: input.name, code: input.code, worker_account_id: input.workerAccountId })
      .catch(uniqueAs('name'));
    await writeAudit(trx, actor, {
      communityId: grid.community_id,
      action: 'grid.updated',
      entityType: 'grid',
      entityId: id,
      changes: diff(
        { name: grid.name, code: grid.code, workerAccountId: grid.worker_account_id },
        { name: input.name, code: input.code, workerAccountId: input.workerAccountId },
      ),
    });
    return gridOf(trx, resolveCommunityId(actor, grid.community_id), id);
  });
}
