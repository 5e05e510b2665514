import type { z } from 'zod';
import { openTicketStatuses, type publicTicketSchema, type Rating, type TicketStatus } from '@linli/contracts';
import type { AppContext } from '../../../platform/context.js';
import { AppError, invalidField, notFound } from '../../../platform/errors.js';
import { recordStep } from '../record-step.js';
import { publish } from '../../../platform/outbox/outbox.js';
import { iso } from '../../../platform/time.js';
import * as repo from '../tickets.repository.js';
import { placeRefs } from '../../places/index.js';
import { ensureCategories } from '../categories/categories.service.js';
import { insertNewTicket } from '../intake/intake.js';
import { storePhotos } from '../photos/photos.js';
import { applyAction } from '../acting/transitions.js';
import { eventExtras } from '../reading/event-extras.js';
import { scopeOfCommunity, trustedCommunityId } from '../../../platform/access/trusted-scope.js';
import { checkProof, hashTrackingCode, lockAfter, trackingLink, type Proof } from './tracking.js';

/**
 * What a resident does without an account, by tracking code (ADR 0010): anyone holding the code may follow the report;
 * acting on it also needs the link's key or the last four digits of the phone it was made with.
 */

/** What the public report form needs: the community's name, categories and compounds, by community code. */
export async function publicCommunityForm(ctx: AppContext, code: string) {
  const community = await placeRefs.communityByCode(ctx.db, code);
  if (!community) throw notFound('community');
  // The public form is per community, named by its code.
  const cid = trustedCommunityId(community.id);
  const cats = await ensureCategories(ctx, cid);
  const compounds = await placeRefs.compoundsOf(ctx.db, cid, true);
  return {
    name: community.name,
    categories: cats.filter((c) => c.is_active).map((c) => ({ id: c.id, nameZh: c.name_zh, nameEn: c.name_en })),
    compounds: compounds.map((c) => ({ id: c.id, name: c.name })),
  };
}

/** Residents online, without an account. Answers the reference, the tracking code and the link with its key. */
export async function submitPublicTicket(ctx: AppContext, input: z.infer<typeof publicTicketSchema>, requestId: string) {
  const community = await placeRefs.communityByCode(ctx.db, input.communityCode);
  if (!community) throw invalidField('communityCode', 'not_found');
  const created = await insertNewTicket(
    ctx,
    // A public report goes to the community named by its code.
    trustedCommunityId(community.id),
    {
      channel: 'online',
      categoryId: input.categoryId,
      title: input.description.slice(0, 30),
      description: input.description,
      compoundId: input.compoundId ?? null,
      addressText: input.addressText ?? null,
      reporterName: input.contactName ?? null,
      reporterPhone: input.contactPhone,
      isAnonymous: false,
    },
    { actor: null, actorLabel: 'resident', requestId },
  );
  return { code: created.trackingCode, reference: created.code, link: trackingLink(created.trackingCode, created.trackingKey) };
}

async function reporterOfCode(ctx: AppContext, code: string) {
  const reporter = await repo.findReporterByTrackingHash(ctx.db, hashTrackingCode(code));
  if (!reporter) throw notFound('ticket');
  // The tracking code is the caller's credential (ADR 0010): it names one ticket of one community.
  const cid = trustedCommunityId(reporter.community_id);
  const t = await repo.findTicket(ctx.db, scopeOfCommunity(reporter.community_id), reporter.ticket_id);
  if (!t) throw notFound('ticket');
  return { reporter, t, cid };
}

