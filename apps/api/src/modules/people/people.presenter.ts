import { iso } from '../../platform/time.js';
import type { Account, PartyMember, Role, Station, StationKind, Team, TeamMember } from '@linli/contracts';
import { stationKinds } from '@linli/contracts';
import type { AccountRow } from './accounts.repository.js';
import type { PartyMemberRow } from './party-members.repository.js';
import type { StationRow } from './stations.repository.js';
import type { TeamRow } from './teams.repository.js';

/** 小区 楼栋 单元 房号, as the places module labels a household. */
export function householdLabel(r: {
  compound_name: string | null;
  building_name: string | null;
  unit_name: string | null;
  room_no: string | null;
}): string | null {
  if (!r.compound_name) return null;
  return [r.compound_name, r.building_name, r.unit_name, r.room_no].filter(Boolean).join(' ');
}

export function presentPartyMember(r: PartyMemberRow): PartyMember {
  return {
    id: r.id,
    communityId: r.community_id,
    residentId: r.resident_id,
    name: r.name,
    gender: r.gender,
    phoneMasked: r.phone_masked,
    status: r.status,
    workUnit: r.work_unit,
    gridId: r.grid_id,
    gridName: r.grid_name,
    address: householdLabel(r),
    joinedOn: r.joined_on,
    archivedAt: iso(r.archived_at),
    branchName: r.branch_name,
    branchRole: r.branch_role,
  };
}

export function presentTeam(r: TeamRow, leaderNames: string[]): Team {
  return {
    id: r.id,
    communityId: r.community_id,
    name: r.name,
    kind: r.kind,
    description: r.description,
    memberCount: Number(r.member_count ?? 0),
    leaderNames,
    archivedAt: iso(r.archived_at),
  };
}

/** A member row to response: a resident's phone only where readable; a volunteer (not a resident) never a phone. */
export function presentTeamMember(
  r: {
    id: number;
    resident_id: number | null;
    volunteer_id: number | null;
    name: string | null;
    phone_masked: string | null;
    is_readable: boolean | null;
    is_leader: boolean;
    joined_at: Date;
  },
  volunteer: { name: string; origin: string; affiliation: string | null } | undefined,
): TeamMember {
  return {
    id: r.id,
    residentId: r.resident_id,
    volunteerId: r.volunteer_id,
    origin: volunteer?.origin ?? null,
    affiliation: volunteer?.affiliation ?? null,
    name: r.name ?? volunteer?.name ?? '',
    phoneMasked: r.resident_id != null && r.is_readable ? r.phone_masked : null,
    isLeader: r.is_leader,
    joinedAt: iso(r.joined_at)!,
  };
}

export function presentStation(r: StationRow): Station {
  return {
    id: r.id,
    communityId: r.community_id,
    compoundId: r.compound_id,
    compoundName: r.compound_name,
    name: r.name,
    // The column has no check constraint; an unknown kind reads as 'other' rather than failing the response.
    kind: (stationKinds as readonly string[]).includes(r.kind) ? (r.kind as StationKind) : 'other',
    address: r.address,
    openingHours: r.opening_hours,
    phone: r.phone,
    description: r.description,
    archivedAt: iso(r.archived_at),
  };
}

export function presentAccount(r: AccountRow, lockedUntil: Date | null = null): Account {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role as Role,
    communityId: r.community_id,
    subdistrictId: r.subdistrict_id,
    organisationId: r.organisation_id,
    phoneMasked: r.phone_masked,
    isActive: r.is_active,
    createdAt: iso(r.created_at)!,
    lockedUntil: iso(lockedUntil),
  };
}
