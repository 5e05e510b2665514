import {
  careAdvancedAge,
  careQualifyingTags,
  type CareRecipient,
  type CareRecipientListQuery,
  type CareRecipientPrivate,
  type CareSettings,
  type CreateCareRecipientInput,
  type MajorChangeInput,
  type Page,
  type UpdateCareRecipientInput,
  type UpdateCareSettingsInput,
} from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { authorize, resolveCommunityId, scopeOf, type Actor } from '../../platform/access/actor.js';
import { AppError, invalidField, notFound, uniqueAs } from '../../platform/errors.js';
import { diff, logPiiAccess, writeAudit } from '../../platform/audit/audit.js';
import { maskPhone } from '../../platform/crypto/pii.js';
import type { CommunityId } from '../../platform/db/scope.js';
import type { FamilyContactRow } from '../../platform/db/schema.js';
import { isResidentWithinReach, placeRefs } from '../places/index.js';
import * as repo from './care.repository.js';
import { ageOn, presentRecipient } from './care.presenter.js';
import { defaultIntervals, type CareIntervals } from './due.js';
import { pairedOnlyIds } from './care.policy.js';

/** A community's visit intervals (its settings row, or the defaults). */
export async function intervalsOf(ctx: Pick<AppContext, 'db'>, cid: CommunityId): Promise<CareIntervals> {
  const s = await repo.findSettings(ctx.db, cid);
  if (!s) return defaultIntervals;
  return { high: s.high_interval_days, key: s.key_interval_days, general: s.general_interval_days, majorChangeHours: s.major_change_hours };
}

export async function getCareSettings(ctx: AppContext, actor: Actor, communityId?: number): Promise<CareSettings> {
  authorize(actor, 'care.read');
  const cid = resolveCommunityId(actor, communityId);
  const iv = await intervalsOf(ctx, cid);
  return { communityId: cid, highIntervalDays: iv.high, keyIntervalDays: iv.key, generalIntervalDays: iv.general, majorChangeHours: iv.majorChangeHours };
}

export async function updateCareSettings(ctx: AppContext, actor: Actor, input: UpdateCareSettingsInput): Promise<CareSettings> {
  authorize(actor, 'care.configure');
  const cid = resolveCommunityId(actor, input.communityId);
  const before = await getCareSettings(ctx, actor, cid);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.upsertSettings(trx, cid, {
      high_interval_days: input.highIntervalDays,
      key_interval_days: input.keyIntervalDays,
      general_interval_days: input.generalIntervalDays,
      major_change_hours: input.majorChangeHours,
      updated_by: actor.accountId,
    });
    const { communityId: _c, ...rest } = input;
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'care.settings_updated',
      entityType: 'care_settings',
      entityId: cid,
      changes: diff(before, rest),
    });
  });
  return getCareSettings(ctx, actor, cid);
}

function sealContacts(ctx: AppContext, contacts: CreateCareRecipientInput['familyContacts']): FamilyContactRow[] {
  return (contacts ?? []).map((c) => {
    const s = ctx.pii.seal(c.phone ?? null, maskPhone);
    return { name: c.name, relation: c.relation ?? null, phoneEnc: s.enc, phoneMasked: s.masked };
  });
}

/** Health notes and family phones are health-data private: writing them needs care.health too. */
function assertHealthWrite(actor: Actor, input: { healthNotes?: unknown; familyContacts?: unknown }) {
  if (input.healthNotes !== undefined || input.familyContacts !== undefined) authorize(actor, 'care.health');
}

export async function listRecipients(ctx: AppContext, actor: Actor, query: CareRecipientListQuery, now = new Date()): Promise<Page<CareRecipient>> {
  authorize(actor, 'care.visit');
  const cid = resolveCommunityId(actor, query.communityId);
  const only = await pairedOnlyIds(ctx.db, actor, cid);
  const iv = await intervalsOf(ctx, cid);
  const filters = { tier: query.tier, status: query.status, q: query.q?.trim() || undefined, ids: only ?? undefined };
  const { total: count, rows } = await repo.listRecipients(ctx.db, cid, filters, { offset: (query.page - 1) * query.pageSize, limit: query.pageSize });
  let items = await presentMany(ctx, cid, rows, iv, now);
  let total = count;
  if (query.overdue === 'true') {
    // Overdue is a rule over dates, not a column: the whole list filtered here (a community has hundreds, not millions).
    const all = await repo.listRecipients(ctx.db, cid, filters, { offset: 0, limit: 100_000 });
    const over = (await presentMany(ctx, cid, all.rows, iv, now)).filter((r) => r.overdue);
    total = over.length;
    items = over.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  }
  return { items, total, page: query.page, pageSize: query.pageSize };
}

