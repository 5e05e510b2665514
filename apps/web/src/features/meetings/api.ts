import type { paths } from '@linli/contracts/openapi';
import type { MeetingListQuery } from '@linli/contracts';
import { client, unwrap } from '../../lib/api.js';

/** Every query key of the meetings feature starts with 'meetings'. */
export const meetingsKeys = {
  all: ['meetings'] as const,
  list: (q: Partial<MeetingListQuery>) => ['meetings', 'list', q] as const,
  detail: (id: number) => ['meetings', 'detail', id] as const,
  rotations: (communityId: number | null) => ['meetings', 'rotations', communityId] as const,
  upcoming: (code: string, compoundId?: number) => ['meetings', 'upcoming', code, compoundId ?? null] as const,
};

type Post<P extends keyof paths> = paths[P] extends { post: { requestBody?: { content: { 'application/json': infer B } } } } ? B : never;
const id = (n: number) => ({ path: { id: n } });
const topic = (n: number, topicId: number) => ({ path: { id: n, topicId } });
const item = (n: number, itemId: number) => ({ path: { id: n, itemId } });

export const fetchMeetings = (query: Partial<MeetingListQuery>) => unwrap(client.GET('/api/meetings', { params: { query: query as never } }));
export const fetchMeeting = (n: number) => unwrap(client.GET('/api/meetings/{id}', { params: id(n) }));
export type MeetingView = Awaited<ReturnType<typeof fetchMeeting>>;
export const createMeeting = (body: Post<'/api/meetings'>) => unwrap(client.POST('/api/meetings', { body }));
export const holdMeeting = (n: number, walkInCount?: number) => unwrap(client.POST('/api/meetings/{id}/hold', { params: id(n), body: { walkInCount } }));
export const closeMeeting = (n: number) => unwrap(client.POST('/api/meetings/{id}/close', { params: id(n), body: {} }));
export const cancelMeeting = (n: number, reason: string) => unwrap(client.POST('/api/meetings/{id}/cancel', { params: id(n), body: { reason } }));
export const saveMinutes = (n: number, body: { minutes: string; recorderName?: string | null; walkInCount?: number }) =>
  unwrap(client.PUT('/api/meetings/{id}/minutes', { params: id(n), body }));
export const addTopic = (n: number, body: Post<'/api/meetings/{id}/topics'>) => unwrap(client.POST('/api/meetings/{id}/topics', { params: id(n), body }));
export const decideTopic = (n: number, topicId: number, body: Post<'/api/meetings/{id}/topics/{topicId}/outcome'>) =>
  unwrap(client.POST('/api/meetings/{id}/topics/{topicId}/outcome', { params: topic(n, topicId), body }));
export const raiseTopicTicket = (n: number, topicId: number, body: Post<'/api/meetings/{id}/topics/{topicId}/ticket'>) =>
  unwrap(client.POST('/api/meetings/{id}/topics/{topicId}/ticket', { params: topic(n, topicId), body }));
export const addAttendee = (n: number, body: Post<'/api/meetings/{id}/attendees'>) =>
  unwrap(client.POST('/api/meetings/{id}/attendees', { params: id(n), body }));
export const signIn = (n: number, itemId: number) =>
  unwrap(client.POST('/api/meetings/{id}/attendees/{itemId}/sign-in', { params: item(n, itemId), body: {} }));
export const addDecision = (n: number, body: Post<'/api/meetings/{id}/decisions'>) =>
  unwrap(client.POST('/api/meetings/{id}/decisions', { params: id(n), body }));
export const addFollowUp = (n: number, body: Post<'/api/meetings/{id}/follow-ups'>) =>
  unwrap(client.POST('/api/meetings/{id}/follow-ups', { params: id(n), body }));
export const completeFollowUp = (n: number, itemId: number, note: string | null) =>
  unwrap(client.POST('/api/meetings/{id}/follow-ups/{itemId}/done', { params: item(n, itemId), body: { note } }));
export const fetchRotations = (communityId: number | null) =>
  unwrap(client.GET('/api/meeting-rotations', { params: { query: { communityId: communityId ?? undefined } } }));
export const createRotation = (body: Post<'/api/meeting-rotations'>) => unwrap(client.POST('/api/meeting-rotations', { body }));

// The resident's phone page, without an account.
export const fetchUpcomingMeetings = (code: string, compoundId?: number) =>
  unwrap(client.GET('/api/public/communities/{code}/meetings', { params: { path: { code }, query: { compoundId } } }));
export type UpcomingMeetings = Awaited<ReturnType<typeof fetchUpcomingMeetings>>;
