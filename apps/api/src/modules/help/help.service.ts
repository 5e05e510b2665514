import type {
  CreateHelpNeedInput,
  HelpActionInput,
  HelpEventKind,
  HelpHelperInput,
  HelpNeed,
  HelpNeedDetail,
  HelpNeedFull,
  HelpNeedListQuery,
  HelpStatus,
  HelpStepInput,
  Page,
  UpdateHelpNeedInput,
} from '@linli/contracts';
import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { DB } from '../../platform/db/schema.js';
import { authorize, resolveCommunityId, scopeOf, type Actor } from '../../platform/access/actor.js';
import { AppError, invalidField, notFound } from '../../platform/errors.js';
import { logPiiAccess, writeAudit } from '../../platform/audit/audit.js';
import { communityIn, type CommunityId } from '../../platform/db/scope.js';
import { placeRefs } from '../places/index.js';
import { peopleRefs } from '../people/index.js';
import { partnerRefs } from '../partners/index.js';
import * as repo from './help.repository.js';
import { helpNames } from './help-names.js';
import { day, iso, presentHelpNeed } from './help.presenter.js';
import { nextHelpStatus, statusAfterAction } from './help-state.js';

/** Resident tags a help need rests on (帮扶对象): 低保, 残疾, 独居, 高龄, 困难 …, public and sealed ones. */
const helpTags = new Set([
  'living_alone',
  'advanced_age',
  'empty_nest',
  'left_behind_child',
  'unemployed',
  'disabled',
  'low_income',
  'serious_illness',
  'hardship',
]);

interface HelpStepRow {
  communityId: number;
  needId: number;
  action: HelpEventKind;
  from?: HelpStatus | null;
  to?: HelpStatus | null;
  note?: string | null;
  changes?: Record<string, unknown>;
}
/** One step of a help need: its timeline row and its audit row in the caller's transaction. */
async function recordHelpStep(trx: Transaction<DB>, actor: Actor, s: HelpStepRow) {
  await repo.insertHelpEvent(trx, {
    community_id: s.communityId,
    need_id: s.needId,
    action: s.action,
    from_status: s.from ?? null,
    to_status: s.to ?? null,
    actor_id: actor.accountId,
    note: s.note ?? null,
  });
  await writeAudit(trx, actor, {
    communityId: s.communityId,
    action: `help_need.${s.action}`,
    entityType: 'help_need',
    entityId: s.needId,
    changes: s.changes ?? (s.from !== undefined || s.to !== undefined ? { from: s.from ?? null, to: s.to ?? null } : null),
  });
}

