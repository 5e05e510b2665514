import type {
  AddSessionItemInput,
  AnswerSessionItemInput,
  CreateSecretarySessionInput,
  FollowUpSessionItemInput,
  Page,
  SecretarySession,
  SecretarySessionListQuery,
  SecretarySessionSummary,
  SessionCommitment,
  SessionCommitmentQuery,
  SessionItem,
  UpdateSecretarySessionInput,
} from '@linli/contracts';
import type { AppContext } from '../../../platform/context.js';
import { authorize, resolveCommunityId, scopeOf, type Actor } from '../../../platform/access/actor.js';
import { AppError, invalidField, notFound } from '../../../platform/errors.js';
import { writeAudit } from '../../../platform/audit/audit.js';
import { beijingDate } from '../../../platform/time.js';
import { communityIn, scopeOfOne, type CommunityId, type Scope } from '../../../platform/db/scope.js';
import * as repo from './sessions.repository.js';
import { answersOnBehalf, organisationLens } from './sessions.policy.js';
import { presentItems, presentSession, type Names } from './sessions.presenter.js';
import { namesFor, organisationsServing, escalationForItem } from './sessions.refs.js';

/** The scope of a list: the community asked for (another answers 404), else every community the actor may see. */
const scopeFor = (actor: Actor, communityId?: number): Scope => (communityId != null ? scopeOfOne(resolveCommunityId(actor, communityId)) : scopeOf(actor));

/** The community of a row found under the actor's scope. */
function communityOfRow(actor: Actor, communityId: number): CommunityId {
  const cid = communityIn(scopeOf(actor), communityId);
  if (!cid) throw notFound('secretary session');
  return cid;
}

/** "Today" in the communities' time zone: a commitment promised for today is overdue from tomorrow. */
const todayOf = (now = new Date()) => beijingDate(now);

export async function listSessions(ctx: AppContext, actor: Actor, query: SecretarySessionListQuery): Promise<Page<SecretarySessionSummary>> {
  authorize(actor, 'sessions.read');
  const lens = organisationLens(actor);
  const scope = scopeFor(actor, query.communityId);
  const today = todayOf();
  const { total, rows } = await repo.listSessions(ctx.db, scope, { organisationId: lens, from: query.from, to: query.to }, today, {
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
    order: query.order === 'asc' ? 'asc' : 'desc',
  });
  const attendees = await repo.attendeesOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const names = await namesFor(ctx.db, { organisations: attendees.map((a) => a.organisation_id), communities: rows.map((r) => r.community_id) });
  return { items: rows.map((r) => presentSession(r, attendees, names)), total, page: query.page, pageSize: query.pageSize };
}

export async function getSession(ctx: AppContext, actor: Actor, id: number): Promise<SecretarySession> {
  authorize(actor, 'sessions.read');
  const lens = organisationLens(actor);
  const today = todayOf();
  const row = await repo.findSession(ctx.db, scopeOf(actor), id, lens, today);
  if (!row) throw notFound('secretary session');
  const cid = communityOfRow(actor, row.community_id);
  const [attendees, items] = await Promise.all([repo.attendeesOf(ctx.db, [id]), repo.itemsOf(ctx.db, cid, id, lens)]);
  const followUps = await repo.followUpsOf(
    ctx.db,
    items.map((i) => i.id),
  );
  const names = await namesFor(ctx.db, {
    organisations: [...attendees.map((a) => a.organisation_id), ...items.map((i) => i.organisation_id)],
    communities: [row.community_id],
    accounts: [row.created_by, ...items.map((i) => i.answered_by), ...followUps.map((f) => f.created_by)],
  });
  return {
    ...presentSession(row, attendees, names),
    otherAttendees: row.other_attendees,
    notes: row.notes,
    createdByName: row.created_by == null ? null : (names.accounts.get(row.created_by) ?? null),
    items: presentItems(items, followUps, names, today),
  };
}

/** The attendees as rows, each organisation once and serving the community (else the attendee is named). */
async function checkedAttendees(ctx: AppContext, cid: CommunityId, attendees: CreateSecretarySessionInput['attendees']) {
  const ids = attendees.map((a) => a.organisationId);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) throw invalidField(`attendees.${i}`, 'repeated');
  });
  const serving = await organisationsServing(ctx.db, cid, ids);
  ids.forEach((id, i) => {
    if (!serving.has(id)) throw invalidField(`attendees.${i}`, 'not_serving');
  });
  return attendees.map((a) => ({ organisation_id: a.organisationId, attendee_name: a.attendeeName, attendee_title: a.attendeeTitle ?? null }));
}

