import type { Transaction } from 'kysely';
import {
  isValidIdCard,
  type CreateVolunteerInput,
  type JoinVolunteerInput,
  type Page,
  type ReviewVolunteerInput,
  type Volunteer,
  type VolunteerDetail,
  type VolunteerSettingsView,
} from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import type { DB } from '../../platform/db/schema.js';
import type { CommunityId } from '../../platform/db/scope.js';
import type { VolunteerStatus } from '../../platform/db/schema/volunteers.js';
import { authorize, resolveCommunityId, scopeOf, type Actor } from '../../platform/access/actor.js';
import { trustedCommunityId } from '../../platform/access/trusted-scope.js';
import { AppError, invalidField, notFound, uniqueAs } from '../../platform/errors.js';
import { logPiiAccess, writeAudit } from '../../platform/audit/audit.js';
import { maskIdCard, maskPhone } from '../../platform/crypto/pii.js';
import { iso } from '../../platform/time.js';
import { accountNames } from '../people/index.js';
import { placeRefs } from '../places/index.js';
import * as refs from './refs.repository.js';
import * as repo from './volunteers.repository.js';
import { presentEntry, presentVolunteer } from './volunteers.presenter.js';
import { settingsOf } from './settings.js';
import { hoursToNextStar } from './stars.js';

type VolunteerFields = Omit<JoinVolunteerInput, 'communityCode'>;

/** Checks the ID number (a resident ID card by its check digit) and seals it and the phone (ADR 0003). */
function sealed(ctx: AppContext, input: VolunteerFields) {
  if (input.idType === 'resident_id_card' && !isValidIdCard(input.idNumber)) throw invalidField('idNumber', 'invalid_id_card');
  const id = ctx.pii.seal(input.idNumber.toUpperCase(), maskIdCard);
  const phone = ctx.pii.seal(input.phone, maskPhone);
  return {
    id_type: input.idType,
    id_number_enc: id.enc,
    id_number_masked: id.masked,
    id_number_hash: id.hash,
    phone_enc: phone.enc,
    phone_masked: phone.masked,
    phone_hash: phone.hash,
  };
}

const idNumberTaken = uniqueAs('idNumber');

/** Inserts a volunteer with the next 志愿者编号, its timeline row and audit row (never the ID number or phone in them). */
async function register(
  ctx: AppContext,
  trx: Transaction<DB>,
  cid: CommunityId,
  input: VolunteerFields & { residentId?: number | null; accountId?: number | null; partyMemberId?: number | null },
  how: { status: VolunteerStatus; via: 'staff' | 'phone'; by: number | null; requestId: string | null },
) {
  const seal = sealed(ctx, input);
  const no = await refs.nextNumber(trx, cid, 'volunteer');
  const { id } = await repo
    .insertVolunteer(trx, {
      community_id: cid,
      volunteer_no: no,
      name: input.name,
      ...seal,
      gender: input.gender ?? null,
      birth_date: input.birthDate ?? null,
      skills: input.skills,
      availability: input.availability ?? null,
      weekday_slots: input.weekdaySlots,
      service_areas: input.serviceAreas,
      origin: input.origin,
      affiliation: input.affiliation ?? null,
      resident_id: input.residentId ?? null,
      account_id: input.accountId ?? null,
      party_member_id: input.partyMemberId ?? null,
      status: how.status,
      registered_via: how.via,
      reviewed_by: how.status === 'approved' ? how.by : null,
      reviewed_at: how.status === 'approved' ? new Date() : null,
      created_by: how.by,
    })
    .catch(idNumberTaken);
  await refs.insertVolunteerEvent(trx, {
    community_id: cid,
    volunteer_id: id,
    action: 'registered',
    from_status: null,
    to_status: how.status,
    reason: null,
    actor_id: how.by,
  });
  await writeAudit(trx, how.by == null ? null : { accountId: how.by, requestId: how.requestId }, {
    communityId: cid,
    action: 'volunteer.registered',
    entityType: 'volunteer',
    entityId: id,
    changes: {
      volunteerNo: no,
      name: input.name,
      origin: input.origin,
      via: how.via,
      status: how.status,
      idNumberMasked: seal.id_number_masked,
      phoneMasked: seal.phone_masked,
    },
  });
  return id;
}