export async function listHelpNeeds(ctx: AppContext, actor: Actor, query: HelpNeedListQuery): Promise<Page<HelpNeed>> {
  authorize(actor, 'help.read');
  const cid = resolveCommunityId(actor, query.communityId);
  const { total, rows } = await repo.listHelpNeeds(
    ctx.db,
    cid,
    { status: query.status, category: query.helpCategory },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  const names = await helpNames(ctx.db, cid, rows);
  return { items: rows.map((r) => presentHelpNeed(r, names)), total, page: query.page, pageSize: query.pageSize };
}

async function needOf(ctx: AppContext, actor: Actor, id: number) {
  const row = await repo.findHelpNeed(ctx.db, scopeOf(actor), id);
  if (!row) throw notFound('help_need');
  return row;
}

export async function getHelpNeed(ctx: AppContext, actor: Actor, id: number): Promise<HelpNeedDetail> {
  authorize(actor, 'help.read');
  const row = await needOf(ctx, actor, id);
  const actions = await repo.helpActions(ctx.db, id);
  const events = await repo.helpEvents(ctx.db, id);
  const names = await helpNames(
    ctx.db,
    communityIn(scopeOf(actor), row.community_id)!,
    [row],
    [...actions.map((a) => a.actor_id!), ...events.map((e) => e.actor_id!)].filter(Boolean),
  );
  return {
    ...presentHelpNeed(row, names),
    actions: actions.map((a) => ({ id: a.id, actedOn: day(a.acted_on)!, note: a.note, actorName: names.account(a.actor_id), createdAt: iso(a.created_at)! })),
    events: events.map((e) => ({
      id: e.id,
      action: e.action as HelpEventKind,
      fromStatus: (e.from_status as HelpStatus | null) ?? null,
      toStatus: (e.to_status as HelpStatus | null) ?? null,
      actorName: names.account(e.actor_id),
      note: e.note,
      createdAt: iso(e.created_at)!,
    })),
  };
}

/** The full view of a need (help.sensitive): the read and its access-log row are one transaction. */
export async function viewHelpNeedFull(ctx: AppContext, actor: Actor, id: number): Promise<HelpNeedFull> {
  authorize(actor, 'help.read');
  const s = await repo.findHelpSecrets(ctx.db, scopeOf(actor), id);
  if (!s) throw notFound('help_need');
  authorize(actor, 'help.sensitive');
  const [resident] = await placeRefs.residentPlaces(ctx.db, communityIn(scopeOf(actor), s.community_id)!, [s.resident_id]);
  return ctx.db.transaction().execute(async (trx) => {
    await logPiiAccess(trx, s.community_id, {
      actor_id: actor.accountId,
      entity_type: 'help_need',
      entity_id: String(id),
      fields: ['residentName', 'request', ...(s.circumstances_enc ? ['circumstances'] : []), ...(s.basis_enc ? ['basis'] : [])],
      request_id: actor.requestId,
    });
    return {
      id,
      residentName: resident?.name ?? '',
      request: ctx.pii.decrypt(s.request_enc),
      circumstances: s.circumstances_enc ? ctx.pii.decrypt(s.circumstances_enc) : null,
      basis: s.basis_enc ? (JSON.parse(ctx.pii.decrypt(s.basis_enc)) as string[]) : [],
    };
  });
}

/** The tags of the resident a need rests on, the sealed ones opened to be sealed again with the need. */
async function basisOf(ctx: AppContext, cid: CommunityId, residentId: number): Promise<string[]> {
  const [r] = await placeRefs.residentPlaces(ctx.db, cid, [residentId]);
  if (!r || r.archived_at) throw invalidField('residentId', 'not_found');
  const sealed = r.sensitive_enc ? (JSON.parse(ctx.pii.decrypt(r.sensitive_enc)) as string[]) : [];
  return [...r.tags, ...sealed].filter((t) => helpTags.has(t));
}

/** Puts a resident on the help list; the request and circumstances are sealed, the audit keeps only the category. */
export async function createHelpNeed(ctx: AppContext, actor: Actor, input: CreateHelpNeedInput): Promise<HelpNeedDetail> {
  authorize(actor, 'help.write');
  const cid = resolveCommunityId(actor, input.communityId);
  const basis = await basisOf(ctx, cid, input.residentId);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.insertHelpNeed(trx, cid, {
      resident_id: input.residentId,
      category: input.helpCategory,
      request_enc: ctx.pii.encrypt(input.request),
      circumstances_enc: input.circumstances ? ctx.pii.encrypt(input.circumstances) : null,
      basis_enc: basis.length ? ctx.pii.encrypt(JSON.stringify(basis)) : null,
      created_by: actor.accountId,
    });
    await recordHelpStep(trx, actor, {
      communityId: cid,
      needId: row.id,
      action: 'created',
      to: 'open',
      changes: { residentId: input.residentId, helpCategory: input.helpCategory },
    });
    return row.id;
  });
  return getHelpNeed(ctx, actor, id);
}

export async function updateHelpNeed(ctx: AppContext, actor: Actor, id: number, input: UpdateHelpNeedInput): Promise<HelpNeedDetail> {
  authorize(actor, 'help.write');
  const before = await needOf(ctx, actor, id);
  if (before.status === 'closed') throw new AppError('INVALID_STATE', 'help need is closed');
  const cid = communityIn(scopeOf(actor), before.community_id)!;
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateHelpNeed(trx, cid, id, {
      category: input.helpCategory,
      request_enc: input.request !== undefined ? ctx.pii.encrypt(input.request) : undefined,
      circumstances_enc: input.circumstances === undefined ? undefined : input.circumstances ? ctx.pii.encrypt(input.circumstances) : null,
    });
    // The audit names what changed, never the sealed text.
    const changes: Record<string, unknown> = { changed: Object.keys(input).filter((k) => input[k as keyof UpdateHelpNeedInput] !== undefined) };
    if (input.helpCategory && input.helpCategory !== before.category) changes.helpCategory = { from: before.category, to: input.helpCategory };
    await recordHelpStep(trx, actor, { communityId: cid, needId: id, action: 'updated', changes });
  });
  return getHelpNeed(ctx, actor, id);
}

