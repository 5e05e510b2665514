import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Activity } from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { authorize, type Actor } from '../../platform/access/actor.js';
import { AppError, invalidField, notFound } from '../../platform/errors.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { sniffImage, stripImageMetadata } from '../../platform/files/image.js';
import { absoluteFilePath, writeStoredFile } from '../../platform/files/storage.js';
import type { CommunityId } from '../../platform/db/scope.js';
import * as repo from './activities.repository.js';
import { activityOf, getActivity } from './activities.service.js';

export const MAX_ACTIVITY_PHOTOS = 9;
const MAX_PHOTO_MB = 10;
/** A photo's name as the API shows it: the first 24 hex digits of its SHA-256 and its type (the stored path's last part, as the presenter shows it). */
const photoName = (stored: string) => stored.slice(stored.lastIndexOf('/') + 1);

/**
 * Photos of an activity once held (JPG or PNG, metadata such as the place stripped), kept under the files folder like
 * care visits' (ADR 0021). Up to nine; a second upload of the same picture is kept once. Audited.
 */
export async function addActivityPhotos(ctx: AppContext, actor: Actor, id: number, files: Buffer[]): Promise<Activity> {
  authorize(actor, 'activities.attendance');
  const { row, cid } = await activityOf(ctx, actor, id);
  if (row.status !== 'held' && row.status !== 'reported') throw new AppError('INVALID_STATE', `activity is ${row.status}`);
  const existing = row.photos ?? [];
  if (files.length === 0) throw invalidField('photos', 'required');
  if (existing.length + files.length > MAX_ACTIVITY_PHOTOS) throw invalidField('photos', 'too_many_files', { max: MAX_ACTIVITY_PHOTOS });
  const cleaned = files.map((f) => {
    if (f.length > MAX_PHOTO_MB * 1024 * 1024) throw invalidField('photos', 'file_too_large', { max: MAX_PHOTO_MB });
    const mime = sniffImage(f);
    if (!mime) throw invalidField('photos', 'invalid_image');
    try {
      return { ext: mime === 'image/png' ? 'png' : 'jpg', data: stripImageMetadata(f) };
    } catch {
      throw invalidField('photos', 'invalid_image');
    }
  });
  const added = await storeActivityPhotos(ctx, cid, id, cleaned);
  const photos = [...new Set([...existing, ...added])];
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateActivity(trx, cid, id, { photos: JSON.stringify(photos) });
    await repo.addEvent(trx, cid, { activityId: id, kind: 'photos_added', actorId: actor.accountId, note: String(added.length) });
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'activity.photos_added',
      entityType: 'activity',
      entityId: id,
      changes: { photos: { from: existing.length, to: photos.length } },
    });
  });
  return getActivity(ctx, actor, id);
}

/** Writes cleaned photos under activities/<community>/<activity>/ and answers their relative paths. */
export async function storeActivityPhotos(ctx: AppContext, cid: CommunityId, id: number, photos: Array<{ ext: string; data: Buffer }>) {
  const paths: string[] = [];
  for (const p of photos) {
    const name = `activities/${cid}/${id}/${crypto.createHash('sha256').update(p.data).digest('hex').slice(0, 24)}.${p.ext}`;
    paths.push(await writeStoredFile(ctx.config, name, async (tmp) => fs.promises.writeFile(tmp, p.data)));
  }
  return paths;
}

/** One photo of a row by its name, or 404 (a name of another activity, or none). */
export async function readActivityPhoto(ctx: AppContext, row: { photos: string[] | null }, name: string) {
  // Only a name the row lists is read: the folder and the path never come from the request.
  const stored = (row.photos ?? []).find((p) => photoName(p) === name);
  if (!stored) throw notFound('photo');
  const data = await fs.promises.readFile(absoluteFilePath(ctx.config, stored)).catch(() => {
    throw notFound('photo');
  });
  return { mime: name.endsWith('.png') ? 'image/png' : 'image/jpeg', data };
}

export async function activityPhoto(ctx: AppContext, actor: Actor, id: number, name: string) {
  authorize(actor, 'activities.read');
  return readActivityPhoto(ctx, (await activityOf(ctx, actor, id)).row, name);
}
