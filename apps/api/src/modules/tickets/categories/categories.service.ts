import type { z } from 'zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { defaultCategories, type createCategorySchema, type updateCategorySchema } from '@linli/contracts';
import type { AppContext } from '../../../platform/context.js';
import { authorize, resolveCommunityId, scopeIds, type Actor } from '../../../platform/access/actor.js';
import { invalidField, notFound } from '../../../platform/errors.js';
import { writeAudit } from '../../../platform/audit/audit.js';
import * as repo from '../tickets.repository.js';
import { forgetIntake } from '../intake/intake-cache.js';
import { checkDefaultAssignee, defaultAssigneeNames } from './ticket-settings.js';
import type { CommunityId } from '../../../platform/db/scope.js';
import { trustedCommunityId } from '../../../platform/access/trusted-scope.js';

export function ensureCategories(ctx: AppContext, communityId: CommunityId) {
  return ensureCategoriesIn(ctx.db, communityId);
}

/** A community's categories, the 12345 defaults written on first use; `db` may be a transaction. */
export async function ensureCategoriesIn(db: Kysely<DB>, communityId: CommunityId) {
  let rows = await repo.listCategories(db, communityId);
  if (rows.length === 0) {
    await repo.insertCategories(
      db,
      defaultCategories.map((c, i) => ({
        community_id: communityId,
        code: c.code,
        name_zh: c.nameZh,
        name_en: c.nameEn,
        response_hours: c.responseHours,
        resolution_hours: c.resolutionHours,
        working_hours_only: c.workingHoursOnly,
        sort: i,
      })),
    );
    rows = await repo.listCategories(db, communityId);
  }
  return rows;
}

export async function listCategories(ctx: AppContext, actor: Actor, communityId?: number) {
  authorize(actor, 'tickets.read');
  const rows = await ensureCategories(ctx, resolveCommunityId(actor, communityId));
  const nameOf = await defaultAssigneeNames(ctx.db, rows);
  return rows.map((c) => presentCategory(c, nameOf(c)));
}

const presentCategory = (c: Awaited<ReturnType<typeof repo.listCategories>>[number], assigneeName: string | null) => ({
  id: c.id,
  code: c.code,
  nameZh: c.name_zh,
  nameEn: c.name_en,
  responseHours: c.response_hours,
  resolutionHours: c.resolution_hours,
  workingHoursOnly: c.working_hours_only,
  isActive: c.is_active,
  defaultAssigneeKind: c.default_assignee_kind,
  defaultAssigneeId: c.default_assignee_id,
  defaultAssigneeName: assigneeName,
});

/** A community adds its own category with its own deadlines. */
export async function createCategory(ctx: AppContext, actor: Actor, input: z.infer<typeof createCategorySchema>) {
  authorize(actor, 'tickets.configure');
  const cid = resolveCommunityId(actor, input.communityId);
  const existing = await ensureCategories(ctx, cid);
  if (existing.some((c) => c.code === input.code)) throw invalidField('code', 'taken');
  const assignee = await checkDefaultAssignee(ctx.db, cid, input.defaultAssigneeKind, input.defaultAssigneeId);
  return ctx.db
    .transaction()
    .execute(async (trx) => {
      const row = await repo.insertCategory(trx, {
        community_id: cid,
        code: input.code,
        name_zh: input.nameZh,
        name_en: input.nameEn,
        response_hours: input.responseHours,
        resolution_hours: input.resolutionHours,
        working_hours_only: input.workingHoursOnly,
        sort: existing.length,
        default_assignee_kind: assignee.kind,
        default_assignee_id: assignee.id,
      });
      await writeAudit(trx, actor, {
        communityId: cid,
        action: 'ticket_category.created',
        entityType: 'ticket_category',
        entityId: row.id,
        changes: { ...input, communityId: undefined },
      });
      return presentCategory(row, (await defaultAssigneeNames(trx, [row]))(row));
    })
    .finally(() => forgetIntake(ctx, cid));
}

/** Changes a category's names or deadlines (new tickets only: open tickets keep the deadlines they were given). */
export async function updateCategory(ctx: AppContext, actor: Actor, id: number, input: z.infer<typeof updateCategorySchema>) {
  authorize(actor, 'tickets.configure');
  const scope = scopeIds(actor);
  const before = await repo.findCategoryInScope(ctx.db, scope, id);
  if (!before) throw notFound('category');
  // Leaving the kind out keeps the default assignee; null clears it.
  // The category was found under the actor's scope.
  const cid = trustedCommunityId(before.community_id);
  const assignee =
    input.defaultAssigneeKind === undefined ? undefined : await checkDefaultAssignee(ctx.db, cid, input.defaultAssigneeKind, input.defaultAssigneeId);
  return ctx.db
    .transaction()
    .execute(async (trx) => {
      const row = await repo.updateCategory(trx, id, {
        name_zh: input.nameZh,
        name_en: input.nameEn,
        response_hours: input.responseHours,
        resolution_hours: input.resolutionHours,
        working_hours_only: input.workingHoursOnly,
        is_active: input.isActive,
        ...(assignee ? { default_assignee_kind: assignee.kind, default_assignee_id: assignee.id } : {}),
      });
      await writeAudit(trx, actor, {
        communityId: before.community_id,
        action: 'ticket_category.updated',
        entityType: 'ticket_category',
        entityId: id,
        changes: input,
      });
      return presentCategory(row, (await defaultAssigneeNames(trx, [row]))(row));
    })
    .finally(() => forgetIntake(ctx, before.community_id));
}
