import {
  subdistrictManagedKinds,
  type CreateOrganisationInput,
  type Organisation,
  type OrganisationArea,
  type OrganisationListQuery,
  type Page,
  type UpdateOrganisationInput,
} from '@linli/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { AppContext } from '../../platform/context.js';
import { authorize, canSeeCommunity, type Actor } from '../../platform/access/actor.js';
import { AppError, forbidden, invalidField, notFound, uniqueAs } from '../../platform/errors.js';
import { diff, writeAudit } from '../../platform/audit/audit.js';
import * as places from '../places/index.js';
import { partnerRefs } from '../partners/index.js';
import { trustedCommunityId } from '../../platform/access/trusted-scope.js';
import * as repo from './orgs.repository.js';
import { presentOrganisation } from './orgs.presenter.js';
import { isContact, mayManage, mayManageKind } from './orgs.policy.js';

type Db = Kysely<DB> | Transaction<DB>;
const nameTaken = uniqueAs('name');

/** The communities of the actor's scope with their subdistricts and districts: what "serving them" means. */
async function visibilityOf(db: Db, actor: Actor): Promise<repo.OrgVisibility> {
  if (actor.role === 'system_admin')
    return { all: true, subdistrictIds: [], communityIds: [], served: { districtIds: [], subdistrictIds: [], communityIds: [] } };
  if (isContact(actor)) {
    return {
      all: false,
      organisationId: actor.organisationId ?? -1,
      subdistrictIds: [],
      communityIds: [],
      served: { districtIds: [], subdistrictIds: [], communityIds: [] },
    };
  }
  const communityIds = actor.scope === 'all' ? [] : [...actor.scope];
  const areas = [...(await places.placeRefs.communityAreas(db, communityIds)).values()];
  const subdistrictIds = actor.role === 'subdistrict_admin' && actor.subdistrictId != null ? [actor.subdistrictId] : [];
  return {
    all: false,
    subdistrictIds,
    communityIds,
    served: {
      districtIds: [...new Set(areas.map((a) => a.district_id))],
      subdistrictIds: [...new Set([...subdistrictIds, ...areas.map((a) => a.subdistrict_id)])],
      communityIds,
    },
  };
}

async function withAreas(db: Db, rows: repo.OrganisationRow[]): Promise<Organisation[]> {
  const areas = await repo.areasOf(
    db,
    rows.map((r) => r.id),
  );
  const ids = (k: string) => [...new Set(areas.filter((a) => a.area_kind === k).map((a) => a.area_id))];
  const names = await places.placeRefs.districtAndSubdistrictNames(db, ids('district'), ids('subdistrict'));
  const communities = await places.communityRefs(db, ids('community'));
  const nameOf = (k: string, id: number) =>
    (k === 'district' ? names.districts.get(id) : k === 'subdistrict' ? names.subdistricts.get(id)?.name : communities.get(id)?.name) ?? String(id);
  return rows.map((r) =>
    presentOrganisation(
      r,
      areas.filter((a) => a.organisation_id === r.id).map((a) => ({ kind: a.area_kind, id: a.area_id, name: nameOf(a.area_kind, a.area_id) })),
    ),
  );
}

