import type { CreateVenueInput, UpdateVenueInput, Venue } from '@linli/contracts';
import type { AppContext } from '../../../platform/context.js';
import { authorize, resolveCommunityId, type Actor } from '../../../platform/access/actor.js';
import { writeAudit } from '../../../platform/audit/audit.js';
import { AppError, notFound, uniqueAs } from '../../../platform/errors.js';
import { communityIn } from '../../../platform/db/scope.js';
import { scopeOf } from '../../../platform/access/actor.js';
import { invalidPeriod, type OpeningPeriod } from './opening-hours.js';
import { presentVenue } from './venues.presenter.js';
import * as repo from './venues.repository.js';

function checkHours(periods: readonly OpeningPeriod[] | undefined) {
  if (!periods) return;
  const bad = invalidPeriod(periods);
  if (bad !== null) {
    throw new AppError('VALIDATION_FAILED', `openingHours.${bad} closes before it opens`, {
      fields: [{ field: `openingHours.${bad}.closes`, rule: 'not_after_start' }],
    });
  }
}

/** A venue the actor may see, with its community (404 for another community's). */
export async function venueOf(ctx: AppContext, actor: Actor, id: number) {
  const v = await repo.venueInScope(ctx.db, scopeOf(actor), id);
  const cid = v ? communityIn(scopeOf(actor), v.community_id) : null;
  if (!v || !cid) throw notFound('venue');
  return { v, cid };
}

/** The community's venues (archived ones only when asked by status). */
export async function listVenues(ctx: AppContext, actor: Actor, q: { communityId?: number | undefined; status?: Venue['status'] | undefined }) {
  authorize(actor, 'venues.read');
  const cid = resolveCommunityId(actor, q.communityId);
  const rows = await repo.listVenueRows(ctx.db, cid, { status: q.status });
  return { items: rows.map(presentVenue) };
}

export async function getVenue(ctx: AppContext, actor: Actor, id: number) {
  authorize(actor, 'venues.read');
  return presentVenue((await venueOf(ctx, actor, id)).v);
}

/** Registers a room or space with its opening hours (Beijing wall time) and who may book it. */
export async function createVenue(ctx: AppContext, actor: Actor, input: CreateVenueInput): Promise<Venue> {
  authorize(actor, 'venues.write');
  const cid = resolveCommunityId(actor, input.communityId);
  checkHours(input.openingHours);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await repo
      .insertVenue(trx, {
        community_id: cid,
        station_id: input.stationId ?? null,
        name: input.name,
        kind: input.kind,
        location: input.location ?? null,
        capacity: input.capacity,
        opening_hours: JSON.stringify(input.openingHours),
        bookable_by: [...new Set(input.bookableBy)],
        needs_approval: input.needsApproval,
        description: input.description ?? null,
        created_by: actor.accountId,
      })
      .catch(uniqueAs('name'));
    await writeAudit(trx, actor, { communityId: cid, action: 'venue.create', entityType: 'venue', entityId: row.id, changes: { name: input.name } });
    return row.id;
  });
  return getVenue(ctx, actor, id);
}

/** Changes a venue: its hours, capacity, who may book, or its status (closed, archived). Bookings already made stay. */
export async function updateVenue(ctx: AppContext, actor: Actor, id: number, input: UpdateVenueInput): Promise<Venue> {
  authorize(actor, 'venues.write');
  const { cid } = await venueOf(ctx, actor, id);
  checkHours(input.openingHours);
  await ctx.db.transaction().execute(async (trx) => {
    await repo
      .updateVenueRow(trx, cid, id, {
        ...(input.stationId !== undefined ? { station_id: input.stationId } : {}),
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.kind !== undefined ? { kind: input.kind } : {}),
        ...(input.location !== undefined ? { location: input.location } : {}),
        ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
        ...(input.openingHours !== undefined ? { opening_hours: JSON.stringify(input.openingHours) } : {}),
        ...(input.bookableBy !== undefined ? { bookable_by: [...new Set(input.bookableBy)] } : {}),
        ...(input.needsApproval !== undefined ? { needs_approval: input.needsApproval } : {}),
        ...(input.status !== undefined ? { status: input.status } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
      })
      .catch(uniqueAs('name'));
    await writeAudit(trx, actor, { communityId: cid, action: 'venue.update', entityType: 'venue', entityId: id, changes: { ...input } });
  });
  return getVenue(ctx, actor, id);
}
