import type { GenerateShiftsInput, ShiftSettings, ShiftTemplateInput } from '@linli/contracts';
import type { AppContext } from '../../../platform/context.js';
import type { CommunityId } from '../../../platform/db/scope.js';
import { authorize, resolveCommunityId, type Actor } from '../../../platform/access/actor.js';
import { writeAudit } from '../../../platform/audit/audit.js';
import { invalidField, notFound } from '../../../platform/errors.js';
import * as peopleRefs from '../refs.repository.js';
import * as assignmentsRepo from './assignments.repository.js';
import * as rosterPeople from './roster-people.repository.js';
import * as settingsRepo from './settings.repository.js';
import * as shiftsRepo from './shifts.repository.js';
import * as templatesRepo from './templates.repository.js';
import { recordShiftSteps } from './record-step.js';
import { beijingInstant, datesBetween, timeRangeIssue, weekdayOf } from './roster-rules.js';
import { assignmentRowsFor } from './shifts.service.js';

export const defaultShiftSettings: ShiftSettings = { checkinBeforeMinutes: 30, checkinAfterMinutes: 60, autoApproveSwaps: false };

export async function settingsOf(ctx: AppContext, cid: CommunityId): Promise<ShiftSettings> {
  const row = await settingsRepo.findSettings(ctx.db, cid);
  return row
    ? { checkinBeforeMinutes: row.checkin_before_minutes, checkinAfterMinutes: row.checkin_after_minutes, autoApproveSwaps: row.auto_approve_swaps }
    : defaultShiftSettings;
}

export async function getShiftSettings(ctx: AppContext, actor: Actor, communityId?: number) {
  authorize(actor, 'shifts.read');
  return settingsOf(ctx, resolveCommunityId(actor, communityId));
}

/** Sets the check-in window and whether an accepted swap needs staff approval; audited. */
export async function saveShiftSettings(ctx: AppContext, actor: Actor, input: ShiftSettings & { communityId?: number }) {
  authorize(actor, 'shifts.write');
  const cid = resolveCommunityId(actor, input.communityId);
  const before = await settingsOf(ctx, cid);
  const after: ShiftSettings = {
    checkinBeforeMinutes: input.checkinBeforeMinutes,
    checkinAfterMinutes: input.checkinAfterMinutes,
    autoApproveSwaps: input.autoApproveSwaps,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await settingsRepo.saveSettings(trx, cid, {
      before: after.checkinBeforeMinutes,
      after: after.checkinAfterMinutes,
      autoApprove: after.autoApproveSwaps,
      by: actor.accountId,
    });
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'shift_settings.updated',
      entityType: 'community',
      entityId: cid,
      changes: { from: before, to: after },
    });
  });
  return after;
}

/** Checks a template's station, squad, people and times; answers the row values. Another community's ids: 404. */
async function templateValues(ctx: AppContext, cid: CommunityId, input: ShiftTemplateInput): Promise<templatesRepo.TemplateValues> {
  const station = await peopleRefs.stationRef(ctx.db, cid, input.stationId);
  if (!station || station.archived_at) throw notFound('station');
  const issue = timeRangeIssue(input.startsAt, input.endsAt);
  if (issue) throw invalidField(issue.field, issue.rule);
  if (input.teamId && (await rosterPeople.teamNamesIn(ctx.db, cid, [input.teamId])).length === 0) throw notFound('team');
  const accountIds = [...new Set(input.accountIds)];
  const accounts = await rosterPeople.accountsIn(ctx.db, cid, accountIds);
  if (accounts.length !== accountIds.length) throw invalidField('accountIds', 'invalid');
  return {
    station_id: input.stationId,
    weekday: input.weekday,
    starts_at: input.startsAt,
    ends_at: input.endsAt,
    headcount: input.headcount,
    team_id: input.teamId ?? null,
    account_ids: JSON.stringify(accountIds),
    note: input.note ?? null,
  };
}

export async function listShiftTemplates(ctx: AppContext, actor: Actor, q: { communityId?: number; stationId?: number }) {
  authorize(actor, 'shifts.read');
  const cid = resolveCommunityId(actor, q.communityId);
  const rows = await templatesRepo.listTemplates(ctx.db, cid, q.stationId);
  const stations = new Map((await peopleRefs.stationNames(ctx.db, cid, [...new Set(rows.map((r) => r.station_id))])).map((s) => [s.id, s.name]));
  const teams = new Map(
    (
      await rosterPeople.teamNamesIn(
        ctx.db,
        cid,
        rows.flatMap((r) => (r.team_id ? [r.team_id] : [])),
      )
    ).map((t) => [t.id, t.name]),
  );
  const ids = rows.map((r) => JSON.parse(r.account_ids) as number[]);
  const accounts = new Map((await rosterPeople.accountsIn(ctx.db, cid, [...new Set(ids.flat())])).map((a) => [a.id, a.display_name]));
  return {
    items: rows.map((r, i) => ({
      id: r.id,
      stationId: r.station_id,
      stationName: stations.get(r.station_id) ?? '',
      weekday: r.weekday,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      headcount: r.headcount,
      teamId: r.team_id,
      teamName: r.team_id ? (teams.get(r.team_id) ?? null) : null,
      accountIds: ids[i]!,
      accountNames: ids[i]!.map((id) => accounts.get(id) ?? ''),
      note: r.note,
    })),
  };
}

