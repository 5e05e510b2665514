import type { AccessLogEntry, AuditEntry, Page, Resident, ResidentPii, SetBuildingHeadsInput } from '@linli/contracts';
import type { paths } from '@linli/contracts/openapi';
import { client, formBody, unwrap } from '../../lib/api.js';
import type { EntityApi } from '../../components/entity-page.js';

type Id = number | null | undefined;
/** Every query key of the places feature starts with 'places', so one invalidation refreshes them all. */
export const placesKeys = {
  all: ['places'] as const,
  compounds: (communityId: Id) => ['places', 'compounds', communityId] as const,
  compound: (id: number) => ['places', 'compound', id] as const,
  buildings: (compoundId: number) => ['places', 'buildings', compoundId] as const,
  units: (buildingId: number) => ['places', 'units', buildingId] as const,
  households: (unitId: number) => ['places', 'households', unitId] as const,
  household: (id: number) => ['places', 'household', id] as const,
  grids: (communityId: Id) => ['places', 'grids', communityId] as const,
  residents: ['places', 'residents'] as const,
  resident: (id: number) => ['places', 'resident', id] as const,
  residentPick: (communityId: Id, q: string) => ['places', 'resident-pick', communityId, q] as const,
  audit: (id: number) => ['places', 'audit', 'resident', id] as const,
  accessLog: (id: number) => ['places', 'access', 'resident', id] as const,
  headAccounts: (communityId: Id) => ['places', 'building-head-accounts', communityId] as const,
  tags: (communityId: Id) => ['places', 'resident-tags', communityId] as const,
};
const c = (communityId: Id) => communityId ?? undefined;

export const fetchCompounds = (communityId: Id) => unwrap(client.GET('/api/compounds', { params: { query: { communityId: c(communityId) } } }));
export const fetchCompound = (id: number) => unwrap(client.GET('/api/compounds/{id}', { params: { path: { id } } }));
export const fetchBuildings = (compoundId: number) => unwrap(client.GET('/api/buildings', { params: { query: { compoundId } } }));
export const fetchUnits = (buildingId: number) => unwrap(client.GET('/api/units', { params: { query: { buildingId } } }));
export const fetchHouseholds = (unitId: number) => unwrap(client.GET('/api/households', { params: { query: { unitId } } }));
export const fetchHousehold = (id: number) => unwrap(client.GET('/api/households/{id}', { params: { path: { id } } }));
export const fetchGrids = (communityId: Id) => unwrap(client.GET('/api/grids', { params: { query: { communityId: c(communityId) } } }));
export const setGridWorker = (id: number, workerAccountId: number | null) =>
  unwrap(client.PATCH('/api/grids/{id}', { params: { path: { id } }, body: { workerAccountId } }));
export const fetchHeadAccounts = (communityId: Id) =>
  unwrap(client.GET('/api/building-heads/accounts', { params: { query: { communityId: c(communityId) } } }));
export const setBuildingHeads = (id: number, body: SetBuildingHeadsInput) =>
  unwrap(client.PUT('/api/buildings/{id}/heads', { params: { path: { id } }, body }));

/** The create and edit dialogs of the tree: compounds, buildings, units and households. */
type Body = Record<string, unknown>;
export const placeWriters = {
  compound: {
    create: (body: Body) => unwrap(client.POST('/api/compounds', { body: body as never })),
    update: (id: number, body: Body) => unwrap(client.PATCH('/api/compounds/{id}', { params: { path: { id } }, body: body as never })),
  },
  building: {
    create: (body: Body) => unwrap(client.POST('/api/buildings', { body: body as never })),
    update: (id: number, body: Body) => unwrap(client.PATCH('/api/buildings/{id}', { params: { path: { id } }, body: body as never })),
  },
  unit: { create: (body: Body) => unwrap(client.POST('/api/units', { body: body as never })) },
  household: { create: (body: Body) => unwrap(client.POST('/api/households', { body: body as never })) },
} satisfies Record<string, Partial<EntityApi<unknown>>>;

export type ResidentQuery = NonNullable<paths['/api/residents']['get']['parameters']['query']>;
export const fetchResidents = (query: ResidentQuery): Promise<Page<Resident>> => unwrap(client.GET('/api/residents', { params: { query } }));
export const fetchResident = (id: number) => unwrap(client.GET('/api/residents/{id}', { params: { path: { id } } }));
export const fetchResidentPii = (id: number): Promise<ResidentPii> => unwrap(client.GET('/api/residents/{id}/pii', { params: { path: { id } } }));
export const createResident = (body: Body) => unwrap(client.POST('/api/residents', { body: body as never }));
export const updateResident = (id: number, body: Body) => unwrap(client.PATCH('/api/residents/{id}', { params: { path: { id } }, body: body as never }));
export const archiveResident = (id: number, reason: string) =>
  unwrap(client.POST('/api/residents/{id}/archive', { params: { path: { id } }, body: { reason } }));
export const fetchAudit = (entityId: number): Promise<{ items: AuditEntry[] }> =>
  unwrap(client.GET('/api/audit', { params: { query: { entityType: 'resident', entityId: String(entityId) } } }));
export const fetchAccessLog = (entityId: number): Promise<{ items: AccessLogEntry[] }> =>
  unwrap(client.GET('/api/access-log', { params: { query: { entityType: 'resident', entityId: String(entityId) } } }));

export const uploadRoster = (communityId: Id, file: File) => {
  const body = new FormData();
  body.append('file', file);
  return unwrap(client.POST('/api/residents/import', { params: { query: { communityId: c(communityId) } as never }, body: formBody(body) }));
};
export const fetchImport = (id: number) => unwrap(client.GET('/api/imports/{id}', { params: { path: { id } } }));
export const commitImport = (id: number) => unwrap(client.POST('/api/imports/{id}/commit', { params: { path: { id } } }));
export const discardImport = (id: number) => unwrap(client.POST('/api/imports/{id}/discard', { params: { path: { id } } }));
export const fetchTagDictionary = (communityId: Id) => unwrap(client.GET('/api/resident-tags', { params: { query: { communityId: c(communityId) } } }));
export const createTag = (body: { communityId?: number; labelZh: string; labelEn: string; sensitive: boolean }) =>
  unwrap(client.POST('/api/resident-tags', { body }));
