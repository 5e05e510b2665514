import type { CreateTicketInput, TicketDetail } from '@linli/contracts';
import type { AppContext } from '../../../platform/context.js';
import { authorize, resolveCommunityId, type Actor } from '../../../platform/access/actor.js';
import { invalidField } from '../../../platform/errors.js';
import { stepRows } from '../record-step.js';
import { publish } from '../../../platform/outbox/outbox.js';
import { maskPhone } from '../../../platform/crypto/pii.js';
import { iso } from '../../../platform/time.js';
import { tokenize } from '../../../platform/text/segment.js';
import { isResidentWithinReach, placeRefs } from '../../places/index.js';
import { withNames } from '../ticket-names.js';
import * as repo from '../tickets.repository.js';
import { dueAt } from './sla.js';
import { loadCalendar } from '../../../platform/calendar/work-calendar.js';
import { categoryForIntake } from './intake-cache.js';
import { hashTrackingCode, hashTrackingKey, newTrackingCode, newTrackingKey, trackingLink } from '../public/tracking.js';
import { resolveDefaultAssignee } from '../categories/ticket-settings.js';
import { ensureCategories } from '../categories/categories.service.js';
import { getTicket } from '../reading/tickets.service.js';
import { presentTicket } from '../tickets.presenter.js';
import { applyAction } from '../acting/transitions.js';
import type { CommunityId } from '../../../platform/db/scope.js';

// The insert statement sets the event's ticket id and the audit row's entity id from the ticket it creates.
const createdStep = ({ event: { ticket_id: _t, ...event }, audit: { entity_id: _e, ...audit } }: ReturnType<typeof stepRows>) => ({ event, audit });

/** Registers a ticket at the desk, at a meeting or at the door; in meeting mode it may be answered on the spot. */
export async function createTicket(
  ctx: AppContext,
  actor: Actor,
  input: CreateTicketInput,
  /** The meetings module links a ticket raised at a meeting it has checked (ADR 0045); not part of the HTTP body. */
  link: { meetingId?: number } = {},
): Promise<TicketDetail> {
  authorize(actor, 'tickets.intake');
  const cid = resolveCommunityId(actor, input.communityId);
  const { id, fresh, trackingCode, trackingKey } = await insertNewTicket(
    ctx,
    cid,
    { ...input, meetingId: link.meetingId ?? null },
    { actor, actorLabel: null },
  );
  const detail = fresh ?? (await getTicket(ctx, actor, id, { known: { reporterCount: 1, photoIds: [] } }));
  // Staff hand these to the resident (on paper or read out): the only time they are shown.
  return { ...detail, handover: { trackingCode, link: trackingLink(trackingCode, trackingKey) } };
}

type NewTicket = { id: number; code: string; trackingCode: string; trackingKey: string; fresh: TicketDetail | null };

