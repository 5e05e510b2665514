import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import { idSchema, publicInfoSchema, publicRateSchema, publicTicketReceiptSchema, publicTicketSchema, publicTicketViewSchema } from '@linli/contracts';
import type { AppContext } from '../../../platform/context.js';
import type { App } from '../../../platform/http/types.js';
import { readUploadedFiles } from '../../../platform/http/uploads.js';
import * as pub from './public-tickets.js';
import { checkPublicReportLimits } from './public-report-limits.js';

const codeParams = z.object({ code: z.string().trim().min(4).max(40) });
/** The reporter's proof travels in headers (the key comes from the page's fragment, which is never sent by itself). */
const proofOf = (r: FastifyRequest) => {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim().slice(0, 200) || undefined;
  return { key: one(r.headers['x-tracking-key']), lastFour: one(r.headers['x-phone-last-four']) };
};

/** Residents without an account: submit, follow by tracking code, add information and photos, rate. */
export function publicTicketRoutes(app: App, ctx: AppContext): void {
  const ptags = ['public'];
  app.get(
    '/api/public/communities/:code',
    {
      config: { public: true },
      schema: {
        tags: ptags,
        params: codeParams,
        response: {
          200: z.object({
            name: z.string(),
            categories: z.array(z.object({ id: z.number(), nameZh: z.string(), nameEn: z.string() })),
            compounds: z.array(z.object({ id: z.number(), name: z.string() })),
          }),
        },
      },
    },
    async (r) => pub.publicCommunityForm(ctx, r.params.code),
  );
  app.post(
    '/api/public/tickets',
    {
      config: { public: true },
      preHandler: async (r) => checkPublicReportLimits(ctx, r.ip, r.body),
      schema: { tags: ptags, body: publicTicketSchema, response: { 201: publicTicketReceiptSchema } },
    },
    async (r, reply) => reply.status(201).send(await pub.submitPublicTicket(ctx, r.body, r.id)),
  );
  app.post(
    '/api/public/tickets/:code/photos',
    {
      config: { public: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags: ptags, params: codeParams, consumes: ['multipart/form-data'], response: { 200: publicTicketViewSchema } },
    },
    async (r) =>
      pub.addPublicPhotos(
        ctx,
        r.params.code,
        proofOf(r),
        (await readUploadedFiles(r, 'photos')).map((f) => f.data),
      ),
  );
  const photoParams = z.object({ code: z.string().trim().min(4).max(40), photoId: idSchema });
  app.get('/api/public/tickets/:code/photos/:photoId', { config: { public: true }, schema: { tags: ptags, params: photoParams } }, async (r, reply) => {
    const p = await pub.publicPhoto(ctx, r.params.code, r.params.photoId);
    return reply.type(p.mime).header('cache-control', 'private, max-age=86400').send(p.data);
  });
  app.get(
    '/api/public/tickets/:code',
    { config: { public: true }, schema: { tags: ptags, params: codeParams, response: { 200: publicTicketViewSchema } } },
    async (r) => pub.viewPublicTicket(ctx, r.params.code),
  );
  app.post(
    '/api/public/tickets/:code/info',
    {
      config: { public: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags: ptags, params: codeParams, body: publicInfoSchema, response: { 200: publicTicketViewSchema } },
    },
    async (r) => pub.addPublicInfo(ctx, r.params.code, proofOf(r), r.body.text),
  );
  app.post(
    '/api/public/tickets/:code/rate',
    {
      config: { public: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags: ptags, params: codeParams, body: publicRateSchema, response: { 200: publicTicketViewSchema } },
    },
    async (r) => pub.ratePublicTicket(ctx, r.params.code, proofOf(r), r.body.rating, r.body.comment),
  );
}
