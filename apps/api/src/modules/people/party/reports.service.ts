import type {
  CreatePartyReportInput,
  Page,
  PartyReport,
  PartyReportDueQuery,
  PartyReportListQuery,
  PartyBelowFloorList,
  PartyPeriodQuery,
  PartySettings,
  UpdatePartySettingsInput,
} from '@linli/contracts';
import type { AppContext } from '../../../platform/context.js';
import { authorize, resolveCommunityId, type Actor } from '../../../platform/access/actor.js';
import { diff, writeAudit } from '../../../platform/audit/audit.js';
import { maskPhone } from '../../../platform/crypto/pii.js';
import { invalidField, notFound } from '../../../platform/errors.js';
import * as memberRepo from '../party-members.repository.js';
import * as repo from './party.repository.js';
import { memberFor, memberNameMap, ownMemberId, seesAllMembers, settingsOf, todayBeijing } from './party.access.js';
import { presentReport } from './party.presenter.js';
import { receiptNumber, reportDueState } from './report-due.js';
import { floorFor, memberSheets, sheetPeriod } from './sheet.js';

/**
 * 双报到: an in-service member reports to the community with the 报到单 of their unit's party organisation; the
 * community issues a 回执 numbered per community and year. The member's register entry becomes 在职 (in service) with
 * the reported work unit. Each report is kept: reporting again every interval adds a row.
 */
export async function reportIn(ctx: AppContext, actor: Actor, partyMemberId: number, input: CreatePartyReportInput): Promise<PartyReport> {
  authorize(actor, 'party.write');
  const { cid, member } = await memberFor(ctx, actor, partyMemberId, { forWrite: true });
  const today = todayBeijing();
  const reportedOn = input.reportedOn ?? today;
  if (reportedOn > today) throw invalidField('reportedOn', 'date_in_future');
  if (input.slipReceivedOn > today) throw invalidField('slipReceivedOn', 'date_in_future');
  const phone = input.contactPhone ? ctx.pii.seal(input.contactPhone, maskPhone) : null;
  const id = await ctx.db.transaction().execute(async (trx) => {
    const seq = await repo.nextReceiptSeq(trx, cid);
    const receiptNo = receiptNumber(reportedOn, seq);
    const row = await repo.insertReport(trx, cid, {
      party_member_id: member.id,
      work_unit: input.workUnit,
      work_unit_party_org: input.workUnitPartyOrg ?? null,
      slip_received_on: input.slipReceivedOn,
      reported_on: reportedOn,
      receipt_no: receiptNo,
      skills: input.skills ?? [],
      preferred_classes: input.preferredClasses ?? [],
      contact_phone_enc: phone?.enc ?? null,
      contact_phone_masked: phone?.masked ?? null,
      created_by: actor.accountId,
    });
    const memberChange = { status: 'in_service' as const, work_unit: input.workUnit };
    await memberRepo.updatePartyMember(trx, cid, member.id, memberChange);
    await writeAudit(
      trx,
      actor,
      {
        communityId: cid,
        action: 'party_report.created',
        entityType: 'party_report',
        entityId: row.id,
        changes: { partyMemberId: member.id, receiptNo, reportedOn, workUnit: input.workUnit, contactPhoneMasked: phone?.masked ?? null },
      },
      {
        communityId: cid,
        action: 'party_member.updated',
        entityType: 'party_member',
        entityId: member.id,
        changes: diff({ status: member.status, workUnit: member.work_unit }, { status: 'in_service', workUnit: input.workUnit }),
        reason: `双报到 ${receiptNo}`,
      },
    );
    return row.id;
  });
  const settings = await settingsOf(ctx.db, cid);
  const row = await repo.findReport(ctx.db, cid, id);
  if (!row) throw notFound('party report');
  return presentReport(row, member.name, settings.reportIntervalMonths);
}