/** Checks the helper is of this community and active. */
async function helperExists(ctx: AppContext, cid: CommunityId, h: HelpHelperInput): Promise<boolean> {
  switch (h.helperKind) {
    case 'account':
      return !!(await peopleRefs.activeAccountRef(ctx.db, cid, h.helperId));
    case 'team':
      return !!(await peopleRefs.teamRef(ctx.db, cid, h.helperId));
    case 'partner':
      return !!(await partnerRefs.findPartnerRef(ctx.db, cid, h.helperId));
    case 'party_member':
      return (await peopleRefs.partyMemberRefs(ctx.db, [h.helperId])).some((m) => m.community_id === cid);
  }
}

export async function setHelper(ctx: AppContext, actor: Actor, id: number, input: HelpHelperInput): Promise<HelpNeedDetail> {
  authorize(actor, 'help.write');
  const before = await needOf(ctx, actor, id);
  if (before.status === 'closed') throw new AppError('INVALID_STATE', 'help need is closed');
  const cid = communityIn(scopeOf(actor), before.community_id)!;
  if (!(await helperExists(ctx, cid, input))) throw invalidField('helperId', 'not_found');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateHelpNeed(trx, cid, id, { helper_kind: input.helperKind, helper_id: input.helperId });
    await recordHelpStep(trx, actor, {
      communityId: cid,
      needId: id,
      action: 'helper_set',
      changes: { from: before.helper_kind ? `${before.helper_kind}:${before.helper_id}` : null, to: `${input.helperKind}:${input.helperId}` },
    });
  });
  return getHelpNeed(ctx, actor, id);
}

/** Records what was done; an open need is then being helped. */
export async function addHelpAction(ctx: AppContext, actor: Actor, id: number, input: HelpActionInput): Promise<HelpNeedDetail> {
  authorize(actor, 'help.write');
  const before = await needOf(ctx, actor, id);
  const to = statusAfterAction(before.status);
  if (!to) throw new AppError('INVALID_STATE', 'help need is closed');
  const cid = communityIn(scopeOf(actor), before.community_id)!;
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertHelpAction(trx, cid, { need_id: id, acted_on: input.actedOn, note: input.note, actor_id: actor.accountId });
    if (to !== before.status) await repo.updateHelpNeed(trx, cid, id, { status: to });
    await recordHelpStep(trx, actor, {
      communityId: cid,
      needId: id,
      action: 'action_added',
      ...(to !== before.status ? { from: before.status, to } : {}),
      note: input.note,
      changes: { actedOn: input.actedOn, ...(to !== before.status ? { from: before.status, to } : {}) },
    });
  });
  return getHelpNeed(ctx, actor, id);
}

export async function stepHelpNeed(ctx: AppContext, actor: Actor, id: number, input: HelpStepInput): Promise<HelpNeedDetail> {
  authorize(actor, 'help.write');
  const before = await needOf(ctx, actor, id);
  const next = nextHelpStatus(before.status, input.action);
  if (!next) throw new AppError('INVALID_STATE', `cannot ${input.action} a help need that is ${before.status}`);
  const cid = communityIn(scopeOf(actor), before.community_id)!;
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateHelpNeed(trx, cid, id, { status: next.to, closed_at: next.to === 'closed' ? new Date() : null });
    await recordHelpStep(trx, actor, { communityId: cid, needId: id, action: next.event, from: before.status, to: next.to, note: input.note ?? null });
  });
  return getHelpNeed(ctx, actor, id);
}
