import type { paths } from '@linli/contracts/openapi';
import type { WishListQuery } from '@linli/contracts';
import { apiUrl, client, formBody, unwrap } from '../../lib/api.js';

/** Every query key of the wishes feature starts with 'wishes'. */
export const wishesKeys = {
  all: ['wishes'] as const,
  list: (q: Partial<WishListQuery>) => ['wishes', 'list', q] as const,
  detail: (id: number) => ['wishes', 'detail', id] as const,
};

type Body<P extends keyof paths> = paths[P] extends { post: { requestBody?: { content: { 'application/json': infer B } } } } ? B : never;
const id = (n: number) => ({ path: { id: n } });

export const fetchWishes = (query: Partial<WishListQuery>) => unwrap(client.GET('/api/wishes', { params: { query: query as never } }));
export const fetchWish = (n: number) => unwrap(client.GET('/api/wishes/{id}', { params: id(n) }));
export type WishDetailView = Awaited<ReturnType<typeof fetchWish>>;
export const recordWish = (body: Body<'/api/wishes'>) => unwrap(client.POST('/api/wishes', { body }));
export const publishWish = (n: number, body: Body<'/api/wishes/{id}/publish'>) => unwrap(client.POST('/api/wishes/{id}/publish', { params: id(n), body }));
export const sendBackWish = (n: number, reason: string) => unwrap(client.POST('/api/wishes/{id}/send-back', { params: id(n), body: { reason } }));
export const withdrawWish = (n: number, reason: string) => unwrap(client.POST('/api/wishes/{id}/withdraw', { params: id(n), body: { reason } }));
export const recordWishClaim = (n: number, body: Body<'/api/wishes/{id}/claims'>) => unwrap(client.POST('/api/wishes/{id}/claims', { params: id(n), body }));
export const confirmWish = (n: number, thanks: string | null) => unwrap(client.POST('/api/wishes/{id}/confirm', { params: id(n), body: { thanks } }));
export const wishPhotoUrl = (n: number, photoId: number) => apiUrl('/api/wishes/{id}/photos/{photoId}', { id: n, photoId });

// The claimant's phone pages.
export const fetchMyWishes = () => unwrap(client.GET('/api/wishes/mine'));
export type MyWishes = Awaited<ReturnType<typeof fetchMyWishes>>;
export const claimWish = (n: number, body: Body<'/api/wishes/{id}/claim'>) => unwrap(client.POST('/api/wishes/{id}/claim', { params: id(n), body }));
export const fulfilWish = (n: number, note: string) => unwrap(client.POST('/api/wishes/{id}/fulfil', { params: id(n), body: { note } }));
export async function uploadWishPhotos(n: number, files: File[]) {
  if (files.length === 0) return null;
  const body = new FormData();
  for (const f of files.slice(0, 5)) body.append('photos', f);
  return unwrap(client.POST('/api/wishes/{id}/photos', { params: id(n), body: formBody(body) }));
}

// The resident's pages, without an account.
const code = (c: string) => ({ path: { code: c } });
export const fetchWishWall = (communityCode: string) => unwrap(client.GET('/api/public/communities/{code}/wishes', { params: code(communityCode) }));
export type WishWall = Awaited<ReturnType<typeof fetchWishWall>>;
export const fetchCommunityForm = (communityCode: string) => unwrap(client.GET('/api/public/communities/{code}', { params: code(communityCode) }));
export const raiseWish = (body: Body<'/api/public/wishes'>) => unwrap(client.POST('/api/public/wishes', { body }));
export const fetchTrackedWish = (c: string) => unwrap(client.GET('/api/public/wishes/{code}', { params: code(c) }));
export type TrackedWish = Awaited<ReturnType<typeof fetchTrackedWish>>;
export const confirmTrackedWish = (c: string, key: string, thanks: string | null) =>
  unwrap(client.POST('/api/public/wishes/{code}/confirm', { params: code(c), headers: { 'x-tracking-key': key }, body: { thanks } }));
export async function uploadRaisePhotos(c: string, key: string, files: File[]) {
  if (files.length === 0) return null;
  const body = new FormData();
  for (const f of files.slice(0, 5)) body.append('photos', f);
  return unwrap(client.POST('/api/public/wishes/{code}/photos', { params: code(c), headers: { 'x-tracking-key': key }, body: formBody(body) }));
}
export const trackedPhotoUrl = (c: string, photoId: number) => apiUrl('/api/public/wishes/{code}/photos/{photoId}', { code: c, photoId });
