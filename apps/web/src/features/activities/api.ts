import type { paths } from '@linli/contracts/openapi';
import type { ActivityListQuery } from '@linli/contracts';
import { apiUrl, client, formBody, unwrap } from '../../lib/api.js';

/** Every query key of the activities feature starts with 'activities'. */
export const activitiesKeys = {
  all: ['activities'] as const,
  list: (q: Partial<ActivityListQuery>) => ['activities', 'list', q] as const,
  signups: (id: number) => ['activities', 'signups', id] as const,
  serving: (id: number) => ['activities', 'serving', id] as const,
};
type CreateBody = paths['/api/activities']['post']['requestBody']['content']['application/json'];
const path = (id: number) => ({ params: { path: { id } } });

export const fetchActivities = (q: Partial<ActivityListQuery>) => unwrap(client.GET('/api/activities', { params: { query: q } }));
export type ActivityRow = Awaited<ReturnType<typeof fetchActivities>>['items'][number];
export const createActivity = (body: CreateBody) => unwrap(client.POST('/api/activities', { body }));
export const fetchSignups = (id: number) => unwrap(client.GET('/api/activities/{id}/signups', path(id)));
export type SignupRow = Awaited<ReturnType<typeof fetchSignups>>['items'][number];
export const issueCode = (id: number) => unwrap(client.POST('/api/activities/{id}/checkin-code', { ...path(id), body: {} }));
export const markAttendance = (id: number, signupIds: number[], walkInCount?: number) =>
  unwrap(client.POST('/api/activities/{id}/attendance', { ...path(id), body: { signupIds, walkInCount } }));
export const closeActivity = (id: number) => unwrap(client.POST('/api/activities/{id}/close', { ...path(id), body: {} }));
export const reportActivity = (id: number, report: string) => unwrap(client.POST('/api/activities/{id}/report', { ...path(id), body: { report } }));
/** Volunteers serving at the activity (not its participants): their hours are credited when it closes. */
export const fetchServing = (id: number) => unwrap(client.GET('/api/activities/{id}/volunteers', path(id)));
export const addServing = (id: number, volunteerId: number) => unwrap(client.POST('/api/activities/{id}/volunteers', { ...path(id), body: { volunteerId } }));
export const activityPhotoUrl = (id: number, name: string) => apiUrl('/api/activities/{id}/photos/{name}', { id, name });
export async function uploadActivityPhotos(id: number, files: File[]) {
  const body = new FormData();
  for (const f of files.slice(0, 5)) body.append('photos', f);
  return unwrap(client.POST('/api/activities/{id}/photos', { ...path(id), body: formBody(body) }));
}
