import crypto from 'node:crypto';
import { roleCan, type PhotoStage } from '@linli/contracts';
import type { AppContext } from '../../../platform/context.js';
import { authorize, type Actor } from '../../../platform/access/actor.js';
import { invalidField, notFound } from '../../../platform/errors.js';
import { recordStep } from '../record-step.js';
import { sniffImage, stripImageMetadata } from '../../../platform/files/image.js';
import * as repo from '../tickets.repository.js';
import { getTicket } from '../reading/tickets.service.js';

export const MAX_PHOTOS = 5;
export const MAX_PHOTO_MB = 10;

/** A helper or staff member adds photos (a door visit, a result): same rules; they must be able to see the ticket and work on it. */
export async function addStaffPhotos(ctx: AppContext, actor: Actor, id: number, files: Buffer[], stage: PhotoStage | null = null) {
  if (!roleCan(actor.role, 'tickets.intake')) authorize(actor, 'tickets.work');
  const t = await getTicket(ctx, actor, id);
  await storePhotos(ctx, { id: t.id, community_id: t.communityId }, files, actor, null, stage);
  return getTicket(ctx, actor, id);
}

/** Stores photos with their step; `stage` labels them as taken before or after the work (the worker's choice). */
export async function storePhotos(
  ctx: AppContext,
  t: { id: number; community_id: number },
  files: Buffer[],
  actor: Actor | null,
  channel: string | null,
  stage: PhotoStage | null = null,
) {
  const existing = (await repo.photoIds(ctx.db, t.id)).length;
  if (files.length === 0) throw invalidField('photos', 'required');
  if (existing + files.length > MAX_PHOTOS) throw invalidField('photos', 'too_many_files', { max: MAX_PHOTOS });
  const cleaned = files.map((f) => {
    if (f.length > MAX_PHOTO_MB * 1024 * 1024) throw invalidField('photos', 'file_too_large', { max: MAX_PHOTO_MB });
    const mime = sniffImage(f);
    if (!mime) throw invalidField('photos', 'invalid_image');
    try {
      return { mime, data: stripImageMetadata(f) };
    } catch {
      throw invalidField('photos', 'invalid_image');
    }
  });
  await ctx.db.transaction().execute(async (trx) => {
    for (const c of cleaned) {
      await repo.insertPhoto(trx, {
        community_id: t.community_id,
        ticket_id: t.id,
        mime: c.mime,
        size: c.data.length,
        sha256: crypto.createHash('sha256').update(c.data).digest('hex'),
        data: c.data,
        stage,
      });
    }
    await recordStep(trx, {
      communityId: t.community_id,
      ticketId: t.id,
      action: 'photos_added',
      actor,
      actorLabel: actor ? null : 'resident',
      channel,
      note: String(cleaned.length),
      isPublic: true,
      changes: { count: cleaned.length, ...(stage ? { stage } : {}) },
      data: stage ? { count: cleaned.length, stage } : null,
    });
  });
}

export async function staffPhoto(ctx: AppContext, actor: Actor, ticketId: number, photoId: number) {
  await getTicket(ctx, actor, ticketId);
  const p = await repo.findPhoto(ctx.db, ticketId, photoId);
  if (!p) throw notFound('photo');
  return p;
}