/** Records a 书记面对面 session with the departments that came. */
export async function createSession(ctx: AppContext, actor: Actor, input: CreateSecretarySessionInput): Promise<SecretarySession> {
  authorize(actor, 'sessions.write');
  const cid = resolveCommunityId(actor, input.communityId);
  const attendees = await checkedAttendees(ctx, cid, input.attendees);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.insertSession(
      trx,
      cid,
      {
        title: input.title,
        held_on: input.heldOn,
        starts_at: input.startsAt ?? null,
        place: input.place,
        host_name: input.hostName,
        other_attendees: input.otherAttendees ?? null,
        notes: input.notes ?? null,
      },
      actor.accountId,
    );
    await repo.replaceAttendees(trx, cid, row.id, attendees);
    const { communityId: _c, ...changes } = input;
    await writeAudit(trx, actor, { communityId: cid, action: 'secretary_session.created', entityType: 'secretary_session', entityId: row.id, changes });
    return row.id;
  });
  return getSession(ctx, actor, id);
}

export async function updateSession(ctx: AppContext, actor: Actor, id: number, input: UpdateSecretarySessionInput): Promise<SecretarySession> {
  authorize(actor, 'sessions.write');
  const before = await getSession(ctx, actor, id);
  const cid = resolveCommunityId(actor, before.communityId);
  const attendees = input.attendees ? await checkedAttendees(ctx, cid, input.attendees) : undefined;
  if (attendees) {
    const kept = new Set(attendees.map((a) => a.organisation_id));
    const orphan = before.items.find((i) => !kept.has(i.organisationId));
    if (orphan) throw invalidField('attendees', 'has_items', { value: orphan.organisationName });
  }
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateSession(trx, cid, id, {
      title: input.title,
      held_on: input.heldOn,
      starts_at: input.startsAt,
      place: input.place,
      host_name: input.hostName,
      other_attendees: input.otherAttendees,
      notes: input.notes,
    });
    if (attendees) await repo.replaceAttendees(trx, cid, id, attendees);
    await writeAudit(trx, actor, { communityId: cid, action: 'secretary_session.updated', entityType: 'secretary_session', entityId: id, changes: input });
  });
  return getSession(ctx, actor, id);
}

/**
 * Adds an item: an escalation of this community already sent to an attending department (its ticket and subject come
 * with it), or a matter raised at the table for one attending department (subject required).
 */
export async function addItem(ctx: AppContext, actor: Actor, sessionId: number, input: AddSessionItemInput): Promise<SessionItem> {
  authorize(actor, 'sessions.write');
  const session = await getSession(ctx, actor, sessionId);
  const cid = resolveCommunityId(actor, session.communityId);
  const attending = new Set(session.attendees.map((a) => a.organisationId));
  const notAttending = async (field: string, organisationId: number) => {
    const names = await namesFor(ctx.db, { organisations: [organisationId] });
    return invalidField(field, 'not_attending', { value: names.organisations.get(organisationId) ?? String(organisationId) });
  };
  let values: repo.ItemValues;
  if (input.escalationId != null) {
    const esc = await escalationForItem(ctx.db, cid, input.escalationId);
    if (!esc) throw invalidField('escalationId', 'not_found');
    if (esc.status === 'requested' || esc.status === 'withdrawn') throw new AppError('INVALID_STATE', `escalation is ${esc.status}`);
    if (!attending.has(esc.organisationId)) throw await notAttending('escalationId', esc.organisationId);
    if (session.items.some((i) => i.escalationId === esc.id)) throw invalidField('escalationId', 'repeated');
    values = {
      organisation_id: esc.organisationId,
      escalation_id: esc.id,
      ticket_id: esc.ticketId,
      ticket_code: esc.ticketCode,
      subject: input.subject ?? esc.ticketTitle,
      detail: input.detail ?? esc.reason,
    };
  } else {
    if (input.organisationId == null) throw invalidField('organisationId', 'required');
    if (!attending.has(input.organisationId)) throw await notAttending('organisationId', input.organisationId);
    if (!input.subject) throw invalidField('subject', 'required');
    values = {
      organisation_id: input.organisationId,
      escalation_id: null,
      ticket_id: null,
      ticket_code: null,
      subject: input.subject,
      detail: input.detail ?? null,
    };
  }
  const itemId = await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.insertItem(trx, cid, sessionId, values, actor.accountId);
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'secretary_session.item_added',
      entityType: 'secretary_session',
      entityId: sessionId,
      changes: { itemId: row.id, ...values },
    });
    return row.id;
  });
  return itemOf(ctx, actor, itemId);
}

