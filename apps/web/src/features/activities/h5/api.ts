import { apiUrl, client, unwrap } from '../../../lib/api.js';

// The phone's calls (public, no login): typed client only, no zod.
export const fetchCalendar = (c: string) => unwrap(client.GET('/api/public/activities', { params: { query: { c } } }));
export type PublicCalendar = Awaited<ReturnType<typeof fetchCalendar>>;
export type PublicActivityView = PublicCalendar['items'][number];
export const fetchActivity = (c: string, id: number) => unwrap(client.GET('/api/public/activities/{id}', { params: { path: { id }, query: { c } } }));
export const signUp = (c: string, id: number, name: string, phone: string) =>
  unwrap(client.POST('/api/public/activities/{id}/signups', { params: { path: { id } }, body: { c, name, phone } }));
export const fetchMine = (key: string) => unwrap(client.POST('/api/public/activity-signups/mine', { body: { key } }));
export type MySignupView = Awaited<ReturnType<typeof fetchMine>>;
export const cancelMine = (key: string) => unwrap(client.POST('/api/public/activity-signups/cancel', { body: { key } }));
export const checkInMine = (key: string, code: string) => unwrap(client.POST('/api/public/activity-signups/check-in', { body: { key, code } }));
export const publicPhotoUrl = (c: string, id: number, name: string) => apiUrl('/api/public/activities/{id}/photos/{name}', { id, name }, { c });