async function presentMany(ctx: AppContext, cid: CommunityId, rows: repo.RecipientRow[], iv: CareIntervals, now: Date) {
  const births = new Map(
    (
      await placeRefs.residentPlaces(
        ctx.db,
        cid,
        rows.map((r) => r.resident_id),
      )
    ).map((p) => [p.id, p.birth_date]),
  );
  return rows.map((r) => presentRecipient(r, iv, now, births.get(r.resident_id) ?? null));
}

export async function getRecipient(ctx: AppContext, actor: Actor, id: number, now = new Date()): Promise<CareRecipient> {
  authorize(actor, 'care.visit');
  const row = await repo.findRecipient(ctx.db, scopeOf(actor), id);
  if (!row) throw notFound('care recipient');
  const cid = resolveCommunityId(actor, row.community_id);
  const only = await pairedOnlyIds(ctx.db, actor, cid);
  if (only && !only.includes(id)) throw notFound('care recipient');
  const [item] = await presentMany(ctx, cid, [row], await intervalsOf(ctx, cid), now);
  return item!;
}

/** Health notes and family phones in full, for care.health only; each view is logged (ADR 0003). */
export async function getRecipientPrivate(ctx: AppContext, actor: Actor, id: number): Promise<CareRecipientPrivate> {
  authorize(actor, 'care.health');
  const row = await repo.findRecipient(ctx.db, scopeOf(actor), id);
  if (!row) throw notFound('care recipient');
  const fields = ['healthNotes', 'familyPhones'];
  await logPiiAccess(ctx.db, row.community_id, {
    actor_id: actor.accountId,
    entity_type: 'care_recipient',
    entity_id: String(id),
    fields,
    request_id: actor.requestId,
  });
  return {
    id,
    healthNotes: row.health_notes_enc ? ctx.pii.decrypt(row.health_notes_enc) : null,
    familyContacts: row.family_contacts.map((c) => ({ name: c.name, relation: c.relation, phone: c.phoneEnc ? ctx.pii.decrypt(c.phoneEnc) : null })),
  };
}

/** Takes a resident into care: they must be a resident of the community, with at least one tag that qualifies them. */
export async function createRecipient(ctx: AppContext, actor: Actor, input: CreateCareRecipientInput, now = new Date()): Promise<CareRecipient> {
  authorize(actor, 'care.write');
  assertHealthWrite(actor, input);
  const cid = resolveCommunityId(actor, input.communityId);
  const [resident] = await placeRefs.residentPlaces(ctx.db, cid, [input.residentId]);
  if (!resident || resident.archived_at || !(await isResidentWithinReach(ctx, actor, cid, resident.id))) throw invalidField('residentId', 'not_a_resident');
  if (await repo.activeRecipientOfResident(ctx.db, cid, resident.id)) throw invalidField('residentId', 'already_in_care');
  const tags = new Set<string>([...resident.tags, ...(input.qualifyingTags ?? [])].filter((t) => (careQualifyingTags as readonly string[]).includes(t)));
  const age = ageOn(resident.birth_date, now);
  if (age !== null && age >= careAdvancedAge) tags.add('advanced_age');
  if (tags.size === 0) throw invalidField('qualifyingTags', 'required');
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await repo
      .insertRecipient(trx, cid, {
        resident_id: resident.id,
        tier: input.tier,
        qualifying_tags: [...tags],
        family_contacts: JSON.stringify(sealContacts(ctx, input.familyContacts)),
        health_notes_enc: input.healthNotes ? ctx.pii.encrypt(input.healthNotes) : null,
        care_plan: input.carePlan ?? null,
        created_by: actor.accountId,
      })
      .catch(uniqueAs('residentId', 'already_in_care'));
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'care.recipient_added',
      entityType: 'care_recipient',
      entityId: row.id,
      // Never the notes or the numbers: whether they were given.
      changes: {
        residentId: resident.id,
        tier: input.tier,
        qualifyingTags: [...tags],
        familyContacts: input.familyContacts?.length ?? 0,
        healthNotes: !!input.healthNotes,
      },
    });
    return row.id;
  });
  return getRecipient(ctx, actor, id, now);
}

