import type { CreateMatchOrderInput, MatchNeedKind, MatchOrderStepInput } from '@linli/contracts';
import type { paths } from '@linli/contracts/openapi';
import { client, unwrap } from '../../lib/api.js';

/** Every query key of the matching feature starts with 'matching'. */
export const matchingKeys = {
  all: ['matching'] as const,
  suggestions: (kind: MatchNeedKind, id: number) => ['matching', 'suggestions', kind, id] as const,
  orders: (query: object) => ['matching', 'orders', query] as const,
};

type OrderQuery = NonNullable<paths['/api/match-orders']['get']['parameters']['query']>;

export const fetchSuggestions = (needKind: MatchNeedKind, needId: number) =>
  unwrap(client.GET('/api/matches', { params: { query: { needKind, needId, limit: 10 } } }));
export const refreshSuggestions = (communityId?: number | null) =>
  unwrap(client.POST('/api/matches/refresh', { body: { communityId: communityId ?? undefined } }));
export const sendOrder = (body: CreateMatchOrderInput) => unwrap(client.POST('/api/match-orders', { body }));
export const fetchOrders = (query: OrderQuery) => unwrap(client.GET('/api/match-orders', { params: { query } }));
export const stepOrder = (id: number, body: MatchOrderStepInput) => unwrap(client.POST('/api/match-orders/{id}/steps', { params: { path: { id } }, body }));