/** A weekly slot at a station; audited. Shifts come from it only when generated. */
export async function createShiftTemplate(ctx: AppContext, actor: Actor, input: ShiftTemplateInput) {
  authorize(actor, 'shifts.write');
  const cid = resolveCommunityId(actor, input.communityId);
  const v = await templateValues(ctx, cid, input);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const { id } = await templatesRepo.insertTemplate(trx, cid, v, actor.accountId);
    await writeAudit(trx, actor, { communityId: cid, action: 'shift_template.created', entityType: 'shift_template', entityId: id, changes: { ...v } });
    return id;
  });
  return (await listShiftTemplates(ctx, actor, { communityId: cid })).items.find((t) => t.id === id)!;
}

/** Changes a template; shifts generated before keep their times and people. */
export async function updateShiftTemplate(ctx: AppContext, actor: Actor, id: number, input: ShiftTemplateInput) {
  authorize(actor, 'shifts.write');
  const cid = resolveCommunityId(actor, input.communityId);
  const before = await templatesRepo.findTemplate(ctx.db, cid, id);
  if (!before) throw notFound('shift template');
  const v = await templateValues(ctx, cid, input);
  await ctx.db.transaction().execute(async (trx) => {
    await templatesRepo.updateTemplate(trx, cid, id, v);
    await writeAudit(trx, actor, { communityId: cid, action: 'shift_template.updated', entityType: 'shift_template', entityId: id, changes: { ...v } });
  });
  return (await listShiftTemplates(ctx, actor, { communityId: cid })).items.find((t) => t.id === id)!;
}

export async function archiveShiftTemplate(ctx: AppContext, actor: Actor, id: number, communityId?: number) {
  authorize(actor, 'shifts.write');
  const cid = resolveCommunityId(actor, communityId);
  await ctx.db.transaction().execute(async (trx) => {
    const r = await templatesRepo.archiveTemplate(trx, cid, id, new Date());
    if (Number(r.numUpdatedRows) === 0) throw notFound('shift template');
    await writeAudit(trx, actor, { communityId: cid, action: 'shift_template.archived', entityType: 'shift_template', entityId: id });
  });
  return { ok: true as const };
}

/**
 * Generates the shifts of a date range from the community's templates: one per template and matching date. Shifts that
 * exist already stay as they are (the unique index decides, so two runs at once add each shift once). A new shift gets
 * the template's squad members and named people; each is a step on its timeline.
 */
export async function generateShifts(ctx: AppContext, actor: Actor, input: GenerateShiftsInput) {
  authorize(actor, 'shifts.write');
  const cid = resolveCommunityId(actor, input.communityId);
  const days = datesBetween(input.from, input.to);
  if (!days) throw invalidField('to', 'range');
  const templates = await templatesRepo.listTemplates(ctx.db, cid, input.stationId);
  const wanted: shiftsRepo.ShiftValues[] = [];
  for (const t of templates)
    for (const day of days)
      if (weekdayOf(day) === t.weekday)
        wanted.push({
          station_id: t.station_id,
          template_id: t.id,
          day,
          starts_at: beijingInstant(day, t.starts_at),
          ends_at: beijingInstant(day, t.ends_at),
          headcount: t.headcount,
          team_id: t.team_id,
          note: t.note,
          created_by: actor.accountId,
        });
  const byTemplate = new Map(templates.map((t) => [t.id, t]));
  return ctx.db.transaction().execute(async (trx) => {
    const created = await shiftsRepo.insertShifts(trx, cid, wanted);
    let assigned = 0;
    for (const s of created) {
      const t = byTemplate.get(s.template_id!)!;
      const rows = await assignmentRowsFor(trx, cid, s.id, {
        teamId: t.team_id,
        accountIds: JSON.parse(t.account_ids) as number[],
        by: actor.accountId,
        via: 'template',
      });
      assigned += (await assignmentsRepo.insertAssignments(trx, cid, rows)).length;
    }
    await recordShiftSteps(
      trx,
      cid,
      actor,
      created.map((s) => ({ shiftId: s.id, action: 'generated' as const, changes: { templateId: s.template_id, day: s.day } })),
    );
    return { created: created.length, existing: wanted.length - created.length, assigned };
  });
}