/** The ticket of a code whose holder has proved to be its reporter; wrong proofs are counted and lock the four digits. */
async function provenTicket(ctx: AppContext, code: string, proof: Proof) {
  const { reporter, t, cid } = await reporterOfCode(ctx, code);
  const now = new Date();
  const verdict = checkProof(reporter, proof, now);
  if (verdict.ok) {
    if (reporter.proof_failures > 0) await repo.setProofLock(ctx.db, cid, reporter.id, null);
    return t;
  }
  const field = verdict.field;
  switch (verdict.reason) {
    case 'missing':
      throw invalidField(field, 'proof_required');
    case 'no_phone':
      throw invalidField(field, 'link_required');
    case 'invalid':
      throw invalidField(field, 'invalid');
    case 'locked':
      throw new AppError('RATE_LIMITED', 'too many wrong proofs', { fields: [{ field, rule: 'locked' }] });
    case 'wrong': {
      const failures = await repo.addProofFailure(ctx.db, cid, reporter.id);
      const until = field === 'lastFour' ? lockAfter(failures, now) : null;
      if (until) await repo.setProofLock(ctx.db, cid, reporter.id, until);
      throw new AppError('TRACKING_PROOF_INVALID', 'proof does not match', { fields: [{ field, rule: 'mismatch' }] });
    }
  }
}

/** What a resident sees by tracking code: status and the public timeline, never staff notes or other reporters. */
export async function viewPublicTicket(ctx: AppContext, code: string) {
  const { reporter, t, cid } = await reporterOfCode(ctx, code);
  const events = await repo.listEvents(ctx.db, cid, t.id, true);
  return {
    code: code.trim().toUpperCase(),
    reference: t.code,
    hasPhone: !!reporter.phone_masked,
    status: t.status as TicketStatus,
    categoryName: t.category_zh,
    description: t.description,
    createdAt: iso(t.created_at)!,
    resultText: t.result_text,
    canRate: t.status === 'resolved',
    canAddInfo: (openTicketStatuses as readonly string[]).includes(t.status),
    rating: (t.rating as Rating | null) ?? null,
    photoIds: (await repo.photoIds(ctx.db, t.id)).map((p) => p.id),
    // The resident sees the rating they gave on the timeline.
    events: events.map((e) => ({
      action: e.action,
      toStatus: e.to_status,
      note: e.note,
      createdAt: iso(e.created_at)!,
      rating: eventExtras(e.action, e.data).rating,
    })),
  };
}

/** A resident adds information to an open report; it goes on the public timeline and the community is told. */
export async function addPublicInfo(ctx: AppContext, code: string, proof: Proof, text: string) {
  const t = await provenTicket(ctx, code, proof);
  if (!(openTicketStatuses as readonly string[]).includes(t.status)) throw new AppError('TICKET_ALREADY_CLOSED', 'ticket is no longer open');
  await ctx.db.transaction().execute(async (trx) => {
    await recordStep(trx, {
      communityId: t.community_id,
      ticketId: t.id,
      action: 'info_added',
      actor: null,
      actorLabel: 'resident',
      channel: 'online',
      note: text,
      isPublic: true,
      changes: { length: text.length },
    });
    await publish(trx, 'ticket.transitioned', { communityId: t.community_id, ticketId: t.id, action: 'info_added' });
  });
  return viewPublicTicket(ctx, code);
}

/** The reporter rates the result, once per round: "dissatisfied" sends it back, anything else closes it. */
export async function ratePublicTicket(ctx: AppContext, code: string, proof: Proof, rating: Rating, comment: string | null | undefined) {
  const t = await provenTicket(ctx, code, proof);
  await ctx.db.transaction().execute(async (trx) => {
    // The ticket of a proven tracking code (ADR 0010).
    await applyAction(ctx, trx, null, trustedCommunityId(t.community_id), t.id, 'rate', { rating, comment: comment ?? null }, 'online', 'resident');
    await publish(trx, 'ticket.transitioned', { communityId: t.community_id, ticketId: t.id, action: 'rate' });
  });
  return viewPublicTicket(ctx, code);
}

/** A resident adds photos to their report: JPEG or PNG only, at most 5 per ticket, 10 MB each, metadata removed. */
export async function addPublicPhotos(ctx: AppContext, code: string, proof: Proof, files: Buffer[]) {
  const t = await provenTicket(ctx, code, proof);
  await storePhotos(ctx, { id: t.id, community_id: t.community_id }, files, null, 'online');
  return viewPublicTicket(ctx, code);
}

export async function publicPhoto(ctx: AppContext, code: string, photoId: number) {
  const { t } = await reporterOfCode(ctx, code);
  const p = await repo.findPhoto(ctx.db, t.id, photoId);
  if (!p) throw notFound('photo');
  return p;
}
