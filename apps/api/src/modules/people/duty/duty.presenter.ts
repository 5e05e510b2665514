import type { AssignmentVia, Shift } from '@linli/contracts';
import { beijingText, iso } from '../../../platform/time.js';
import type { AssignmentRow } from './assignments.repository.js';
import type { ShiftRow } from './shifts.repository.js';
import { isCovered } from './roster-rules.js';

/** Row to response shape: a shift with the people on it and its coverage. */
export function presentShift(s: ShiftRow, people: AssignmentRow[], names: { station: Map<number, string>; team: Map<number, string> }): Shift {
  return {
    id: s.id,
    stationId: s.station_id,
    stationName: names.station.get(s.station_id) ?? '',
    templateId: s.template_id,
    day: s.day,
    startsAt: iso(s.starts_at),
    endsAt: iso(s.ends_at),
    headcount: s.headcount,
    teamId: s.team_id,
    teamName: s.team_id ? (names.team.get(s.team_id) ?? null) : null,
    note: s.note,
    assigned: people.length,
    checkedIn: people.filter((p) => p.checked_in_at).length,
    isCovered: isCovered(people.length, s.headcount),
    uncoveredAt: iso(s.uncovered_at),
    people: people.map((p) => ({
      assignmentId: p.id,
      accountId: p.account_id,
      residentId: p.resident_id,
      name: p.name,
      via: p.via as AssignmentVia,
      hasAccount: p.account_id !== null,
      checkedInAt: iso(p.checked_in_at),
      checkedOutAt: iso(p.checked_out_at),
    })),
  };
}

/** How a shift is named in a swap or a notice: 党群服务站 2026-12-07 08:00–12:00. */
export function shiftLabel(s: { station_name: string; starts_at: Date; ends_at: Date }): string {
  return `${s.station_name} ${beijingText(s.starts_at)}–${beijingText(s.ends_at).slice(11)}`;
}
