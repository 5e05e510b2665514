import type { TeamMember } from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import type { CommunityId } from '../../platform/db/scope.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { ResidentReach } from '../places/index.js';
import { volunteerRefs } from '../volunteers/index.js';
import * as teamRepo from './teams.repository.js';
import { presentTeamMember } from './people.presenter.js';

type Db = AppContext['db'];

/**
 * A team's current members by name: residents from the resident register (the phone only where the reader may read
 * the record, ADR 0015), volunteers who are not residents from the volunteers module (never a phone; their origin and
 * school or unit instead).
 */
export async function namedMembers(db: Db, cid: CommunityId, teamId: number, reach: ResidentReach): Promise<TeamMember[]> {
  const rows = await teamRepo.listTeamMembers(db, cid, teamId, reach);
  const volunteers = await volunteerRefs.get(
    db,
    cid,
    rows.flatMap((r) => (r.volunteer_id != null ? [r.volunteer_id] : [])),
  );
  return rows.map((r) => presentTeamMember(r, r.volunteer_id != null ? volunteers.get(r.volunteer_id) : undefined));
}

/** Names of the current leaders of the given teams, in the order they joined (residents and volunteers alike). */
export async function leaderNamesOf(db: Db, cid: CommunityId, teamIds: number[]): Promise<Map<number, string[]>> {
  const rows = await teamRepo.leadersOf(db, cid, teamIds);
  const volunteers = await volunteerRefs.names(
    db,
    cid,
    rows.flatMap((r) => (r.volunteer_id != null ? [r.volunteer_id] : [])),
  );
  const out = new Map<number, string[]>();
  for (const r of rows) out.set(r.team_id, [...(out.get(r.team_id) ?? []), r.name ?? volunteers.get(r.volunteer_id ?? 0) ?? '']);
  return out;
}

/** A volunteer of this community who is approved; another community's (or no such) volunteer answers 404. */
export async function registeredVolunteer(db: Db, cid: CommunityId, volunteerId: number) {
  const v = (await volunteerRefs.get(db, cid, [volunteerId])).get(volunteerId);
  if (!v) throw notFound('volunteer');
  if (v.status !== 'approved') throw new AppError('VOLUNTEER_NOT_APPROVED', `volunteer is ${v.status}`);
  return v;
}
