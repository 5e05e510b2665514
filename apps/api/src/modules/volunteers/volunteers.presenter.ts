import type { ServiceHoursEntry, Volunteer } from '@linli/contracts';
import { iso } from '../../platform/time.js';
import type { HoursRow, VolunteerRow } from './volunteers.repository.js';
import { hoursOf } from './rounding.js';
import { starOf } from './stars.js';

/** 志愿者编号 as printed: the community's sequence, five digits. */
export const volunteerNumber = (no: number) => String(no).padStart(5, '0');

/** Row to response: the ID number and phone only masked. */
export function presentVolunteer(r: VolunteerRow, thresholds: readonly number[]): Volunteer {
  const minutes = Number(r.minutes);
  return {
    id: r.id,
    communityId: r.community_id,
    volunteerNo: r.volunteer_no,
    number: volunteerNumber(r.volunteer_no),
    name: r.name,
    idType: r.id_type as Volunteer['idType'],
    idNumberMasked: r.id_number_masked,
    phoneMasked: r.phone_masked,
    gender: (r.gender as Volunteer['gender']) ?? null,
    birthDate: r.birth_date,
    skills: r.skills,
    availability: r.availability,
    weekdaySlots: r.weekday_slots,
    serviceAreas: r.service_areas,
    origin: r.origin as Volunteer['origin'],
    affiliation: r.affiliation,
    residentId: r.resident_id,
    accountId: r.account_id,
    partyMemberId: r.party_member_id,
    status: r.status,
    statusReason: r.status_reason,
    registeredVia: r.registered_via,
    hours: hoursOf(minutes),
    star: starOf(minutes, thresholds),
    createdAt: iso(r.created_at),
  };
}

export function presentEntry(r: HoursRow, names: { volunteers: Map<number, string>; accounts: Map<number, string> }): ServiceHoursEntry {
  return {
    id: r.id,
    volunteerId: r.volunteer_id,
    volunteerName: names.volunteers.get(r.volunteer_id) ?? '',
    sourceKind: r.source_kind,
    sourceId: r.source_id,
    sourceTitle: r.source_title,
    sessionId: r.session_id,
    startedAt: iso(r.started_at),
    endedAt: iso(r.ended_at),
    rawMinutes: r.raw_minutes,
    hours: hoursOf(r.counted_minutes),
    roundingRule: r.rounding_rule,
    recordedBy: r.recorded_by,
    recordedByName: names.accounts.get(r.recorded_by) ?? '',
    confirmedBy: r.confirmed_by,
    confirmedAt: iso(r.confirmed_at),
    correctsEntryId: r.corrects_entry_id,
    note: r.note,
  };
}
