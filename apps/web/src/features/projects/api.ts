import type { paths } from '@linli/contracts/openapi';
import type { ProjectStatus } from '@linli/contracts/project-labels';
import { client, unwrap } from '../../lib/api.js';

/** Every query key of the projects feature starts with 'projects'. */
export const projectsKeys = {
  all: ['projects'] as const,
  list: (communityId: number | null, status?: ProjectStatus) => ['projects', 'list', communityId, status ?? null] as const,
  partners: (communityId: number | null) => ['projects', 'partners', communityId] as const,
  public: (code: string) => ['projects', 'public', code] as const,
};
type Body<P extends keyof paths> = paths[P] extends { post: { requestBody?: { content: { 'application/json': infer B } } } } ? B : never;
type Cid = number | null;
const at = (id: number, communityId: Cid) => ({ params: { path: { id }, query: { communityId: communityId ?? undefined } } });

export const fetchProjects = (communityId: Cid, status?: ProjectStatus) =>
  unwrap(client.GET('/api/projects', { params: { query: { communityId: communityId ?? undefined, status } } }));
export type ProjectRow = Awaited<ReturnType<typeof fetchProjects>>['items'][number];
export const createProject = (body: Body<'/api/projects'>) => unwrap(client.POST('/api/projects', { body }));
export type ProjectStep = 'approve' | 'reject' | 'start' | 'complete';
export const stepProject = (id: number, step: ProjectStep, communityId: Cid, note?: string) => {
  const o = { ...at(id, communityId), body: { note: note || null } };
  if (step === 'approve') return unwrap(client.POST('/api/projects/{id}/approve', o));
  if (step === 'reject') return unwrap(client.POST('/api/projects/{id}/reject', o));
  if (step === 'start') return unwrap(client.POST('/api/projects/{id}/start', o));
  return unwrap(client.POST('/api/projects/{id}/complete', o));
};
export const claimProject = (id: number, communityId: Cid, body: Body<'/api/projects/{id}/claims'>) =>
  unwrap(client.POST('/api/projects/{id}/claims', { ...at(id, communityId), body }));
export const setProgress = (id: number, communityId: Cid, percent: number, note?: string) =>
  unwrap(client.POST('/api/projects/{id}/progress', { ...at(id, communityId), body: { percent, note: note || null } }));
export const addMilestone = (id: number, communityId: Cid, body: Body<'/api/projects/{id}/milestones'>) =>
  unwrap(client.POST('/api/projects/{id}/milestones', { ...at(id, communityId), body }));
export const completeMilestone = (id: number, milestoneId: number, communityId: Cid) =>
  unwrap(
    client.POST('/api/projects/{id}/milestones/{milestoneId}/done', {
      params: { path: { id, milestoneId }, query: { communityId: communityId ?? undefined } },
    }),
  );
/** The community's partners, to claim a project in their name. */
export const fetchPartnerNames = (communityId: Cid) =>
  unwrap(client.GET('/api/partners', { params: { query: { communityId: communityId ?? undefined, pageSize: 100 } } })).then((r) =>
    r.items.map((p) => ({ id: p.id, name: p.name })),
  );

// The residents' phone page, without an account.
export const fetchPublicProjects = (code: string) => unwrap(client.GET('/api/public/communities/{code}/projects', { params: { path: { code } } }));
export type PublicProject = Awaited<ReturnType<typeof fetchPublicProjects>>['items'][number];
export const rateProject = (id: number, body: Body<'/api/public/projects/{id}/ratings'>) =>
  unwrap(client.POST('/api/public/projects/{id}/ratings', { params: { path: { id } }, body }));
