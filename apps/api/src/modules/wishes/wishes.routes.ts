import { z } from 'zod';
import {
  claimWishSchema,
  confirmWishSchema,
  createWishSchema,
  fulfilWishSchema,
  idParamsSchema,
  idSchema,
  myWishListSchema,
  publishWishSchema,
  recordWishClaimSchema,
  wishDetailSchema,
  wishListQuerySchema,
  wishPageSchema,
  wishReasonSchema,
} from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { actorOf, type App } from '../../platform/http/types.js';
import { readUploadedFiles } from '../../platform/http/uploads.js';
import * as service from './wishes.service.js';
import * as claims from './claims.js';

/** 微心愿 for staff (list, check, publish, record) and for claimants on their phones (claim, fulfil, photos). */
export function wishesRoutes(app: App, ctx: AppContext): void {
  const tags = ['wishes'];
  const detail = { 200: wishDetailSchema };
  app.get(
    '/api/wishes',
    { config: { permission: 'wishes.read' }, schema: { tags, querystring: wishListQuerySchema, response: { 200: wishPageSchema } } },
    async (req) => service.listWishes(ctx, actorOf(req), req.query),
  );
  app.get('/api/wishes/mine', { config: { permission: 'wishes.claim' }, schema: { tags, response: { 200: myWishListSchema } } }, async (req) =>
    claims.myWishes(ctx, actorOf(req)),
  );
  app.get('/api/wishes/:id', { config: { permission: 'wishes.read' }, schema: { tags, params: idParamsSchema, response: detail } }, async (req) =>
    service.getWish(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/wishes',
    { config: { permission: 'wishes.record' }, schema: { tags, body: createWishSchema, response: { 201: wishDetailSchema } } },
    async (req, reply) => reply.status(201).send(await service.recordWish(ctx, actorOf(req), req.body)),
  );
  app.post(
    '/api/wishes/:id/publish',
    { config: { permission: 'wishes.write' }, schema: { tags, params: idParamsSchema, body: publishWishSchema, response: detail } },
    async (req) => service.publishWish(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/wishes/:id/send-back',
    { config: { permission: 'wishes.write' }, schema: { tags, params: idParamsSchema, body: wishReasonSchema, response: detail } },
    async (req) => service.sendBackOrWithdraw(ctx, actorOf(req), req.params.id, 'send_back', req.body.reason),
  );
  app.post(
    '/api/wishes/:id/withdraw',
    { config: { permission: 'wishes.write' }, schema: { tags, params: idParamsSchema, body: wishReasonSchema, response: detail } },
    async (req) => service.sendBackOrWithdraw(ctx, actorOf(req), req.params.id, 'withdraw', req.body.reason),
  );
  app.post(
    '/api/wishes/:id/claims',
    { config: { permission: 'wishes.write' }, schema: { tags, params: idParamsSchema, body: recordWishClaimSchema, response: detail } },
    async (req) => service.recordClaim(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/wishes/:id/confirm',
    { config: { permission: 'wishes.write' }, schema: { tags, params: idParamsSchema, body: confirmWishSchema, response: detail } },
    async (req) => service.confirmWish(ctx, actorOf(req), req.params.id, req.body.thanks ?? null),
  );
  app.post(
    '/api/wishes/:id/claim',
    { config: { permission: 'wishes.claim' }, schema: { tags, params: idParamsSchema, body: claimWishSchema, response: detail } },
    async (req) => claims.claimWish(ctx, actorOf(req), req.params.id, req.body),
  );
  // Staff (wishes.write) or one of the wish's claimants (wishes.claim): claims.ts decides.
  app.post(
    '/api/wishes/:id/fulfil',
    { config: { permission: 'policy' }, schema: { tags, params: idParamsSchema, body: fulfilWishSchema, response: detail } },
    async (req) => claims.fulfilWish(ctx, actorOf(req), req.params.id, req.body.note),
  );
  app.post(
    '/api/wishes/:id/photos',
    { config: { permission: 'policy' }, schema: { tags, params: idParamsSchema, consumes: ['multipart/form-data'], response: detail } },
    async (req) =>
      claims.addWishPhotos(
        ctx,
        actorOf(req),
        req.params.id,
        (await readUploadedFiles(req, 'photos')).map((f) => f.data),
      ),
  );
  app.get(
    '/api/wishes/:id/photos/:photoId',
    { config: { permission: 'policy' }, schema: { tags, params: z.object({ id: idSchema, photoId: idSchema }) } },
    async (req, reply) => {
      const p = await claims.wishPhoto(ctx, actorOf(req), req.params.id, req.params.photoId);
      return reply.type(p.mime).header('cache-control', 'private, max-age=86400').send(p.data);
    },
  );
}
