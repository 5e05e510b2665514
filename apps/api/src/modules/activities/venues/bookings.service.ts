import { roleCan, type CreateBookingInput, type PublicBookingRequestInput } from '@linli/contracts';
import type { AppContext } from '../../../platform/context.js';
import { authorize, resolveCommunityId, type Actor } from '../../../platform/access/actor.js';
import { trustedCommunityId } from '../../../platform/access/trusted-scope.js';
import { maskPhone } from '../../../platform/crypto/pii.js';
import type { CommunityId } from '../../../platform/db/scope.js';
import { AppError, invalidField, notFound } from '../../../platform/errors.js';
import { iso } from '../../../platform/time.js';
import { partnerRefs } from '../../partners/index.js';
import { peopleRefs } from '../../people/index.js';
import { placeRefs } from '../../places/index.js';
import { holdVenue } from './book-slot.js';
import { bookingNames } from './names.js';
import { recordBookingStep } from './record-step.js';
import { presentBooking } from './venues.presenter.js';
import * as repo from './venues.repository.js';

async function present(ctx: AppContext, cid: CommunityId, id: number) {
  const b = await repo.bookingById(ctx.db, cid, id);
  if (!b) throw notFound('booking');
  return presentBooking(b, await bookingNames(ctx.db, cid, [b]));
}

/** Bookings of the community in a window (the week view) or by status (the approval queue). */
export async function listBookings(
  ctx: AppContext,
  actor: Actor,
  q: { communityId?: number | undefined; venueId?: number | undefined; status?: string | undefined; from?: string | undefined; to?: string | undefined },
) {
  authorize(actor, 'venues.read');
  const cid = resolveCommunityId(actor, q.communityId);
  const rows = await repo.listBookingRows(ctx.db, cid, {
    venueId: q.venueId,
    status: q.status,
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? new Date(q.to) : undefined,
  });
  const names = await bookingNames(ctx.db, cid, rows);
  return { items: rows.map((r) => presentBooking(r, names)) };
}

/** One booking with its timeline; another community's answers 404. */
export async function getBooking(ctx: AppContext, actor: Actor, id: number, communityId?: number) {
  authorize(actor, 'venues.read');
  const cid = resolveCommunityId(actor, communityId);
  const booking = await present(ctx, cid, id);
  const events = await repo.bookingEventRows(ctx.db, cid, id);
  return {
    ...booking,
    timeline: events.map((e) => ({
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      actorId: e.actor_id,
      note: e.note,
      at: iso(e.created_at),
    })),
  };
}

/**
 * Books a venue for a team, a partner, a resident at the desk, or the community itself. Staff who may approve get
 * it approved at once, as does anyone for a venue that needs no approval; others wait for staff (requested).
 */
export async function createBooking(ctx: AppContext, actor: Actor, input: CreateBookingInput) {
  authorize(actor, 'venues.book');
  const cid = resolveCommunityId(actor, input.communityId);
  if (input.bookerKind === 'team') {
    if (!input.teamId) throw invalidField('teamId', 'required');
    if (!(await peopleRefs.teamRef(ctx.db, cid, input.teamId))) throw invalidField('teamId', 'not_found');
  }
  if (input.bookerKind === 'partner') {
    if (!input.partnerId) throw invalidField('partnerId', 'required');
    if (!(await partnerRefs.findPartnerRef(ctx.db, cid, input.partnerId))) throw invalidField('partnerId', 'not_found');
  }
  if (input.bookerKind === 'resident' && !input.contactName) throw invalidField('contactName', 'required');
  if (input.bookerKind === 'staff' && !roleCan(actor.role, 'venues.approve')) throw invalidField('bookerKind', 'invalid_option');
  const venue = await repo.venueById(ctx.db, cid, input.venueId);
  if (!venue) throw invalidField('venueId', 'not_found');
  const approved = roleCan(actor.role, 'venues.approve') || !venue.needs_approval;
  const phone = ctx.pii.seal(input.contactPhone ?? null, maskPhone);
  const id = await ctx.db.transaction().execute((trx) =>
    holdVenue(
      trx,
      cid,
      {
        venueId: input.venueId,
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
        purpose: input.purpose,
        bookerKind: input.bookerKind,
        teamId: input.bookerKind === 'team' ? input.teamId : null,
        partnerId: input.bookerKind === 'partner' ? input.partnerId : null,
        contactName: input.contactName ?? null,
        contactPhoneEnc: phone.enc,
        contactPhoneMasked: phone.masked,
        attendees: input.attendees ?? null,
        channel: 'console',
        bookedBy: actor.accountId,
        status: approved ? 'approved' : 'requested',
      },
      actor,
    ),
  );
  return present(ctx, cid, id);
}

