import type { paths } from '@linli/contracts/openapi';
import type { VoteChoice } from '@linli/contracts/vote-labels';
import { client, unwrap } from '../../lib/api.js';

/** Every query key of the votes feature starts with 'votes' (conventions: 'conventions'). */
export const votesKeys = {
  all: ['votes'] as const,
  list: (q: VoteListQuery) => ['votes', 'list', q] as const,
  detail: (id: number) => ['votes', 'detail', id] as const,
  voters: (id: number, q: VoterListQuery) => ['votes', 'voters', id, q] as const,
};
export const conventionsKeys = {
  all: ['conventions'] as const,
  list: (communityId: number | null) => ['conventions', 'list', communityId] as const,
  detail: (id: number) => ['conventions', 'detail', id] as const,
};

type Post<P extends keyof paths> = paths[P] extends { post: { requestBody?: { content: { 'application/json': infer B } } } } ? B : never;
type Query<P extends keyof paths> = paths[P] extends { get: { parameters: { query?: infer Q } } } ? NonNullable<Q> : never;
export type VoteListQuery = Query<'/api/votes'>;
export type VoterListQuery = Query<'/api/votes/{id}/voters'>;
export type CreateVoteBody = Post<'/api/votes'>;
export type VoteAction = 'open' | 'close' | 'publish' | 'archive';
const id = (n: number) => ({ path: { id: n } });

export const fetchVotes = (query: VoteListQuery) => unwrap(client.GET('/api/votes', { params: { query } }));
export const fetchVote = (n: number) => unwrap(client.GET('/api/votes/{id}', { params: id(n) }));
export type VoteView = Awaited<ReturnType<typeof fetchVote>>;
export const createVote = (body: CreateVoteBody) => unwrap(client.POST('/api/votes', { body }));
export const changeVoteStatus = (n: number, action: VoteAction, note?: string) =>
  unwrap(client.POST('/api/votes/{id}/{action}', { params: { path: { id: n, action } }, body: { note } }));
export const fetchVoters = (n: number, query: VoterListQuery) => unwrap(client.GET('/api/votes/{id}/voters', { params: { path: { id: n }, query } }));
export type VoterRow = Awaited<ReturnType<typeof fetchVoters>>['items'][number];
/** The answer holds the private links: shown once, never cached in a query. */
export const issueVoteLinks = (n: number, voterIds?: number[]) => unwrap(client.POST('/api/votes/{id}/links', { params: id(n), body: { voterIds } }));
export type IssuedLinks = Awaited<ReturnType<typeof issueVoteLinks>>;
export const enterPaperBallot = (n: number, body: Post<'/api/votes/{id}/paper-ballots'>) =>
  unwrap(client.POST('/api/votes/{id}/paper-ballots', { params: id(n), body }));

export const fetchConventions = (communityId: number | null) =>
  unwrap(client.GET('/api/conventions', { params: { query: { communityId: communityId ?? undefined } } }));
export const fetchConvention = (n: number) => unwrap(client.GET('/api/conventions/{id}', { params: id(n) }));
export type ConventionView = Awaited<ReturnType<typeof fetchConvention>>;
export const createConvention = (body: Post<'/api/conventions'>) => unwrap(client.POST('/api/conventions', { body }));
export const proposeConventionVersion = (n: number, body: string) => unwrap(client.POST('/api/conventions/{id}/versions', { params: id(n), body: { body } }));
export const putVersionToVote = (n: number, versionId: number, body: Post<'/api/conventions/{id}/versions/{versionId}/vote'>) =>
  unwrap(client.POST('/api/conventions/{id}/versions/{versionId}/vote', { params: { path: { id: n, versionId } }, body }));

// The phone, without an account: the voter's key goes in the body only.
export const fetchVoterPage = (key: string) => unwrap(client.POST('/api/votes/ballot/view', { body: { key } }));
export const castPhoneVote = (key: string, choice: VoteChoice) => unwrap(client.POST('/api/votes/ballot', { body: { key, choice } }));
export const fetchVoteNotice = (n: number) => unwrap(client.GET('/api/votes/{id}/notice', { params: id(n) }));
export const fetchPublicConvention = (n: number) => unwrap(client.GET('/api/conventions/{id}/public', { params: id(n) }));
export const fetchPublishedVotes = (code: string, compoundId?: number) =>
  unwrap(client.GET('/api/public/communities/{code}/votes', { params: { path: { code }, query: { compoundId } } }));
