import crypto from 'node:crypto';
import type { AppContext } from '../../platform/context.js';
import { sniffImage } from '../../platform/files/image.js';
import { findCommunityPhoto, MAX_PHOTO_MB, MAX_PHOTOS } from '../tickets/index.js';
import { Open311Error } from './format.js';

/**
 * Photos through Open311 (ADR 0033): a `media_url` is a signed link (photo id and an HMAC under the server's key), given
 * only to a reader who may see the request in full; the link itself needs no api_key, so a key never ends up in a URL.
 */
const signature = (ctx: AppContext, communityId: number, photoId: number) => ctx.pii.hash(`open311-media:${communityId}:${photoId}`).slice(0, 22);

export function mediaUrl(ctx: AppContext, base: string, communityId: number, photoId: number | null): string | null {
  return photoId ? `${base}/open311/v2/media/${photoId}-${signature(ctx, communityId, photoId)}.jpg` : null;
}

/** The photo a signed link names; 404 for anything else, a wrong signature included. */
export async function mediaFile(ctx: AppContext, file: string) {
  const m = /^(\d{1,15})-([\w-]{22})\.jpg$/.exec(file);
  const photo = m ? await findCommunityPhoto(ctx.db, Number(m[1])) : undefined;
  const expected = photo ? Buffer.from(signature(ctx, photo.community_id, photo.id)) : null;
  if (!m || !photo || !expected || !crypto.timingSafeEqual(expected, Buffer.from(m[2]!.padEnd(22).slice(0, 22)))) {
    throw new Open311Error(404, 404, 'media not found');
  }
  return { mime: photo.mime, data: photo.data };
}

/** Photos a client sent in the `media` field, checked before anything is written: JPEG or PNG, at most 5 of 10 MB. */
export function checkMedia(files: Buffer[]): Buffer[] {
  if (files.length > MAX_PHOTOS) throw new Open311Error(400, 400, `media: at most ${MAX_PHOTOS} files`);
  for (const f of files) {
    if (f.length > MAX_PHOTO_MB * 1024 * 1024) throw new Open311Error(400, 400, `media: each file at most ${MAX_PHOTO_MB} MB`);
    if (!sniffImage(f)) throw new Open311Error(400, 400, 'media: only JPEG or PNG photos are accepted');
  }
  return files;
}
