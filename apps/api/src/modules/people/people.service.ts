import type {
  AddTeamMemberInput,
  CreatePartyMemberInput,
  CreateStationInput,
  CreateTeamInput,
  Page,
  PartyMember,
  PartyMemberListQuery,
  Station,
  StationListQuery,
  Team,
  TeamDetail,
  TeamListQuery,
  UpdatePartyMemberInput,
  UpdateStationInput,
  UpdateTeamInput,
} from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { authorize, resolveCommunityId, scopeIds, type Actor } from '../../platform/access/actor.js';
import type { CommunityId } from '../../platform/db/scope.js';
import { AppError, invalidField, notFound, uniqueAs } from '../../platform/errors.js';
import { diff, writeAudit } from '../../platform/audit/audit.js';
import * as places from '../places/index.js';
import type { PageRequest } from './common.repository.js';
import * as memberRepo from './party-members.repository.js';
import * as teamRepo from './teams.repository.js';
import * as stationRepo from './stations.repository.js';
import { presentPartyMember, presentStation, presentTeam } from './people.presenter.js';
import { leaderNamesOf, namedMembers, registeredVolunteer } from './team-members.js';

type Db = AppContext['db'];

const pageOf = (q: { page: number; pageSize: number; sort?: string; order: 'asc' | 'desc' }): PageRequest => ({
  offset: (q.page - 1) * q.pageSize,
  limit: q.pageSize,
  sort: q.sort,
  order: q.order,
});

/** A resident of the community who is not archived, or a field error. */
async function checkResident(db: Db, communityId: CommunityId, residentId: number) {
  const r = await places.findResidentRef(db, communityId, residentId);
  if (!r || r.archived_at) throw invalidField('residentId', 'not_found');
  return r;
}
async function checkGrid(db: Db, communityId: CommunityId, gridId: number | null | undefined) {
  if (gridId != null && !(await places.findGridRef(db, communityId, gridId))) throw invalidField('gridId', 'not_found');
}
async function checkCompound(db: Db, communityId: CommunityId, compoundId: number | null | undefined) {
  if (compoundId != null && !(await places.findCompoundRef(db, communityId, compoundId))) throw invalidField('compoundId', 'not_found');
}

// ------------------------------------------------------------------ party members

/**
 * Party members are residents: a reader sees those whose resident record they may read (ADR 0015), a building head
 * those of her buildings, a role without `residents.read` none. Others answer 404 and lists leave them out.
 */
export async function listPartyMembers(ctx: AppContext, actor: Actor, query: PartyMemberListQuery): Promise<Page<PartyMember>> {
  authorize(actor, 'people.read');
  const cid = resolveCommunityId(actor, query.communityId);
  const q = query.q?.trim() || undefined;
  const { total, rows } = await memberRepo.listPartyMembers(
    ctx.db,
    cid,
    {
      status: query.status,
      gridId: query.gridId,
      includeArchived: query.includeArchived === 'true',
      q,
      phoneHash: q && /^1\d{10}$/.test(q) ? ctx.pii.hash(q) : undefined,
      reach: places.residentReachOf(actor),
    },
    pageOf(query),
  );
  return { items: rows.map(presentPartyMember), total, page: query.page, pageSize: query.pageSize };
}

export async function getPartyMember(ctx: AppContext, actor: Actor, id: number): Promise<PartyMember> {
  authorize(actor, 'people.read');
  const row = await memberRepo.findPartyMember(ctx.db, scopeIds(actor), id, places.residentReachOf(actor));
  if (!row) throw notFound('party member');
  return presentPartyMember(row);
}

/** Registers a resident of the community as a party member; one record per resident. */
export async function createPartyMember(ctx: AppContext, actor: Actor, input: CreatePartyMemberInput): Promise<PartyMember> {
  authorize(actor, 'people.write');
  const cid = resolveCommunityId(actor, input.communityId);
  await checkResident(ctx.db, cid, input.residentId);
  await checkGrid(ctx.db, cid, input.gridId);
  if (await memberRepo.findPartyMemberByResident(ctx.db, cid, input.residentId)) throw invalidFieldConflict('residentId');
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await memberRepo
      .insertPartyMember(trx, cid, {
        resident_id: input.residentId,
        status: input.status,
        work_unit: input.workUnit ?? null,
        grid_id: input.gridId ?? null,
        joined_on: input.joinedOn ?? null,
      })
      .catch(uniqueAs('residentId'));
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'party_member.created',
      entityType: 'party_member',
      entityId: row.id,
      changes: {
        residentId: input.residentId,
        status: input.status,
        workUnit: input.workUnit ?? null,
        gridId: input.gridId ?? null,
        joinedOn: input.joinedOn ?? null,
      },
    });
    return row.id;
  });
  return getPartyMember(ctx, actor, id);
}

const invalidFieldConflict = (field: string) => new AppError('CONFLICT', `${field} taken`, { fields: [{ field, rule: 'taken' }] });