export async function listVolunteers(
  ctx: AppContext,
  actor: Actor,
  query: { page: number; pageSize: number; q?: string; order: 'asc' | 'desc'; status?: VolunteerStatus; origin?: string; communityId?: number },
): Promise<Page<Volunteer>> {
  authorize(actor, 'volunteers.read');
  const cid = resolveCommunityId(actor, query.communityId);
  const settings = await settingsOf(ctx.db, cid);
  const { total, rows } = await repo.listVolunteers(
    ctx.db,
    cid,
    { status: query.status, origin: query.origin, q: query.q?.trim() || undefined },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize, order: query.order === 'asc' ? 'asc' : 'desc' },
  );
  return { items: rows.map((r) => presentVolunteer(r, settings.starThresholds)), total, page: query.page, pageSize: query.pageSize };
}

export async function getVolunteer(ctx: AppContext, actor: Actor, id: number): Promise<VolunteerDetail> {
  authorize(actor, 'volunteers.read');
  const row = await repo.findVolunteer(ctx.db, scopeOf(actor), id);
  if (!row) throw notFound('volunteer');
  return detailOf(ctx, row);
}

export async function detailOf(ctx: AppContext, row: repo.VolunteerRow): Promise<VolunteerDetail> {
  const cid = trustedCommunityId(row.community_id); // the row was found under the actor's scope
  const [settings, entries, events] = await Promise.all([
    settingsOf(ctx.db, cid),
    repo.hoursEntries(ctx.db, cid, { volunteerId: row.id, limit: 200 }),
    repo.eventsOf(ctx.db, cid, row.id),
  ]);
  const accounts = await accountNames(ctx.db, [...entries.map((e) => e.recorded_by), ...events.flatMap((e) => (e.actor_id ? [e.actor_id] : []))]);
  const names = { volunteers: new Map([[row.id, row.name]]), accounts };
  return {
    ...presentVolunteer(row, settings.starThresholds),
    entries: entries.map((e) => presentEntry(e, names)),
    events: events.map((e) => ({
      id: e.id,
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      reason: e.reason,
      actorName: e.actor_id ? (accounts.get(e.actor_id) ?? null) : null,
      at: iso(e.created_at),
    })),
    hoursToNextStar: hoursToNextStar(Number(row.minutes), settings.starThresholds),
  };
}

/** Staff register a volunteer (a resident or not): approved at once unless asked otherwise. */
export async function createVolunteer(ctx: AppContext, actor: Actor, input: CreateVolunteerInput): Promise<VolunteerDetail> {
  authorize(actor, 'volunteers.write');
  const cid = resolveCommunityId(actor, input.communityId);
  if (input.residentId != null) {
    const found = await placeRefs.residentPlaces(ctx.db, cid, [input.residentId]);
    if (found.length === 0) throw invalidField('residentId', 'not_found');
  }
  const id = await ctx.db
    .transaction()
    .execute((trx) =>
      register(ctx, trx, cid, input, { status: input.approve ? 'approved' : 'applied', via: 'staff', by: actor.accountId, requestId: actor.requestId }),
    );
  return getVolunteer(ctx, actor, id);
}

/** Someone applies on the phone page; logged in, the application is linked to their account. Staff review it. */
export async function joinVolunteer(
  ctx: AppContext,
  actor: Actor | null,
  input: JoinVolunteerInput,
): Promise<{ volunteerNo: number; number: string; status: VolunteerStatus }> {
  const c = await placeRefs.communityByCode(ctx.db, input.communityCode);
  if (!c) throw invalidField('communityCode', 'not_found');
  // The public join page is per community, named by its code.
  const cid = trustedCommunityId(c.id);
  const accountId = actor && actor.communityId === c.id ? actor.accountId : null;
  if (accountId != null && (await refs.volunteerByAccount(ctx.db, cid, accountId)))
    throw new AppError('CONFLICT', 'already registered', { fields: [{ field: 'accountId', rule: 'taken' }] });
  const id = await ctx.db
    .transaction()
    .execute((trx) =>
      register(ctx, trx, cid, { ...input, accountId }, { status: 'applied', via: 'phone', by: accountId, requestId: actor?.requestId ?? null }),
    );
  const [row] = await refs.volunteerRows(ctx.db, cid, [id]);
  return { volunteerNo: row!.volunteer_no, number: String(row!.volunteer_no).padStart(5, '0'), status: row!.status };
}