export async function itemOf(ctx: AppContext, actor: Actor, itemId: number): Promise<SessionItem> {
  const lens = organisationLens(actor);
  const row = await repo.findItem(ctx.db, scopeOf(actor), itemId, lens);
  if (!row) throw notFound('secretary session item');
  const followUps = await repo.followUpsOf(ctx.db, [itemId]);
  const names = await namesFor(ctx.db, { organisations: [row.organisation_id], accounts: [row.answered_by, ...followUps.map((f) => f.created_by)] });
  return presentItems([row], followUps, names, todayOf())[0]!;
}

/**
 * The department's answer and, if it commits to something, the commitment and its promised date (not before the
 * session). Written by the department's own contact, or by staff on its behalf (the item says which). A department
 * contact reaches only its own organisation's items: another's answers 404.
 */
export async function answerItem(ctx: AppContext, actor: Actor, itemId: number, input: AnswerSessionItemInput): Promise<SessionItem> {
  authorize(actor, 'sessions.answer');
  const lens = organisationLens(actor);
  const item = await repo.findItem(ctx.db, scopeOf(actor), itemId, lens);
  if (!item) throw notFound('secretary session item');
  const cid = communityOfRow(actor, item.community_id);
  if (item.follow_status != null && item.follow_status !== 'open') throw new AppError('INVALID_STATE', 'the commitment is already settled');
  const commitment = input.commitment?.trim() || null;
  const promisedOn = input.promisedOn ?? null;
  if (commitment && !promisedOn) throw invalidField('promisedOn', 'required');
  if (!commitment && promisedOn) throw invalidField('commitment', 'required');
  if (promisedOn && promisedOn < item.held_on) throw invalidField('promisedOn', 'before_session', { min: item.held_on });
  const values: repo.AnswerValues = {
    answer: input.answer,
    answered_by: actor.accountId,
    answered_on_behalf: answersOnBehalf(actor),
    commitment,
    promised_on: promisedOn,
    follow_status: commitment ? 'open' : null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.recordAnswer(trx, cid, itemId, values, new Date());
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'secretary_session.item_answered',
      entityType: 'secretary_session',
      entityId: item.session_id,
      changes: { itemId, answer: values.answer, commitment, promisedOn, onBehalf: values.answered_on_behalf },
    });
  });
  return itemOf(ctx, actor, itemId);
}

/** A follow-up of a commitment: still open (with progress), kept or broken, always with a note; staff only. */
export async function followUpItem(ctx: AppContext, actor: Actor, itemId: number, input: FollowUpSessionItemInput): Promise<SessionItem> {
  authorize(actor, 'sessions.write');
  const item = await repo.findItem(ctx.db, scopeOf(actor), itemId, null);
  if (!item) throw notFound('secretary session item');
  const cid = communityOfRow(actor, item.community_id);
  if (item.follow_status == null) throw new AppError('INVALID_STATE', 'the item has no commitment to follow up');
  if (item.follow_status !== 'open') throw new AppError('INVALID_STATE', 'the commitment is already settled');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.recordFollowUp(trx, cid, itemId, input.status, input.note, actor.accountId, new Date());
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'secretary_session.followed_up',
      entityType: 'secretary_session',
      entityId: item.session_id,
      changes: { itemId, status: { from: item.follow_status, to: input.status } },
      reason: input.note,
    });
  });
  return itemOf(ctx, actor, itemId);
}

/** Commitments of the community's sessions, overdue first: what the secretary chases. */
export async function listCommitments(ctx: AppContext, actor: Actor, query: SessionCommitmentQuery): Promise<Page<SessionCommitment>> {
  authorize(actor, 'sessions.read');
  const lens = organisationLens(actor);
  const today = todayOf();
  const { total, rows } = await repo.listCommitments(
    ctx.db,
    scopeFor(actor, query.communityId),
    { organisationId: lens, state: query.state, byOrganisation: query.organisationId },
    today,
    {
      offset: (query.page - 1) * query.pageSize,
      limit: query.pageSize,
    },
  );
  const followUps = await repo.followUpsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const names: Names = await namesFor(ctx.db, {
    organisations: rows.map((r) => r.organisation_id),
    accounts: [...rows.map((r) => r.answered_by), ...followUps.map((f) => f.created_by)],
  });
  const items = presentItems(rows, followUps, names, today);
  return {
    items: items.map((it, i) => ({ ...it, sessionTitle: rows[i]!.session_title, heldOn: rows[i]!.held_on, communityId: rows[i]!.community_id })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