export async function updatePartyMember(ctx: AppContext, actor: Actor, id: number, input: UpdatePartyMemberInput): Promise<PartyMember> {
  authorize(actor, 'people.write');
  const before = await getPartyMember(ctx, actor, id);
  if (before.archivedAt) throw new AppError('INVALID_STATE', 'party member is archived');
  await checkGrid(ctx.db, resolveCommunityId(actor, before.communityId), input.gridId);
  await ctx.db.transaction().execute(async (trx) => {
    await memberRepo.updatePartyMember(trx, resolveCommunityId(actor, before.communityId), id, {
      status: input.status,
      work_unit: input.workUnit,
      grid_id: input.gridId,
      joined_on: input.joinedOn,
    });
    await writeAudit(trx, actor, {
      communityId: before.communityId,
      action: 'party_member.updated',
      entityType: 'party_member',
      entityId: id,
      changes: diff(before, input),
    });
  });
  return getPartyMember(ctx, actor, id);
}

/** Archives the record (moved away, membership transferred); it stays in the ledger. */
export async function archivePartyMember(ctx: AppContext, actor: Actor, id: number, reason: string): Promise<PartyMember> {
  authorize(actor, 'people.write');
  const before = await getPartyMember(ctx, actor, id);
  if (before.archivedAt) throw new AppError('INVALID_STATE', 'party member is already archived');
  await ctx.db.transaction().execute(async (trx) => {
    await memberRepo.updatePartyMember(trx, resolveCommunityId(actor, before.communityId), id, { archived_at: new Date() });
    await writeAudit(trx, actor, { communityId: before.communityId, action: 'party_member.archived', entityType: 'party_member', entityId: id, reason });
  });
  return getPartyMember(ctx, actor, id);
}

// ------------------------------------------------------------------ teams

export async function listTeams(ctx: AppContext, actor: Actor, query: TeamListQuery): Promise<Page<Team>> {
  authorize(actor, 'people.read');
  const cid = resolveCommunityId(actor, query.communityId);
  const { total, rows } = await teamRepo.listTeams(
    ctx.db,
    cid,
    { kind: query.kind, includeArchived: query.includeArchived === 'true', q: query.q?.trim() || undefined },
    pageOf(query),
  );
  const leaders = await leaderNamesOf(
    ctx.db,
    cid,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => presentTeam(r, leaders.get(r.id) ?? [])), total, page: query.page, pageSize: query.pageSize };
}

/**
 * A team with every current member by name, so a building head sees the team she works in; the phone only of members
 * whose resident record the reader may read (ADR 0015).
 */
export async function getTeam(ctx: AppContext, actor: Actor, id: number): Promise<TeamDetail> {
  authorize(actor, 'people.read');
  const row = await teamRepo.findTeam(ctx.db, scopeIds(actor), id);
  if (!row) throw notFound('team');
  const members = await namedMembers(ctx.db, resolveCommunityId(actor, row.community_id), id, places.residentReachOf(actor));
  const leaderNames = members
    .filter((m) => m.isLeader)
    .sort((a, b) => +new Date(a.joinedAt) - +new Date(b.joinedAt) || a.id - b.id)
    .map((m) => m.name);
  return { ...presentTeam(row, leaderNames), members };
}

export async function createTeam(ctx: AppContext, actor: Actor, input: CreateTeamInput): Promise<TeamDetail> {
  authorize(actor, 'people.write');
  const cid = resolveCommunityId(actor, input.communityId);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await teamRepo.insertTeam(trx, cid, { name: input.name, kind: input.kind, description: input.description ?? null }).catch(uniqueAs('name'));
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'team.created',
      entityType: 'team',
      entityId: row.id,
      changes: { name: input.name, kind: input.kind, description: input.description ?? null },
    });
    return row.id;
  });
  return getTeam(ctx, actor, id);
}

export async function updateTeam(ctx: AppContext, actor: Actor, id: number, input: UpdateTeamInput): Promise<TeamDetail> {
  authorize(actor, 'people.write');
  const before = await getTeam(ctx, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    await teamRepo
      .updateTeam(trx, resolveCommunityId(actor, before.communityId), id, { name: input.name, kind: input.kind, description: input.description })
      .catch(uniqueAs('name'));
    await writeAudit(trx, actor, { communityId: before.communityId, action: 'team.updated', entityType: 'team', entityId: id, changes: diff(before, input) });
  });
  return getTeam(ctx, actor, id);
}

/**
 * Adds a resident of the team's community, or a registered (approved) volunteer who need not live here — a student or
 * a cadre (issue 10); another community's volunteer answers 404. A person is in a team at most once at a time.
 */