type Decision = 'approve' | 'decline' | 'cancel' | 'no_show';
const decisionRules: Record<
  Decision,
  { from: readonly string[]; to: 'approved' | 'declined' | 'cancelled' | null; action: 'approved' | 'declined' | 'cancelled' | 'no_show' }
> = {
  approve: { from: ['requested'], to: 'approved', action: 'approved' },
  decline: { from: ['requested'], to: 'declined', action: 'declined' },
  cancel: { from: ['requested', 'approved'], to: 'cancelled', action: 'cancelled' },
  no_show: { from: ['approved'], to: null, action: 'no_show' },
};

/**
 * Approves or declines a request, cancels a booking (its time is free again), or marks an approved booking that was
 * not used (爽约; it no longer counts as used hours). Staff only; the booker may cancel their own.
 */
export async function decideBooking(ctx: AppContext, actor: Actor, id: number, decision: Decision, note: string | null | undefined, communityId?: number) {
  authorize(actor, 'venues.book');
  const cid = resolveCommunityId(actor, communityId);
  const rule = decisionRules[decision];
  await ctx.db.transaction().execute(async (trx) => {
    const b = await repo.bookingForUpdate(trx, cid, id);
    if (!b) throw notFound('booking');
    const ownCancel = decision === 'cancel' && b.booked_by === actor.accountId;
    if (!ownCancel) authorize(actor, 'venues.approve');
    if (!rule.from.includes(b.status)) throw new AppError('INVALID_STATE', `booking is ${b.status}`);
    if (decision === 'no_show' && b.ends_at.getTime() > Date.now()) throw new AppError('INVALID_STATE', 'booking has not ended yet');
    await repo.updateBookingRow(
      trx,
      cid,
      id,
      rule.to
        ? { status: rule.to, ...(decision === 'cancel' ? {} : { decided_by: actor.accountId, decided_at: new Date(), decision_note: note ?? null }) }
        : { no_show: true },
    );
    await recordBookingStep(trx, {
      communityId: cid,
      bookingId: id,
      action: rule.action,
      fromStatus: b.status,
      toStatus: rule.to ?? b.status,
      actor,
      note: note ?? null,
    });
  });
  return present(ctx, cid, id);
}

async function communityOfCode(ctx: AppContext, code: string) {
  const c = await placeRefs.communityByCode(ctx.db, code);
  if (!c) throw invalidField('communityCode', 'not_found');
  // The public pages are per community, named by its code.
  return { cid: trustedCommunityId(c.id), name: c.name };
}

/** The phone page: the venues residents may book and the times already taken in the next four weeks (no names). */
export async function publicVenueBoard(ctx: AppContext, code: string) {
  const c = await placeRefs.communityByCode(ctx.db, code);
  if (!c) throw notFound('community');
  const cid = trustedCommunityId(c.id);
  const venues = (await repo.listVenueRows(ctx.db, cid, { status: 'open' })).filter((v) => v.bookable_by.includes('resident'));
  const now = new Date();
  const taken = await repo.listBookingRows(ctx.db, cid, { from: now, to: new Date(now.getTime() + 28 * 86_400_000) }, 2000);
  return {
    communityName: c.name,
    venues: venues.map((v) => ({
      id: v.id,
      name: v.name,
      kind: v.kind as 'room',
      location: v.location,
      capacity: v.capacity,
      openingHours: v.opening_hours,
      taken: taken
        .filter((b) => b.venue_id === v.id && (b.status === 'requested' || b.status === 'approved'))
        .map((b) => ({ startsAt: iso(b.starts_at), endsAt: iso(b.ends_at) })),
    })),
  };
}

/** A resident's request from the phone (/h5/venues?c=): held as requested until staff approve it. */
export async function requestPublicBooking(ctx: AppContext, input: PublicBookingRequestInput) {
  const { cid } = await communityOfCode(ctx, input.communityCode);
  const phone = ctx.pii.seal(input.contactPhone, maskPhone);
  const id = await ctx.db.transaction().execute((trx) =>
    holdVenue(
      trx,
      cid,
      {
        venueId: input.venueId,
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
        purpose: input.purpose,
        bookerKind: 'resident',
        contactName: input.contactName,
        contactPhoneEnc: phone.enc,
        contactPhoneMasked: phone.masked,
        attendees: input.attendees ?? null,
        channel: 'h5',
        bookedBy: null,
        status: 'requested',
      },
      null,
    ),
  );
  return { id, status: 'requested' as const };
}
