import type { Page, Ticket, TicketCategory, TicketDetail, TicketSettings } from '@linli/contracts';
import type { PhotoStage, Rating, TicketAction } from '@linli/contracts/labels';
import type { paths } from '@linli/contracts/openapi';
import { apiUrl, client, formBody, unwrap } from '../../lib/api.js';

type Id = number | null | undefined;
const c = (communityId: Id) => communityId ?? undefined;

/** Every query key of the tickets feature starts with 'tickets'. */
export const ticketsKeys = {
  all: ['tickets'] as const,
  list: (communityId: Id, filters: object) => ['tickets', 'list', communityId, filters] as const,
  tasks: ['tickets', 'tasks'] as const,
  detail: (id: number) => ['tickets', 'detail', id] as const,
  assignees: (communityId: Id) => ['tickets', 'assignees', communityId] as const,
  categories: ['tickets', 'categories'] as const,
  categoriesOf: (communityId: Id) => ['tickets', 'categories', communityId] as const,
  settings: (communityId: Id) => ['tickets', 'settings', communityId] as const,
  inbox: (communityId: Id) => ['tickets', 'inbox', communityId] as const,
};

export type TicketQuery = NonNullable<paths['/api/tickets']['get']['parameters']['query']>;
export const fetchTickets = (query: TicketQuery): Promise<Page<Ticket>> => unwrap(client.GET('/api/tickets', { params: { query } }));
/** The tasks of the logged-in account: how many wait, how many are overdue, and the open ones themselves. */
export const fetchTasks = () => unwrap(client.GET('/api/tickets/tasks'));
export const fetchTicket = (id: number): Promise<TicketDetail> => unwrap(client.GET('/api/tickets/{id}', { params: { path: { id } } }));
export const fetchAssignees = (communityId: Id) => unwrap(client.GET('/api/tickets/assignees', { params: { query: { communityId: c(communityId) } } }));
export type DuplicateQuery = NonNullable<paths['/api/tickets/duplicates']['get']['parameters']['query']>;
export const fetchDuplicates = (query: DuplicateQuery) => unwrap(client.GET('/api/tickets/duplicates', { params: { query } }));
export const fetchCategories = (communityId?: Id): Promise<{ items: TicketCategory[] }> =>
  unwrap(client.GET('/api/ticket-categories', { params: { query: { communityId: c(communityId) } } }));

type Body = Record<string, unknown>;
/** Registers a ticket; the intake forms assemble the body from their fields. */
export const createTicket = (body: Body): Promise<TicketDetail> => unwrap(client.POST('/api/tickets', { body: body as never }));
/** One step of the state machine: accept, assign, resolve… with its note and the step's own fields. */
export const actOnTicket = (id: number, action: TicketAction, body: Body = {}): Promise<TicketDetail> =>
  unwrap(client.POST('/api/tickets/{id}/{action}', { params: { path: { id, action } }, body: body as never }));
/** Sends photos to a ticket, labelled as taken before or after the work when the worker says so. */
export async function uploadTicketPhotos(id: number, files: File[], stage?: PhotoStage): Promise<void> {
  if (files.length === 0) return;
  const body = new FormData();
  for (const f of files) body.append('photos', f);
  await unwrap(client.POST('/api/tickets/{id}/photos', { params: { path: { id }, query: stage ? { stage } : {} }, body: formBody(body) }));
}
/** The secretary's inbox: the count of each view (待受理, 即将超期, 已超期, 不满意, 上报未回复). */
export const fetchInbox = (communityId: Id) => unwrap(client.GET('/api/tickets/inbox', { params: { query: { communityId: c(communityId) } } }));
/** The reporter's full phone for a call; the server writes the view to the personal-data log. */
export const fetchReporterPhone = (id: number) => unwrap(client.GET('/api/tickets/{id}/reporter-phone', { params: { path: { id } } }));
export const ticketPhotoUrl = (id: number, photoId: number) => apiUrl('/api/tickets/{id}/photos/{photoId}', { id, photoId });

export const fetchSettings = (communityId: Id): Promise<TicketSettings> =>
  unwrap(client.GET('/api/ticket-settings', { params: { query: { communityId: c(communityId) } } }));
export const saveSettings = (body: Body): Promise<TicketSettings> => unwrap(client.PUT('/api/ticket-settings', { body: body as never }));
export const createCategory = (body: Body) => unwrap(client.POST('/api/ticket-categories', { body: body as never }));
export const updateCategory = (id: number, body: Body) =>
  unwrap(client.PATCH('/api/ticket-categories/{id}', { params: { path: { id } }, body: body as never }));

// The resident's side (/h5): no account, the report proven by its link's key or the phone's last four digits.
/** How the resident proves the report is theirs: the key from the link's fragment, or the phone's last four digits. */
export interface Proof {
  key: string | null;
  lastFour: string;
}
const proofHeaders = (p: Proof): Record<string, string> => (p.key ? { 'x-tracking-key': p.key } : p.lastFour ? { 'x-phone-last-four': p.lastFour } : {});
const code = (c: string) => ({ path: { code: c } });

export const fetchPublicCommunity = (communityCode: string) => unwrap(client.GET('/api/public/communities/{code}', { params: code(communityCode) }));
export const fetchPublicTicket = (c: string) => unwrap(client.GET('/api/public/tickets/{code}', { params: code(c) }));
export type PublicTicket = Awaited<ReturnType<typeof fetchPublicTicket>>;
export type PublicReport = NonNullable<paths['/api/public/tickets']['post']['requestBody']>['content']['application/json'];
export const reportProblem = (body: PublicReport) => unwrap(client.POST('/api/public/tickets', { body }));
export const rateTicket = (c: string, proof: Proof, body: { rating: Rating; comment: string | null }): Promise<PublicTicket> =>
  unwrap(client.POST('/api/public/tickets/{code}/rate', { params: code(c), headers: proofHeaders(proof), body }));
export const addInfo = (c: string, proof: Proof, text: string): Promise<PublicTicket> =>
  unwrap(client.POST('/api/public/tickets/{code}/info', { params: code(c), headers: proofHeaders(proof), body: { text } }));
/** Sends a resident's photos to their report (at most 5, the server checks again); answers the report, or null with none. */
export async function uploadPublicPhotos(c: string, photos: File[], proof: Proof): Promise<PublicTicket | null> {
  if (photos.length === 0) return null;
  const body = new FormData();
  for (const p of photos.slice(0, 5)) body.append('photos', p);
  return unwrap(
    client.POST('/api/public/tickets/{code}/photos', { params: code(c), headers: proofHeaders(proof), body: formBody(body) }),
  ) as Promise<PublicTicket>;
}
export const publicPhotoUrl = (c: string, photoId: number) => apiUrl('/api/public/tickets/{code}/photos/{photoId}', { code: c, photoId });
