import type { PartyArea, PartyPairing, PartyPostClass, PartyReport, PioneerPost, PioneerPostClaim } from '@linli/contracts';
import type { AreaRow, ClaimRow, PairingRow, PostRow, ReportRow } from './party.repository.js';
import { nextReportDue } from './report-due.js';

const iso = (d: Date | string | null) => (d == null ? null : new Date(d).toISOString());

export function presentReport(r: ReportRow, memberName: string, intervalMonths: number): PartyReport {
  return {
    id: r.id,
    communityId: r.community_id,
    partyMemberId: r.party_member_id,
    memberName,
    workUnit: r.work_unit,
    workUnitPartyOrg: r.work_unit_party_org,
    slipReceivedOn: r.slip_received_on,
    reportedOn: r.reported_on,
    receiptNo: r.receipt_no,
    skills: r.skills,
    preferredClasses: r.preferred_classes as PartyPostClass[],
    contactPhoneMasked: r.contact_phone_masked,
    nextDueOn: nextReportDue(r.reported_on, intervalMonths),
    createdAt: iso(r.created_at)!,
  };
}

export function presentPost(r: PostRow, placeName: string | null): PioneerPost {
  return {
    id: r.id,
    communityId: r.community_id,
    name: r.name,
    postClass: r.post_class as PartyPostClass,
    placeKind: r.place_kind,
    placeId: r.place_id,
    placeName,
    capacity: r.capacity,
    claimedCount: r.claimed,
    description: r.description,
    archivedAt: iso(r.archived_at),
    createdAt: iso(r.created_at)!,
  };
}

export function presentClaim(r: ClaimRow, memberName: string): PioneerPostClaim {
  return {
    id: r.id,
    postId: r.post_id,
    postName: r.post_name,
    partyMemberId: r.party_member_id,
    memberName,
    claimedAt: iso(r.claimed_at)!,
    leftAt: iso(r.left_at),
    leaveReason: r.leave_reason,
  };
}

export const presentArea = (r: AreaRow, placeName: string | null): PartyArea => ({
  id: r.id,
  partyMemberId: r.party_member_id,
  placeKind: r.place_kind,
  placeId: r.place_id,
  placeName,
  note: r.note,
  startedOn: r.started_on,
  endedOn: r.ended_on,
});

export const presentPairing = (r: PairingRow, householdLabel: string | null): PartyPairing => ({
  id: r.id,
  partyMemberId: r.party_member_id,
  householdId: r.household_id,
  householdLabel,
  note: r.note,
  startedOn: r.started_on,
  endedOn: r.ended_on,
});