const transitions: Record<ReviewVolunteerInput['decision'], { from: VolunteerStatus[]; to: VolunteerStatus; needsReason: boolean }> = {
  approve: { from: ['applied', 'rejected'], to: 'approved', needsReason: false },
  reject: { from: ['applied'], to: 'rejected', needsReason: true },
  suspend: { from: ['approved'], to: 'suspended', needsReason: true },
  reinstate: { from: ['suspended', 'left'], to: 'approved', needsReason: false },
  leave: { from: ['applied', 'approved', 'suspended'], to: 'left', needsReason: false },
};

/** Approve, reject (with a reason), suspend, reinstate or mark as left; timeline and audit in the same transaction. */
export async function reviewVolunteer(ctx: AppContext, actor: Actor, id: number, input: ReviewVolunteerInput): Promise<VolunteerDetail> {
  authorize(actor, 'volunteers.write');
  const t = transitions[input.decision];
  const reason = input.reason?.trim() || null;
  await ctx.db.transaction().execute(async (trx) => {
    const v = await repo.lockVolunteer(trx, scopeOf(actor), id);
    if (!v) throw notFound('volunteer');
    if (t.needsReason && !reason) throw invalidField('reason', 'required');
    const cid = resolveCommunityId(actor, v.community_id);
    if (!t.from.includes(v.status)) throw new AppError('INVALID_STATE', `cannot ${input.decision} a volunteer who is ${v.status}`);
    await repo.setStatus(trx, cid, id, t.to, reason, actor.accountId);
    await refs.insertVolunteerEvent(trx, {
      community_id: cid,
      volunteer_id: id,
      action: input.decision,
      from_status: v.status,
      to_status: t.to,
      reason,
      actor_id: actor.accountId,
    });
    await writeAudit(trx, actor, {
      communityId: cid,
      action: `volunteer.${input.decision}`,
      entityType: 'volunteer',
      entityId: id,
      changes: { from: v.status, to: t.to },
      reason,
    });
  });
  return getVolunteer(ctx, actor, id);
}

/** The whole ID number and phone, for a permission that may see them; the view is logged (ADR 0003). */
export async function volunteerPii(ctx: AppContext, actor: Actor, id: number) {
  authorize(actor, 'volunteers.viewPii');
  const row = await repo.sealedOf(ctx.db, scopeOf(actor), id);
  if (!row) throw notFound('volunteer');
  await logPiiAccess(ctx.db, row.community_id, {
    actor_id: actor.accountId,
    entity_type: 'volunteer',
    entity_id: String(id),
    fields: ['idNumber', 'phone'],
    request_id: actor.requestId,
  });
  return { idNumber: row.id_number_enc ? ctx.pii.decrypt(row.id_number_enc) : null, phone: row.phone_enc ? ctx.pii.decrypt(row.phone_enc) : null };
}

export async function getSettings(ctx: AppContext, actor: Actor, communityId?: number): Promise<VolunteerSettingsView> {
  authorize(actor, 'volunteers.read');
  const s = await settingsOf(ctx.db, resolveCommunityId(actor, communityId));
  return {
    roundingRule: s.roundingRule,
    starThresholds: s.starThresholds,
    activityCapHours: s.activityCapMinutes == null ? null : s.activityCapMinutes / 60,
    certificateResponsible: s.certificateResponsible,
    certificateHandler: s.certificateHandler,
    certificateContact: s.certificateContact,
  };
}

export async function updateSettings(ctx: AppContext, actor: Actor, input: VolunteerSettingsView & { communityId?: number }): Promise<VolunteerSettingsView> {
  authorize(actor, 'volunteers.configure');
  const cid = resolveCommunityId(actor, input.communityId);
  const sorted = [...input.starThresholds].sort((a, b) => a - b);
  if (new Set(sorted).size !== sorted.length || sorted.some((v, i) => v !== input.starThresholds[i])) throw invalidField('starThresholds', 'invalid');
  await ctx.db.transaction().execute(async (trx) => {
    const before = await settingsOf(trx, cid);
    await refs.upsertSettings(trx, cid, {
      rounding_rule: input.roundingRule,
      star_thresholds: input.starThresholds,
      activity_cap_minutes: input.activityCapHours == null ? null : Math.round(input.activityCapHours * 60),
      certificate_responsible: input.certificateResponsible?.trim() || null,
      certificate_handler: input.certificateHandler?.trim() || null,
      certificate_contact: input.certificateContact?.trim() || null,
      updated_by: actor.accountId,
    });
    const { communityId: _c, ...after } = input;
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'volunteer_settings.updated',
      entityType: 'volunteer_settings',
      entityId: cid,
      changes: { before, after },
    });
  });
  return getSettings(ctx, actor, cid);
}
