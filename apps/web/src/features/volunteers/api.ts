import type { CreateVolunteerInput, OpenSessionInput, Page, RecordHoursInput, ReviewVolunteerInput, Volunteer, VolunteerDetail } from '@linli/contracts';
import { client, unwrap } from '../../lib/api.js';

/** Every query key of the volunteers feature starts with 'volunteers'. */
export const volunteerKeys = {
  all: ['volunteers'] as const,
  list: (filters: object) => ['volunteers', 'list', filters] as const,
  one: (id: number) => ['volunteers', 'one', id] as const,
  sessions: (communityId: number | undefined) => ['volunteers', 'sessions', communityId] as const,
};

export const fetchVolunteers = (q: {
  communityId?: number;
  status?: Volunteer['status'];
  q?: string;
  page?: number;
  pageSize?: number;
}): Promise<Page<Volunteer>> => unwrap(client.GET('/api/volunteers', { params: { query: q as never } }));
export const fetchVolunteer = (id: number): Promise<VolunteerDetail> => unwrap(client.GET('/api/volunteers/{id}', { params: { path: { id } } }));
export const createVolunteer = (body: CreateVolunteerInput) => unwrap(client.POST('/api/volunteers', { body }));
export const reviewVolunteer = (id: number, body: ReviewVolunteerInput) =>
  unwrap(client.POST('/api/volunteers/{id}/review', { params: { path: { id } }, body }));
export const recordHours = (body: RecordHoursInput) => unwrap(client.POST('/api/service-hours', { body }));
export const openSession = (body: OpenSessionInput) => unwrap(client.POST('/api/service-hours/sessions', { body }));
export const fetchSessions = (communityId?: number) => unwrap(client.GET('/api/service-hours/sessions', { params: { query: { communityId } } }));
export const closeSession = (id: number) => unwrap(client.POST('/api/service-hours/sessions/{id}/close', { params: { path: { id } } }));
/** The certificate is a PDF opened in a new tab (same-origin, the session cookie goes with it). */
export const certificateUrl = (id: number, from: string, to: string) => `/api/volunteers/${id}/certificate?from=${from}&to=${to}`;