/** The reports of the community (staff), or a party member's own. */
export async function listReports(ctx: AppContext, actor: Actor, query: PartyReportListQuery): Promise<Page<PartyReport>> {
  authorize(actor, 'party.read');
  const cid = resolveCommunityId(actor, query.communityId);
  const partyMemberId = seesAllMembers(actor) ? query.partyMemberId : await ownMemberId(ctx.db, actor, cid);
  const { total, rows } = await repo.listReports(
    ctx.db,
    cid,
    { partyMemberId },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize, sort: query.sort, order: query.order },
  );
  const names = await memberNameMap(
    ctx.db,
    cid,
    rows.map((r) => r.party_member_id),
  );
  const { reportIntervalMonths } = await settingsOf(ctx.db, cid);
  return {
    items: rows.map((r) => presentReport(r, names.get(r.party_member_id) ?? '', reportIntervalMonths)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** In-service members who must report (again): never reported, overdue, or due within `withinDays`; overdue first. */
export async function listReportsDue(ctx: AppContext, actor: Actor, query: PartyReportDueQuery) {
  authorize(actor, 'party.write');
  const cid = resolveCommunityId(actor, query.communityId);
  const { reportIntervalMonths } = await settingsOf(ctx.db, cid);
  const [members, last] = await Promise.all([repo.activeMembers(ctx.db, cid, ['in_service']), repo.lastReports(ctx.db, cid)]);
  const lastOf = new Map(last.map((r) => [r.party_member_id, r.last_reported_on as string | null]));
  const today = todayBeijing();
  const items = members
    .map((m) => {
      const lastReportedOn = lastOf.get(m.id) ?? null;
      const state = reportDueState(lastReportedOn, reportIntervalMonths, today, query.withinDays);
      return { state, item: { partyMemberId: m.id, memberName: m.name, workUnit: m.work_unit, lastReportedOn, dueOn: state.dueOn, overdue: state.overdue } };
    })
    .filter((x) => x.state.listed)
    .map((x) => x.item)
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.dueOn ?? '').localeCompare(b.dueOn ?? '') || a.partyMemberId - b.partyMemberId);
  return { items };
}

export async function getPartySettings(ctx: AppContext, actor: Actor, communityId?: number): Promise<PartySettings> {
  authorize(actor, 'party.read');
  return settingsOf(ctx.db, resolveCommunityId(actor, communityId));
}

/** Sets the community's re-report interval, yearly service floor and points pass mark. */
export async function updatePartySettings(ctx: AppContext, actor: Actor, input: UpdatePartySettingsInput): Promise<PartySettings> {
  authorize(actor, 'party.write');
  const cid = resolveCommunityId(actor, input.communityId);
  const before = await settingsOf(ctx.db, cid);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.upsertSettings(trx, cid, {
      report_interval_months: input.reportIntervalMonths,
      floor_hours_per_year: input.floorHoursPerYear,
      pass_points: input.passPoints,
      updated_by: actor.accountId,
    });
    const { communityId: _c, ...rest } = input;
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'party_settings.updated',
      entityType: 'party_settings',
      entityId: cid,
      changes: diff(before, rest),
    });
  });
  return settingsOf(ctx.db, cid);
}

/** In-service members below the community's service floor for the period (or not reported): the 未达标 list. */
export async function listBelowFloor(ctx: AppContext, actor: Actor, query: PartyPeriodQuery): Promise<PartyBelowFloorList> {
  authorize(actor, 'party.write');
  const cid = resolveCommunityId(actor, query.communityId);
  const period = sheetPeriod(query.from, query.to);
  const sheets = await memberSheets(ctx.db, cid, period);
  const { floorHoursPerYear } = await settingsOf(ctx.db, cid);
  return {
    from: period.fromDay,
    to: period.toDay,
    floorHours: floorFor(floorHoursPerYear, period),
    items: sheets
      .filter((s) => !s.isReported || s.hours < s.floorHours)
      .map((s) => ({
        partyMemberId: s.partyMemberId,
        memberName: s.name,
        workUnit: s.workUnit,
        hours: s.hours,
        floorHours: s.floorHours,
        isReported: s.isReported,
        evaluation: s.evaluation,
      })),
  };
}
