import type { paths } from '@linli/contracts/openapi';
import { client, unwrap } from '../../lib/api.js';

type Id = number | null | undefined;
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
export type Shift = Json<paths['/api/shifts']['get']['responses'][200]>['items'][number];
export type ShiftDetail = Json<paths['/api/shifts/{id}']['get']['responses'][200]>;
export type ShiftTemplate = Json<paths['/api/shift-templates']['get']['responses'][200]>['items'][number];
export type TemplateInput = Json<paths['/api/shift-templates']['post']['requestBody']>;
export type Swap = Json<paths['/api/shift-swaps']['get']['responses'][200]>['items'][number];
export type MyShift = Json<paths['/api/shifts/mine']['get']['responses'][200]>['items'][number];
export type MyShifts = Json<paths['/api/shifts/mine']['get']['responses'][200]>;
export type SwapAction = 'accept' | 'decline' | 'withdraw' | 'approve' | 'reject';

/** Every query key of the duty feature starts with 'duty'. */
export const dutyKeys = {
  all: ['duty'] as const,
  week: (c: Id, from: string) => ['duty', 'week', c, from] as const,
  shift: (id: number) => ['duty', 'shift', id] as const,
  templates: (c: Id) => ['duty', 'templates', c] as const,
  swaps: (c: Id) => ['duty', 'swaps', c] as const,
  stations: (c: Id) => ['duty', 'stations', c] as const,
  teams: (c: Id) => ['duty', 'teams', c] as const,
  accounts: (c: Id) => ['duty', 'accounts', c] as const,
};
const cid = (c: Id) => c ?? undefined;

export const fetchWeek = (c: Id, from: string, to: string) => unwrap(client.GET('/api/shifts', { params: { query: { communityId: cid(c), from, to } } }));
export const fetchShift = (id: number, c: Id) => unwrap(client.GET('/api/shifts/{id}', { params: { path: { id }, query: { communityId: cid(c) } } }));
export const generateWeek = (c: Id, from: string, to: string) => unwrap(client.POST('/api/shifts/generate', { body: { communityId: cid(c), from, to } }));
export const assignShift = (id: number, c: Id, who: { teamId?: number; accountId?: number }) =>
  unwrap(client.POST('/api/shifts/{id}/assignments', { params: { path: { id } }, body: { ...who, communityId: cid(c) } }));
export const unassignShift = (id: number, assignmentId: number, c: Id, reason: string) =>
  unwrap(client.POST('/api/shifts/{id}/assignments/{assignmentId}/remove', { params: { path: { id, assignmentId } }, body: { reason, communityId: cid(c) } }));
export const fetchTemplates = (c: Id) => unwrap(client.GET('/api/shift-templates', { params: { query: { communityId: cid(c) } } }));
export const createTemplate = (body: TemplateInput) => unwrap(client.POST('/api/shift-templates', { body }));
export const updateTemplate = (id: number, body: TemplateInput) => unwrap(client.PUT('/api/shift-templates/{id}', { params: { path: { id } }, body }));
export const archiveTemplate = (id: number, c: Id) =>
  unwrap(client.POST('/api/shift-templates/{id}/archive', { params: { path: { id } }, body: { communityId: cid(c) } }));
export const fetchSwaps = (c?: Id) => unwrap(client.GET('/api/shift-swaps', { params: { query: { communityId: cid(c) } } }));
export const actOnSwap = (id: number, action: SwapAction, c?: Id, note?: string) =>
  unwrap(client.POST(`/api/shift-swaps/{id}/${action}`, { params: { path: { id } }, body: { note: note || null, communityId: cid(c) } }));
export const fetchStationOptions = (c: Id) => unwrap(client.GET('/api/stations', { params: { query: { communityId: cid(c), pageSize: 200 } } }));
export const fetchTeamOptions = (c: Id) => unwrap(client.GET('/api/teams', { params: { query: { communityId: cid(c), pageSize: 200 } } }));
export const fetchAccountOptions = (c: Id) =>
  unwrap(client.GET('/api/accounts', { params: { query: { communityId: cid(c), isActive: 'true', pageSize: 200 } } }));

// The phone page's calls (the person on duty).
export const fetchMyShifts = () => unwrap(client.GET('/api/shifts/mine', { params: { query: {} } }));
export const fetchMyShiftsBetween = (from: string, to: string) => unwrap(client.GET('/api/shifts/mine', { params: { query: { from, to } } }));
export const checkIn = (id: number) => unwrap(client.POST('/api/shifts/{id}/check-in', { params: { path: { id } } }));
export const checkOut = (id: number) => unwrap(client.POST('/api/shifts/{id}/check-out', { params: { path: { id } } }));
export const askSwap = (body: { shiftId: number; toAccountId: number; toShiftId?: number | null; reason: string }) =>
  unwrap(client.POST('/api/shift-swaps', { body }));
export type SwapPartner = Json<paths['/api/shifts/swap-partners']['get']['responses'][200]>['items'][number];
export const fetchSwapPartners = (shiftId: number) => unwrap(client.GET('/api/shifts/swap-partners', { params: { query: { shiftId } } }));
