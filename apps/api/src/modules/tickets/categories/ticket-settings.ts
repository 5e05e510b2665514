import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { TicketSettings, updateTicketSettingsSchema } from '@linli/contracts';
import type { DB, DefaultAssigneeKind } from '../../../platform/db/schema.js';
import type { AppContext } from '../../../platform/context.js';
import { authorize, resolveCommunityId, type Actor } from '../../../platform/access/actor.js';
import { invalidField } from '../../../platform/errors.js';
import { writeAudit } from '../../../platform/audit/audit.js';
import { iso } from '../../../platform/time.js';
import { findAssignee } from '../assignees.js';
import { placeRefs } from '../../places/index.js';
import { peopleRefs } from '../../people/index.js';
import { forgetIntake } from '../intake/intake-cache.js';
import * as settingsRepo from './settings.repository.js';
import type { CommunityId } from '../../../platform/db/scope.js';
import { trustedCommunityId } from '../../../platform/access/trusted-scope.js';

/** What a community that never changed its settings gets: the practice of the reports. */
export const defaultTicketSettings = { reopenLimit: 2, unratedCloseDays: 7, autoAssign: false, open311PublicDetail: 'summary' } as const;

type Db = Kysely<DB>;

export async function settingsOf(db: Db, communityId: CommunityId): Promise<TicketSettings> {
  const row = await settingsRepo.findSettings(db, communityId);
  return row
    ? {
        communityId,
        reopenLimit: row.reopen_limit,
        unratedCloseDays: row.unrated_close_days,
        autoAssign: row.auto_assign,
        open311PublicDetail: row.open311_public_detail,
        updatedAt: iso(row.updated_at),
      }
    : { communityId, ...defaultTicketSettings, updatedAt: null };
}

export async function readTicketSettings(ctx: AppContext, actor: Actor, communityId?: number): Promise<TicketSettings> {
  authorize(actor, 'tickets.read');
  return settingsOf(ctx.db, resolveCommunityId(actor, communityId));
}

export async function updateTicketSettings(ctx: AppContext, actor: Actor, input: z.infer<typeof updateTicketSettingsSchema>): Promise<TicketSettings> {
  authorize(actor, 'tickets.configure');
  const cid = resolveCommunityId(actor, input.communityId);
  return ctx.db
    .transaction()
    .execute(async (trx) => {
      const before = await settingsOf(trx, cid);
      const next = {
        reopen_limit: input.reopenLimit ?? before.reopenLimit,
        unrated_close_days: input.unratedCloseDays ?? before.unratedCloseDays,
        auto_assign: input.autoAssign ?? before.autoAssign,
        open311_public_detail: input.open311PublicDetail ?? before.open311PublicDetail,
        updated_by: actor.accountId,
        updated_at: new Date(),
      };
      await settingsRepo.upsertSettings(trx, cid, next);
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      if (next.reopen_limit !== before.reopenLimit) changes.reopenLimit = { from: before.reopenLimit, to: next.reopen_limit };
      if (next.unrated_close_days !== before.unratedCloseDays) changes.unratedCloseDays = { from: before.unratedCloseDays, to: next.unrated_close_days };
      if (next.auto_assign !== before.autoAssign) changes.autoAssign = { from: before.autoAssign, to: next.auto_assign };
      if (next.open311_public_detail !== before.open311PublicDetail)
        changes.open311PublicDetail = { from: before.open311PublicDetail, to: next.open311_public_detail };
      await writeAudit(trx, actor, { communityId: cid, action: 'ticket_settings.updated', entityType: 'ticket_settings', entityId: cid, changes });
      return settingsOf(trx, cid);
    })
    .finally(() => forgetIntake(ctx, cid));
}

/** Checks a category's default assignee belongs to the community (none is needed for the grid worker). */
export async function checkDefaultAssignee(db: Db, communityId: CommunityId, kind: DefaultAssigneeKind | null | undefined, id: number | null | undefined) {
  if (!kind) return { kind: null, id: null };
  if (kind === 'grid_worker') return { kind, id: null };
  if (!id) throw invalidField('defaultAssigneeId', 'required');
  if (!(await findAssignee(db, communityId, kind, id))) throw invalidField('defaultAssigneeId', 'not_found');
  return { kind, id };
}

/** Display names of default assignees, for the category list. */
export async function defaultAssigneeNames(
  db: Db,
  rows: { default_assignee_kind: DefaultAssigneeKind | null; default_assignee_id: number | null; community_id: number }[],
) {
  const names = new Map<string, string>();
  for (const r of rows) {
    if (!r.default_assignee_kind || r.default_assignee_kind === 'grid_worker' || !r.default_assignee_id) continue;
    const key = `${r.default_assignee_kind}:${r.default_assignee_id}`;
    if (names.has(key)) continue;
    // Categories the caller already loaded under its scope; each is looked up in its own community.
    const a = await findAssignee(db, trustedCommunityId(r.community_id), r.default_assignee_kind, r.default_assignee_id);
    if (a) names.set(key, a.name);
  }
  return (r: { default_assignee_kind: DefaultAssigneeKind | null; default_assignee_id: number | null }) =>
    r.default_assignee_kind && r.default_assignee_id ? (names.get(`${r.default_assignee_kind}:${r.default_assignee_id}`) ?? null) : null;
}

/**
 * The assignee a ticket gets by default from its category. For `grid_worker`: the worker of the grid of the ticket's
 * compound, or the community's only active grid worker when the grid has none. Null when nobody can be named.
 */
export async function resolveDefaultAssignee(
  db: Db,
  communityId: CommunityId,
  category: { default_assignee_kind: DefaultAssigneeKind | null; default_assignee_id: number | null },
  compoundId: number | null,
): Promise<{ kind: 'account' | 'team' | 'partner'; id: number } | null> {
  const kind = category.default_assignee_kind;
  if (!kind) return null;
  if (kind !== 'grid_worker') {
    if (!category.default_assignee_id) return null;
    // The account may have left since the category was set up.
    return (await findAssignee(db, communityId, kind, category.default_assignee_id)) ? { kind, id: category.default_assignee_id } : null;
  }
  if (compoundId) {
    const workerId = await placeRefs.gridWorkerOfCompound(db, communityId, compoundId);
    if (workerId && (await peopleRefs.activeAccountRef(db, communityId, workerId))) return { kind: 'account', id: workerId };
  }
  const workers = await peopleRefs.activeAccountsWithRole(db, communityId, 'grid_worker');
  return workers.length === 1 ? { kind: 'account', id: workers[0]!.id } : null;
}

/** Resolved tickets whose community's wait for a rating is over, oldest first, a batch at a time. */
export function unratedPastDeadline(db: Db, now: Date) {
  return settingsRepo.unratedPastDeadline(db, now, defaultTicketSettings.unratedCloseDays);
}
