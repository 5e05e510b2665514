import type { JoinVolunteerInput } from '@linli/contracts';
import { apiUrl, client, unwrap } from '../../../lib/api.js';

// The phone's calls: the typed client only, no zod (the pages stay light).
/** Public: anyone with the community's link applies; staff review it. */
export const joinPublic = (body: JoinVolunteerInput) => unwrap(client.POST('/api/public/volunteers', { body }));
/** Logged in: the application is linked to the account (same community). */
export const joinAsMe = (body: JoinVolunteerInput) => unwrap(client.POST('/api/volunteers/join', { body }));
export const fetchMyVolunteer = () => unwrap(client.GET('/api/volunteers/me'));
export type MyVolunteerView = Awaited<ReturnType<typeof fetchMyVolunteer>>;
export const signWithCode = (code: string, action?: 'in' | 'out') => unwrap(client.POST('/api/service-hours/sign', { body: { code, action } }));
export type SignResultView = Awaited<ReturnType<typeof signWithCode>>;
/** My own 志愿服务证明 (a PDF the browser opens; the session cookie goes with it). */
export const myCertificateUrl = (from: string, to: string) => apiUrl('/api/volunteers/me/certificate', {}, { from, to });