export async function listOrganisations(ctx: AppContext, actor: Actor, query: OrganisationListQuery): Promise<Page<Organisation>> {
  authorize(actor, 'orgs.read');
  let serving: repo.OrgFilter['serving'];
  if (query.servingCommunityId !== undefined) {
    if (!canSeeCommunity(actor, query.servingCommunityId)) throw notFound('community');
    const c = (await places.placeRefs.communityAreas(ctx.db, [query.servingCommunityId])).get(query.servingCommunityId);
    if (!c) throw notFound('community');
    serving = { districtId: c.district_id, subdistrictId: c.subdistrict_id, communityId: c.id };
  }
  const { total, rows } = await repo.listOrganisations(
    ctx.db,
    await visibilityOf(ctx.db, actor),
    { kind: query.kind, q: query.q?.trim() || undefined, includeArchived: query.includeArchived === 'true', serving },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  return { items: await withAreas(ctx.db, rows), total, page: query.page, pageSize: query.pageSize };
}

export async function getOrganisation(ctx: AppContext, actor: Actor, id: number): Promise<Organisation> {
  authorize(actor, 'orgs.read');
  const row = await repo.findOrganisation(ctx.db, await visibilityOf(ctx.db, actor), id);
  if (!row) throw notFound('organisation');
  return (await withAreas(ctx.db, [row]))[0]!;
}

/** The areas must exist and lie within what the manager looks after. */
async function checkAreas(db: Db, actor: Actor, areas: readonly OrganisationArea[], home: { subdistrictId: number | null; communityId: number | null }) {
  if (areas.length === 0) throw invalidField('areas', 'required');
  const ids = (k: string) => areas.filter((a) => a.kind === k).map((a) => a.id);
  const names = await places.placeRefs.districtAndSubdistrictNames(db, ids('district'), ids('subdistrict'));
  const communities = await places.placeRefs.communityAreas(db, ids('community'));
  const homeSub =
    home.subdistrictId != null ? (await places.placeRefs.districtAndSubdistrictNames(db, [], [home.subdistrictId])).subdistricts.get(home.subdistrictId) : null;
  const homeCommunity = home.communityId != null ? (await places.placeRefs.communityAreas(db, [home.communityId])).get(home.communityId) : null;
  for (const a of areas) {
    const exists = a.kind === 'district' ? names.districts.has(a.id) : a.kind === 'subdistrict' ? names.subdistricts.has(a.id) : communities.has(a.id);
    if (!exists) throw invalidField('areas', 'not_found');
    if (actor.role === 'system_admin') continue;
    // A subdistrict's organisation serves its district, its subdistrict or communities in it; a community's its own.
    const within = homeCommunity
      ? a.kind === 'community' && a.id === homeCommunity.id
      : homeSub != null &&
        ((a.kind === 'district' && a.id === homeSub.district_id) ||
          (a.kind === 'subdistrict' && a.id === home.subdistrictId) ||
          (a.kind === 'community' && communities.get(a.id)?.subdistrict_id === home.subdistrictId));
    if (!within) throw invalidField('areas', 'out_of_reach');
  }
}

/** The areas meant by the shorthand: the district of the subdistrict, the subdistrict, or the community. */
async function defaultAreas(
  db: Db,
  scope: OrganisationArea['kind'] | undefined,
  subdistrictId: number | null,
  communityId: number | null,
): Promise<OrganisationArea[]> {
  if (communityId != null) return [{ kind: 'community', id: communityId }];
  if (subdistrictId == null) return [];
  if (scope === 'district') {
    const sub = (await places.placeRefs.districtAndSubdistrictNames(db, [], [subdistrictId])).subdistricts.get(subdistrictId);
    return sub ? [{ kind: 'district', id: sub.district_id }] : [];
  }
  return [{ kind: 'subdistrict', id: subdistrictId }];
}

/** Registers an organisation that answers escalations, with the areas it serves. */
export async function createOrganisation(ctx: AppContext, actor: Actor, input: CreateOrganisationInput): Promise<Organisation> {
  authorize(actor, 'orgs.write');
  if (!mayManageKind(actor, input.kind)) throw forbidden(`role ${actor.role} may not register a ${input.kind}`);
  const bySubdistrict = subdistrictManagedKinds.includes(input.kind);
  let subdistrictId: number | null = null;
  let communityId: number | null = null;
  if (bySubdistrict) {
    subdistrictId = actor.role === 'subdistrict_admin' ? actor.subdistrictId : (input.subdistrictId ?? null);
    if (subdistrictId == null) throw invalidField('subdistrictId', 'required');
    if (input.subdistrictId != null && input.subdistrictId !== subdistrictId) throw notFound('subdistrict');
    if (!(await places.findSubdistrictRef(ctx.db, subdistrictId))) throw invalidField('subdistrictId', 'not_found');
  } else {
    communityId = input.communityId ?? actor.communityId;
    if (communityId == null) throw invalidField('communityId', 'required');
    if (!canSeeCommunity(actor, communityId)) throw notFound('community');
    if (!(await places.communityRefs(ctx.db, [communityId])).has(communityId)) throw invalidField('communityId', 'not_found');
  }
  const departmentType = input.kind === 'department' ? (input.departmentType ?? null) : null;
  if (input.kind === 'department' && !departmentType) throw invalidField('departmentType', 'required');
  const areas = input.areas ?? (await defaultAreas(ctx.db, input.areaScope, subdistrictId, communityId));
  await checkAreas(ctx.db, actor, areas, { subdistrictId, communityId });
  if (input.partnerId != null && (communityId == null || !(await partnerRefs.findPartnerRef(ctx.db, trustedCommunityId(communityId), input.partnerId))))
    throw invalidField('partnerId', 'not_found');
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await repo
      .insertOrganisation(trx, {
        kind: input.kind,
        department_type: departmentType,
        name: input.name,
        contact_name: input.contactName ?? null,
        contact_phone: input.contactPhone ?? null,
        address: input.address ?? null,
        subdistrict_id: subdistrictId,
        community_id: communityId,
        partner_id: input.partnerId ?? null,
        created_by: actor.accountId,
      })
      .catch(nameTaken);
    await repo.replaceAreas(trx, row.id, areas);
    await writeAudit(trx, actor, {
      communityId,
      action: 'organisation.created',
      entityType: 'organisation',
      entityId: row.id,
      changes: { ...input, areas },
    });
    return row.id;
  });
  return getOrganisation(ctx, actor, id);
}

