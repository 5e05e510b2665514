import type { paths } from '@linli/contracts/openapi';
import { client, unwrap } from '../../lib/api.js';

type Id = number | null | undefined;
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
export type PartyReport = Json<paths['/api/party-members/reports']['get']['responses'][200]>['items'][number];
export type DueMember = Json<paths['/api/party-members/reports/due']['get']['responses'][200]>['items'][number];
export type PioneerPost = Json<paths['/api/pioneer-posts']['get']['responses'][200]>['items'][number];
export type PostClaim = Json<paths['/api/pioneer-posts/{id}/claims']['get']['responses'][200]>['items'][number];
export type BelowFloor = Json<paths['/api/party-members/below-floor']['get']['responses'][200]>;
export type ReportInput = Json<paths['/api/party-members/{id}/reports']['post']['requestBody']>;
export type PostInput = Json<paths['/api/pioneer-posts']['post']['requestBody']>;
export type PartyBranch = Json<paths['/api/party-branches']['get']['responses'][200]>['items'][number];
export type BranchInput = Json<paths['/api/party-branches']['post']['requestBody']>;
export type ServiceInput = Json<paths['/api/party-members/{id}/service']['post']['requestBody']>;

/** Every query key of the party feature starts with 'party'. */
export const partyKeys = {
  all: ['party'] as const,
  reports: (c: Id) => ['party', 'reports', c] as const,
  due: (c: Id) => ['party', 'due', c] as const,
  posts: (c: Id) => ['party', 'posts', c] as const,
  claims: (postId: number) => ['party', 'claims', postId] as const,
  members: (c: Id) => ['party', 'members', c] as const,
  belowFloor: (c: Id, from: string, to: string) => ['party', 'below-floor', c, from, to] as const,
  mine: ['party', 'mine'] as const,
  branches: (c: Id) => ['party', 'branches', c] as const,
};
const cid = (c: Id) => c ?? undefined;

export const fetchReports = (c: Id) => unwrap(client.GET('/api/party-members/reports', { params: { query: { communityId: cid(c), pageSize: 100 } as never } }));
export const fetchDue = (c: Id) => unwrap(client.GET('/api/party-members/reports/due', { params: { query: { communityId: cid(c) } as never } }));
export const recordReport = (id: number, body: ReportInput) => unwrap(client.POST('/api/party-members/{id}/reports', { params: { path: { id } }, body }));
export const fetchPosts = (c: Id) => unwrap(client.GET('/api/pioneer-posts', { params: { query: { communityId: cid(c), pageSize: 100 } } }));
export const createPost = (body: PostInput) => unwrap(client.POST('/api/pioneer-posts', { body }));
export const fetchClaims = (postId: number) => unwrap(client.GET('/api/pioneer-posts/{id}/claims', { params: { path: { id: postId } } }));
export const claimPost = (postId: number, partyMemberId?: number) =>
  unwrap(client.POST('/api/pioneer-posts/{id}/claims', { params: { path: { id: postId } }, body: { partyMemberId } }));
export const fetchMembers = (c: Id) => unwrap(client.GET('/api/party-members', { params: { query: { communityId: cid(c), pageSize: 100 } } }));
export const fetchBelowFloor = (c: Id, from: string, to: string) =>
  unwrap(client.GET('/api/party-members/below-floor', { params: { query: { communityId: cid(c), from, to } } }));
export type MyWork = Json<paths['/api/party-members/me/work']['get']['responses'][200]>;
export const fetchMyWork = () => unwrap(client.GET('/api/party-members/me/work'));
export const fetchOpenPosts = () => unwrap(client.GET('/api/pioneer-posts', { params: { query: { open: 'true', pageSize: 100 } } }));
export const logService = (id: number, body: ServiceInput) => unwrap(client.POST('/api/party-members/{id}/service', { params: { path: { id } }, body }));
/** 小区党支部: the community's branches with their members; set one up; add a member with a role. */
export const fetchBranches = (c: Id) => unwrap(client.GET('/api/party-branches', { params: { query: { communityId: cid(c) } } }));
export const createBranch = (body: BranchInput) => unwrap(client.POST('/api/party-branches', { body }));
export const addBranchMember = (id: number, partyMemberId: number, role: PartyBranch['members'][number]['role']) =>
  unwrap(client.POST('/api/party-branches/{id}/members', { params: { path: { id } }, body: { partyMemberId, role } }));
