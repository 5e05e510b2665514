import { client, unwrap } from '../../../lib/api.js';

/** Every query key of the check-ins feature starts with 'checkins'. */
export const checkinsKeys = {
  all: ['checkins'] as const,
  today: (communityId: number | null | undefined, mine: boolean) => ['checkins', 'today', communityId, mine] as const,
};

export const fetchCheckinsToday = (q: { communityId?: number | null; mine?: boolean } = {}) =>
  unwrap(client.GET('/api/check-ins/today', { params: { query: { communityId: q.communityId ?? undefined, mine: q.mine ? 'true' : undefined } } }));

/** A helper, a family member through staff, or staff confirm the person is well today. */
export const checkInFor = (recipientId: number, via: 'helper' | 'family' | 'staff') => unwrap(client.POST('/api/check-ins', { body: { recipientId, via } }));

/** The one-tap check-in: the token read from the page's #t= fragment goes in the body, never into a URL. */
export const tapCheckin = (token: string) => unwrap(client.POST('/api/check-ins/tap', { body: { token } }));

export const checkinLinkKeys = {
  links: (recipientId: number) => ['checkins', 'links', recipientId] as const,
  plan: (recipientId: number) => ['checkins', 'plan', recipientId] as const,
};
/** A person's links (never their tokens) and daily window. */
export const fetchCheckinLinks = (recipientId: number) => unwrap(client.GET('/api/check-ins/links/{recipientId}', { params: { path: { recipientId } } }));
/** Issues a link: the answer is the only place its secret ever appears. */
export const issueCheckinLink = (recipientId: number, holder: 'self' | 'family', holderName: string | null) =>
  unwrap(client.POST('/api/check-ins/links/{recipientId}', { params: { path: { recipientId } }, body: { holder, holderName } }));
export const revokeCheckinLink = (recipientId: number, linkId: number) =>
  unwrap(client.POST('/api/check-ins/links/{recipientId}/{linkId}/revoke', { params: { path: { recipientId, linkId } } }));
export const fetchCheckinPlan = (recipientId: number) => unwrap(client.GET('/api/check-ins/plans/{recipientId}', { params: { path: { recipientId } } }));
export const saveCheckinPlan = (recipientId: number, dueBy: string) =>
  unwrap(client.PUT('/api/check-ins/plans/{recipientId}', { params: { path: { recipientId } }, body: { dueBy, isActive: true } }));
