import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import { confirmWishSchema, idSchema, publicRaiseWishSchema, publicWishListSchema, wishReceiptSchema, wishTrackingViewSchema } from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import type { App } from '../../platform/http/types.js';
import { readUploadedFiles } from '../../platform/http/uploads.js';
import * as pub from './public-wishes.js';

const codeParams = z.object({ code: z.string().trim().min(4).max(40) });
/** The link's key travels in a header (the page reads it from the fragment, which browsers never send). */
const keyOf = (r: FastifyRequest) => {
  const v = r.headers['x-tracking-key'];
  return (Array.isArray(v) ? v[0] : v)?.trim().slice(0, 200) || undefined;
};

/** Residents without an account: the wish wall, raising a wish, following and confirming it by its private link. */
export function publicWishRoutes(app: App, ctx: AppContext): void {
  const tags = ['public'];
  app.get(
    '/api/public/communities/:code/wishes',
    { config: { public: true }, schema: { tags, params: codeParams, response: { 200: publicWishListSchema } } },
    async (r) => pub.publicWall(ctx, r.params.code),
  );
  app.post(
    '/api/public/wishes',
    {
      config: { public: true, rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: { tags, body: publicRaiseWishSchema, response: { 201: wishReceiptSchema } },
    },
    async (r, reply) => reply.status(201).send(await pub.raisePublicWish(ctx, r.body)),
  );
  app.get(
    '/api/public/wishes/:code',
    { config: { public: true }, schema: { tags, params: codeParams, response: { 200: wishTrackingViewSchema } } },
    async (r) => pub.viewTrackedWish(ctx, r.params.code),
  );
  app.post(
    '/api/public/wishes/:code/confirm',
    {
      config: { public: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags, params: codeParams, body: confirmWishSchema, response: { 200: wishTrackingViewSchema } },
    },
    async (r) => pub.confirmTrackedWish(ctx, r.params.code, keyOf(r), r.body.thanks ?? null),
  );
  app.post(
    '/api/public/wishes/:code/photos',
    {
      config: { public: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags, params: codeParams, consumes: ['multipart/form-data'], response: { 200: wishTrackingViewSchema } },
    },
    async (r) =>
      pub.addRaisePhotos(
        ctx,
        r.params.code,
        keyOf(r),
        (await readUploadedFiles(r, 'photos')).map((f) => f.data),
      ),
  );
  app.get(
    '/api/public/wishes/:code/photos/:photoId',
    { config: { public: true }, schema: { tags, params: z.object({ code: z.string().trim().min(4).max(40), photoId: idSchema }) } },
    async (r, reply) => {
      const p = await pub.trackedPhoto(ctx, r.params.code, r.params.photoId);
      return reply.type(p.mime).header('cache-control', 'private, max-age=86400').send(p.data);
    },
  );
}