/** Writes a new ticket and its first reporter. `code` is the public reference; the tracking code and key go to the reporter only. */
export async function insertNewTicket(
  ctx: AppContext,
  cid: CommunityId,
  input: CreateTicketInput & { location?: { latitude: number; longitude: number } | null; meetingId?: number | null },
  who: { actor: Actor | null; actorLabel: string | null; requestId?: string },
): Promise<NewTicket> {
  // A community's categories are written on first use; a known category id means they are there.
  let category = await categoryForIntake(ctx, cid, input.categoryId);
  if (!category && (await ensureCategories(ctx, cid)).some((c) => c.id === input.categoryId)) category = await categoryForIntake(ctx, cid, input.categoryId);
  if (!category || !category.is_active) throw invalidField('categoryId', 'not_found');
  let compoundId = input.compoundId ?? null;
  if (input.buildingId) {
    const b = await placeRefs.findBuildingRef(ctx.db, cid, input.buildingId);
    if (!b) throw invalidField('buildingId', 'not_found');
    compoundId ??= b.compound_id;
  }
  // A compound given by the caller must be the community's (places answers); its building's is known good.
  if (input.compoundId && !(await placeRefs.findCompoundRef(ctx.db, cid, input.compoundId))) throw invalidField('compoundId', 'not_found');
  let reporter = { name: input.reporterName ?? null, enc: null as string | null, masked: null as string | null, hash: null as string | null };
  if (input.reporterResidentId) {
    const r = await placeRefs.residentContact(ctx.db, cid, input.reporterResidentId);
    if (!r || (who.actor && !(await isResidentWithinReach(ctx, who.actor, cid, r.id)))) throw invalidField('reporterResidentId', 'not_found');
    reporter = { name: r.name, enc: r.phone_enc, masked: r.phone_masked, hash: r.phone_hash };
  }
  if (input.reporterPhone) {
    const s = ctx.pii.seal(input.reporterPhone, maskPhone);
    reporter = { ...reporter, enc: s.enc, masked: s.masked, hash: s.hash };
  }
  if (input.isAnonymous) reporter = { name: null, enc: null, masked: null, hash: null };
  const now = new Date();
  const calendar = category.working_hours_only ? await loadCalendar(ctx.db) : undefined;
  const trackingCode = newTrackingCode();
  const trackingKey = newTrackingKey();
  const trail = {
    ticket: {
      community_id: cid,
      channel: input.channel,
      category_id: category.id,
      status: 'submitted',
      title: input.title,
      description: input.description,
      compound_id: compoundId,
      building_id: input.buildingId ?? null,
      address_text: input.addressText ?? null,
      latitude: input.location?.latitude ?? null,
      longitude: input.location?.longitude ?? null,
      reporter_resident_id: input.reporterResidentId ?? null,
      reporter_name: reporter.name,
      reporter_phone_enc: reporter.enc,
      reporter_phone_masked: reporter.masked,
      reporter_phone_hash: reporter.hash,
      is_anonymous: input.isAnonymous,
      meeting_title: input.meetingTitle ?? null,
      meeting_id: input.meetingId ?? null,
      response_due_at: dueAt(now, category.response_hours, category.working_hours_only, calendar),
      resolution_due_at: dueAt(now, category.resolution_hours, category.working_hours_only, calendar),
      created_by: who.actor?.accountId ?? null,
      tokens: tokenize(`${input.title} ${input.description} ${input.addressText ?? ''}`).join(' '),
    },
    reporter: {
      community_id: cid,
      resident_id: input.reporterResidentId ?? null,
      name: reporter.name,
      phone_enc: reporter.enc,
      phone_masked: reporter.masked,
      phone_hash: reporter.hash,
      tracking_hash: hashTrackingCode(trackingCode),
      key_hash: hashTrackingKey(trackingKey),
    },
    // The "created" step, written by the insert itself: it takes the ticket id from the row it creates.
    ...createdStep(
      stepRows({
        communityId: cid,
        ticketId: 0,
        action: 'created',
        fromStatus: null,
        toStatus: 'submitted',
        actor: who.actor,
        actorLabel: who.actorLabel,
        channel: input.channel,
        note: input.meetingTitle ?? null,
        isPublic: true,
        changes: { channel: input.channel, categoryId: category.id, title: input.title },
        // Without an account, the request id is what ties a resident's report to the server log.
        reason: who.actor ? null : `${who.actorLabel ?? 'external'}${who.requestId ? ` (request ${who.requestId})` : ''}`,
      }),
    ),
  };
  const answer = input.answerOnSpot && who.actor ? { actor: who.actor, note: input.answerOnSpot } : null;
  // 自动派单: the category names who carries it; the system accepts and dispatches in the same transaction.
  const assignee = !answer && category.auto_assign && !input.assigneeId ? await resolveDefaultAssignee(ctx.db, cid, category, compoundId) : null;
  // Meeting mode: the secretary dispatches at the table, to a named account, with the dispatch's deadline.
  const dispatch = !answer && input.assigneeId && who.actor ? { actor: who.actor, assigneeId: input.assigneeId, dueAt: input.dueAt ?? undefined } : null;
  const inserted = (row: Awaited<ReturnType<typeof repo.insertTicketWithTrail>>) => {
    if (!row) throw new Error('ticket insert answered no row');
    return row;
  };
  let result: NewTicket;
  if (!answer && !assignee && !dispatch) {
    const row = await ctx.db.transaction().execute(async (trx) => {
      const r = inserted(await repo.insertTicketWithTrail(trx, trail));
      await publish(trx, 'ticket.created', { communityId: cid, ticketId: r.id });
      return r;
    });
    // Nothing else happened to it: the reply is what was just written, with no read back.
    const created = {
      id: row.event_id,
      action: 'created',
      fromStatus: null,
      toStatus: 'submitted',
      actorName: who.actor?.displayName ?? who.actorLabel,
      actorLabel: who.actor ? null : who.actorLabel,
      channel: input.channel,
      note: input.meetingTitle ?? null,
      isPublic: true,
      createdAt: iso(row.event_created_at)!,
      rating: null,
      photoStage: null,
    };
    result = {
      id: row.id,
      code: row.code,
      trackingCode,
      trackingKey,
      fresh: { ...presentTicket((await withNames(ctx.db, [row]))[0]!), reporterCount: 1, photoIds: [], photos: [], events: [created] },
    };
  } else {
    const { id, code } = await ctx.db.transaction().execute(async (trx) => {
      const row = inserted(await repo.insertTicketWithTrail(trx, trail));
      if (answer) await applyAction(ctx, trx, answer.actor, cid, row.id, 'answer_on_spot', { note: answer.note }, input.channel);
      if (assignee) {
        await applyAction(ctx, trx, null, cid, row.id, 'accept', {}, null, 'system');
        await applyAction(ctx, trx, null, cid, row.id, 'assign', { assigneeKind: assignee.kind, assigneeId: assignee.id, note: null }, null, 'system');
      }
      if (dispatch) {
        await applyAction(ctx, trx, dispatch.actor, cid, row.id, 'accept', {}, null);
        await applyAction(ctx, trx, dispatch.actor, cid, row.id, 'assign', { assigneeId: dispatch.assigneeId, dueAt: dispatch.dueAt, note: null }, null);
      }
      await publish(trx, 'ticket.created', { communityId: cid, ticketId: row.id });
      return { id: row.id, code: row.code };
    });
    result = { id, code, trackingCode, trackingKey, fresh: null };
  }
  return result;
}

/** A ticket from an outside system (Open311 client): same rules as a resident's online report. Answers id and code. */
export async function submitExternalTicket(
  ctx: AppContext,
  communityId: CommunityId,
  input: {
    categoryId: number;
    description: string;
    addressText: string | null;
    compoundId: number | null;
    reporterName: string | null;
    reporterPhone: string | null;
    /** WGS 84 degrees the client sent (Open311 lat/long), kept on the ticket. */
    location?: { latitude: number; longitude: number } | null;
  },
  label: string,
) {
  const { id, code } = await insertNewTicket(
    ctx,
    communityId,
    {
      channel: 'online',
      categoryId: input.categoryId,
      title: input.description.slice(0, 30),
      description: input.description,
      compoundId: input.compoundId,
      addressText: input.addressText,
      reporterName: input.reporterName,
      reporterPhone: input.reporterPhone,
      isAnonymous: false,
      location: input.location ?? null,
    },
    { actor: null, actorLabel: label },
  );
  return { id, code };
}