async function activeRow(ctx: AppContext, actor: Actor, id: number) {
  const row = await repo.findRecipient(ctx.db, scopeOf(actor), id);
  if (!row) throw notFound('care recipient');
  if (row.status !== 'active') throw new AppError('INVALID_STATE', 'care has ended');
  return { row, cid: resolveCommunityId(actor, row.community_id) };
}

export async function updateRecipient(ctx: AppContext, actor: Actor, id: number, input: UpdateCareRecipientInput): Promise<CareRecipient> {
  authorize(actor, 'care.write');
  assertHealthWrite(actor, input);
  const { row, cid } = await activeRow(ctx, actor, id);
  const extra = (input.qualifyingTags ?? []).filter((t) => !row.qualifying_tags.includes(t));
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateRecipient(trx, cid, id, {
      tier: input.tier,
      care_plan: input.carePlan,
      ...(extra.length ? { qualifying_tags: [...row.qualifying_tags, ...extra] } : {}),
      ...(input.familyContacts !== undefined ? { family_contacts: JSON.stringify(sealContacts(ctx, input.familyContacts)) } : {}),
      ...(input.healthNotes !== undefined ? { health_notes_enc: input.healthNotes ? ctx.pii.encrypt(input.healthNotes) : null } : {}),
    });
    const changes = diff({ tier: row.tier, carePlan: row.care_plan }, { tier: input.tier, carePlan: input.carePlan });
    if (extra.length) changes.qualifyingTags = { from: row.qualifying_tags, to: [...row.qualifying_tags, ...extra] };
    if (input.familyContacts !== undefined) changes.familyContacts = { from: row.family_contacts.length, to: input.familyContacts.length };
    if (input.healthNotes !== undefined) changes.healthNotes = { from: '…', to: '…' };
    await writeAudit(trx, actor, { communityId: cid, action: 'care.recipient_updated', entityType: 'care_recipient', entityId: id, changes });
  });
  return getRecipient(ctx, actor, id);
}

/** A hospital stay, a death in the family…: a visit falls due within the community's hours (24 by default). */
export async function recordMajorChange(ctx: AppContext, actor: Actor, id: number, input: MajorChangeInput, now = new Date()): Promise<CareRecipient> {
  authorize(actor, 'care.visit');
  const { cid } = await activeRow(ctx, actor, id);
  const only = await pairedOnlyIds(ctx.db, actor, cid);
  if (only && !only.includes(id)) throw notFound('care recipient');
  const at = input.at ? new Date(input.at) : now;
  if (at > now) throw invalidField('at', 'date_in_future');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateRecipient(trx, cid, id, { major_change_at: at, major_change_note: input.note });
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'care.major_change',
      entityType: 'care_recipient',
      entityId: id,
      changes: { at: at.toISOString(), note: input.note },
    });
  });
  return getRecipient(ctx, actor, id, now);
}

/** Ends care (moved away, passed away, in a home); the visits stay in the ledger and the pairings end with it. */
export async function endRecipient(ctx: AppContext, actor: Actor, id: number, reason: string): Promise<CareRecipient> {
  authorize(actor, 'care.write');
  const { cid } = await activeRow(ctx, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateRecipient(trx, cid, id, { status: 'ended', ended_at: new Date(), end_reason: reason });
    await repo.endPairingsOf(trx, cid, id);
    await writeAudit(trx, actor, { communityId: cid, action: 'care.recipient_ended', entityType: 'care_recipient', entityId: id, reason });
  });
  return getRecipient(ctx, actor, id);
}