export async function addTeamMember(ctx: AppContext, actor: Actor, teamId: number, input: AddTeamMemberInput): Promise<TeamDetail> {
  authorize(actor, 'people.write');
  const team = await getTeam(ctx, actor, teamId);
  if (team.archivedAt) throw new AppError('INVALID_STATE', 'team is archived');
  const cid = resolveCommunityId(actor, team.communityId);
  const field = input.volunteerId != null ? 'volunteerId' : 'residentId';
  if ((input.residentId == null) === (input.volunteerId == null)) throw invalidField(field, 'resident_or_volunteer');
  const person = input.volunteerId != null ? await registeredVolunteer(ctx.db, cid, input.volunteerId) : await checkResident(ctx.db, cid, input.residentId!);
  if (await teamRepo.findActiveMembership(ctx.db, cid, teamId, input)) {
    throw new AppError('CONFLICT', 'already a member', { fields: [{ field, rule: 'already_member' }] });
  }
  await ctx.db.transaction().execute(async (trx) => {
    const row = await teamRepo
      .insertTeamMember(trx, cid, {
        team_id: teamId,
        resident_id: input.residentId ?? null,
        volunteer_id: input.volunteerId ?? null,
        is_leader: input.isLeader,
      })
      .catch(uniqueAs(field, 'already_member'));
    await writeAudit(trx, actor, {
      communityId: team.communityId,
      action: 'team.member_added',
      entityType: 'team',
      entityId: teamId,
      changes: { memberId: row.id, residentId: input.residentId ?? null, volunteerId: input.volunteerId ?? null, name: person.name, isLeader: input.isLeader },
    });
  });
  return getTeam(ctx, actor, teamId);
}

/** Ends a membership: the row keeps its dates (hours and duties refer to it), it is never deleted. */
export async function leaveTeam(ctx: AppContext, actor: Actor, teamId: number, memberId: number): Promise<TeamDetail> {
  authorize(actor, 'people.write');
  const team = await getTeam(ctx, actor, teamId);
  const member = await teamRepo.findTeamMember(ctx.db, resolveCommunityId(actor, team.communityId), teamId, memberId);
  if (!member) throw notFound('team member');
  if (member.left_at) throw new AppError('INVALID_STATE', 'member already left');
  await ctx.db.transaction().execute(async (trx) => {
    const res = await teamRepo.markTeamMemberLeft(trx, resolveCommunityId(actor, team.communityId), memberId, new Date());
    if (Number(res.numUpdatedRows) !== 1) throw new AppError('INVALID_STATE', 'member already left');
    await writeAudit(trx, actor, {
      communityId: team.communityId,
      action: 'team.member_left',
      entityType: 'team',
      entityId: teamId,
      changes: { memberId, residentId: member.resident_id, volunteerId: member.volunteer_id },
    });
  });
  return getTeam(ctx, actor, teamId);
}

// ------------------------------------------------------------------ stations

export async function listStations(ctx: AppContext, actor: Actor, query: StationListQuery): Promise<Page<Station>> {
  authorize(actor, 'people.read');
  const cid = resolveCommunityId(actor, query.communityId);
  const { total, rows } = await stationRepo.listStations(
    ctx.db,
    cid,
    { kind: query.kind, compoundId: query.compoundId, includeArchived: query.includeArchived === 'true', q: query.q?.trim() || undefined },
    pageOf(query),
  );
  return { items: rows.map(presentStation), total, page: query.page, pageSize: query.pageSize };
}

export async function getStation(ctx: AppContext, actor: Actor, id: number): Promise<Station> {
  authorize(actor, 'people.read');
  const row = await stationRepo.findStation(ctx.db, scopeIds(actor), id);
  if (!row) throw notFound('station');
  return presentStation(row);
}

export async function createStation(ctx: AppContext, actor: Actor, input: CreateStationInput): Promise<Station> {
  authorize(actor, 'people.write');
  const cid = resolveCommunityId(actor, input.communityId);
  await checkCompound(ctx.db, cid, input.compoundId);
  const values = {
    compound_id: input.compoundId ?? null,
    name: input.name,
    kind: input.kind,
    address: input.address ?? null,
    opening_hours: input.openingHours ?? null,
    phone: input.phone ?? null,
    description: input.description ?? null,
  };
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await stationRepo.insertStation(trx, cid, values);
    const { communityId: _c, ...changes } = input;
    await writeAudit(trx, actor, { communityId: cid, action: 'station.created', entityType: 'station', entityId: row.id, changes });
    return row.id;
  });
  return getStation(ctx, actor, id);
}

export async function updateStation(ctx: AppContext, actor: Actor, id: number, input: UpdateStationInput): Promise<Station> {
  authorize(actor, 'people.write');
  const before = await getStation(ctx, actor, id);
  await checkCompound(ctx.db, resolveCommunityId(actor, before.communityId), input.compoundId);
  await ctx.db.transaction().execute(async (trx) => {
    await stationRepo.updateStation(trx, resolveCommunityId(actor, before.communityId), id, {
      compound_id: input.compoundId,
      name: input.name,
      kind: input.kind,
      address: input.address,
      opening_hours: input.openingHours,
      phone: input.phone,
      description: input.description,
    });
    await writeAudit(trx, actor, {
      communityId: before.communityId,
      action: 'station.updated',
      entityType: 'station',
      entityId: id,
      changes: diff(before, input),
    });
  });
  return getStation(ctx, actor, id);
}
