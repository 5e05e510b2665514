import type {
  CareBoard,
  CareRecipient,
  CareRecipientPrivate,
  CoverageReport,
  CreateCareRecipientInput,
  CreatePairingInput,
  CreateVisitInput,
  Page,
  Pairing,
  Visit,
} from '@linli/contracts';
import { client, unwrap } from '../../lib/api.js';

/** Every query key of the care feature starts with 'care'. */
export const careKeys = {
  all: ['care'] as const,
  board: (communityId: number | null | undefined, mine: boolean) => ['care', 'board', communityId, mine] as const,
  coverage: (communityId: number | null | undefined, month: string) => ['care', 'coverage', communityId, month] as const,
  recipients: (filters: object) => ['care', 'recipients', filters] as const,
  recipient: (id: number) => ['care', 'recipient', id] as const,
  pairings: (recipientId: number) => ['care', 'pairings', recipientId] as const,
  visits: (recipientId: number) => ['care', 'visits', recipientId] as const,
};

const cid = (communityId: number | null | undefined) => communityId ?? undefined;

export const fetchCareBoard = (communityId: number | null | undefined, mine = false): Promise<CareBoard> =>
  unwrap(client.GET('/api/care-board', { params: { query: { communityId: cid(communityId), mine: mine ? 'true' : undefined } } }));
export const fetchCoverage = (communityId: number | null | undefined, month?: string): Promise<CoverageReport> =>
  unwrap(client.GET('/api/care-coverage', { params: { query: { communityId: cid(communityId), month } } }));
export const fetchRecipients = (q: {
  communityId?: number;
  tier?: CareRecipient['tier'];
  overdue?: 'true';
  q?: string;
  page?: number;
  pageSize?: number;
}): Promise<Page<CareRecipient>> => unwrap(client.GET('/api/care-recipients', { params: { query: q as never } }));
export const fetchRecipient = (id: number): Promise<CareRecipient> => unwrap(client.GET('/api/care-recipients/{id}', { params: { path: { id } } }));
export const fetchRecipientPrivate = (id: number): Promise<CareRecipientPrivate> =>
  unwrap(client.GET('/api/care-recipients/{id}/private', { params: { path: { id } } }));
export const createRecipient = (body: CreateCareRecipientInput): Promise<CareRecipient> => unwrap(client.POST('/api/care-recipients', { body }));
export const recordMajorChange = (id: number, note: string): Promise<CareRecipient> =>
  unwrap(client.POST('/api/care-recipients/{id}/major-change', { params: { path: { id } }, body: { note } }));
export const fetchPairings = (recipientId: number): Promise<Page<Pairing>> =>
  unwrap(client.GET('/api/pairings', { params: { query: { recipientId, pageSize: 50 } as never } }));
export const createPairing = (body: CreatePairingInput): Promise<Pairing> => unwrap(client.POST('/api/pairings', { body }));
export const endPairing = (id: number, reason: string): Promise<Pairing> =>
  unwrap(client.POST('/api/pairings/{id}/end', { params: { path: { id } }, body: { reason } }));
export const fetchVisits = (recipientId: number): Promise<Page<Visit>> =>
  unwrap(client.GET('/api/visits', { params: { query: { recipientId, pageSize: 50 } as never } }));
export const recordVisit = (body: CreateVisitInput): Promise<Visit> => unwrap(client.POST('/api/visits', { body }));
export const visitToTicket = (id: number, categoryId: number): Promise<Visit> =>
  unwrap(client.POST('/api/visits/{id}/ticket', { params: { path: { id } }, body: { categoryId } }));