async function managed(ctx: AppContext, actor: Actor, id: number) {
  authorize(actor, 'orgs.write');
  const row = await repo.findOrganisation(ctx.db, await visibilityOf(ctx.db, actor), id);
  if (!row) throw notFound('organisation');
  if (!mayManage(actor, row)) throw forbidden('not an organisation this actor manages');
  if (row.archived_at) throw new AppError('INVALID_STATE', 'organisation is archived');
  return row;
}

export async function updateOrganisation(ctx: AppContext, actor: Actor, id: number, input: UpdateOrganisationInput): Promise<Organisation> {
  const row = await managed(ctx, actor, id);
  const before = await getOrganisation(ctx, actor, id);
  if (input.areas) await checkAreas(ctx.db, actor, input.areas, { subdistrictId: row.subdistrict_id, communityId: row.community_id });
  if (input.departmentType === null && row.kind === 'department') throw invalidField('departmentType', 'required');
  if (
    input.partnerId != null &&
    (row.community_id == null || !(await partnerRefs.findPartnerRef(ctx.db, trustedCommunityId(row.community_id), input.partnerId)))
  )
    throw invalidField('partnerId', 'not_found');
  await ctx.db.transaction().execute(async (trx) => {
    await repo
      .updateOrganisation(trx, id, {
        name: input.name,
        department_type: row.kind === 'department' ? input.departmentType : undefined,
        contact_name: input.contactName,
        contact_phone: input.contactPhone,
        address: input.address,
        partner_id: input.partnerId,
      })
      .catch(nameTaken);
    if (input.areas) await repo.replaceAreas(trx, id, input.areas);
    await writeAudit(trx, actor, {
      communityId: row.community_id,
      action: 'organisation.updated',
      entityType: 'organisation',
      entityId: id,
      changes: diff(before, input),
    });
  });
  return getOrganisation(ctx, actor, id);
}

export async function archiveOrganisation(ctx: AppContext, actor: Actor, id: number, reason: string): Promise<Organisation> {
  const row = await managed(ctx, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateOrganisation(trx, id, { archived_at: new Date() });
    await writeAudit(trx, actor, { communityId: row.community_id, action: 'organisation.archived', entityType: 'organisation', entityId: id, reason });
  });
  return getOrganisation(ctx, actor, id);
}

/** Whether an organisation (not archived) serves a community (its own, its subdistrict or its district). */
export async function servesCommunity(db: Db, organisationId: number, communityId: number): Promise<boolean> {
  const c = (await places.placeRefs.communityAreas(db, [communityId])).get(communityId);
  if (!c) return false;
  return repo.servesArea(db, organisationId, { districtId: c.district_id, subdistrictId: c.subdistrict_id, communityId });
}

/** The communities an organisation serves (a contact's reach). */
export async function communitiesServedBy(db: Db, organisationId: number): Promise<number[]> {
  const areas = await repo.areasOf(db, [organisationId]);
  const ids = (k: string) => areas.filter((a) => a.area_kind === k).map((a) => a.area_id);
  if (areas.length === 0) return [];
  return places.placeRefs.communityIdsInAreas(db, { districtIds: ids('district'), subdistrictIds: ids('subdistrict'), communityIds: ids('community') });
}
