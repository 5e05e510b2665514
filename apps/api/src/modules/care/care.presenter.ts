import type { CareRecipient, CareTier, Pairing, Visit } from '@linli/contracts';
import { iso } from '../../platform/time.js';
import type { RecipientRow, VisitRow, listPairings } from './care.repository.js';
import { nextVisitDue, type CareIntervals } from './due.js';

type PairingRow = Awaited<ReturnType<typeof listPairings>>['rows'][number];

export function addressOf(r: { compound_name: string | null; building_name: string | null; unit_name: string | null; room_no: string | null }) {
  const parts = [r.compound_name, r.building_name, r.unit_name, r.room_no].filter(Boolean);
  return parts.length ? parts.join(' ') : null;
}

export function ageOn(birthDate: string | Date | null | undefined, now: Date): number | null {
  if (!birthDate) return null;
  const b = typeof birthDate === 'string' ? new Date(`${birthDate}T00:00:00+08:00`) : birthDate;
  let age = now.getFullYear() - b.getFullYear();
  const m = now.getMonth() - b.getMonth();
  if (m < 0 || (m === 0 && now.getDate() < b.getDate())) age -= 1;
  return age;
}

export function presentRecipient(r: RecipientRow, iv: CareIntervals, now: Date, birthDate: string | Date | null = null): CareRecipient {
  const facts = { tier: r.tier as CareTier, createdAt: r.created_at, lastVisitAt: r.last_visit_at, majorChangeAt: r.major_change_at };
  const due = r.status === 'active' ? nextVisitDue(facts, iv) : null;
  return {
    id: r.id,
    communityId: r.community_id,
    residentId: r.resident_id,
    residentName: r.resident_name,
    gender: r.gender,
    age: ageOn(birthDate, now),
    compoundName: r.compound_name,
    address: addressOf(r),
    tier: r.tier,
    status: r.status,
    qualifyingTags: r.qualifying_tags,
    familyContacts: r.family_contacts.map((c) => ({ name: c.name, relation: c.relation, phoneMasked: c.phoneMasked })),
    hasHealthNotes: r.health_notes_enc !== null,
    carePlan: r.care_plan,
    majorChangeAt: iso(r.major_change_at),
    majorChangeNote: r.major_change_note,
    lastVisitAt: iso(r.last_visit_at),
    nextVisitDueAt: due ? due.toISOString() : null,
    overdue: due !== null && due < now,
    pairingCount: Number(r.pairing_count ?? 0),
    createdAt: iso(r.created_at),
    endedAt: iso(r.ended_at),
    endReason: r.end_reason,
  };
}

export function presentPairing(p: PairingRow, names: { account: Map<number, string>; partner: Map<number, string> }): Pairing {
  return {
    id: p.id,
    communityId: p.community_id,
    recipientId: p.recipient_id,
    recipientName: p.recipient_name,
    helperKind: p.helper_kind,
    accountId: p.account_id,
    partyMemberId: p.party_member_id,
    partnerId: p.partner_id,
    partnerName: p.partner_id ? (names.partner.get(p.partner_id) ?? null) : null,
    helperName: p.helper_name ?? (p.account_id ? (names.account.get(p.account_id) ?? '') : ''),
    helperPhoneMasked: p.helper_phone_masked,
    duties: p.duties as Pairing['duties'],
    frequency: p.frequency as Pairing['frequency'],
    ladderOrder: p.ladder_order,
    active: p.active,
    createdAt: iso(p.created_at),
    endedAt: iso(p.ended_at),
  };
}

export function presentVisit(v: VisitRow, names: { account: Map<number, string> }): Visit {
  return {
    id: v.id,
    communityId: v.community_id,
    recipientId: v.recipient_id,
    recipientName: v.recipient_name,
    visitorId: v.visitor_id,
    visitorName: v.visitor_id ? (names.account.get(v.visitor_id) ?? null) : null,
    visitedAt: iso(v.visited_at),
    wellbeing: v.wellbeing,
    healthFinding: v.health_finding,
    homeSafety: v.home_safety,
    needs: v.needs,
    followUp: v.follow_up,
    photoCount: Array.isArray(v.photos) ? v.photos.length : 0,
    ticketId: v.ticket_id,
    ticketCode: v.ticket_code,
    createdAt: iso(v.created_at),
  };
}
