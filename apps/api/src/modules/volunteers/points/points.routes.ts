import { z } from 'zod';
import {
  adjustPointsSchema,
  cancelRedemptionSchema,
  confirmRedemptionSchema,
  createPerkSchema,
  idParamsSchema,
  idSchema,
  issuedRedemptionSchema,
  myPointsSchema,
  perkListQuerySchema,
  perkListSchema,
  perkSchema,
  pointsBalanceSchema,
  pointsRulesSchema,
  pointsStatementQuerySchema,
  pointsStatementSchema,
  redeemPerkSchema,
  redemptionListQuerySchema,
  redemptionListSchema,
  redemptionSchema,
  updatePerkSchema,
  updatePointsRulesSchema,
} from '@linli/contracts';
import type { AppContext } from '../../../platform/context.js';
import { actorOf, type App } from '../../../platform/http/types.js';
import * as points from './points.service.js';
import * as perks from './perks.service.js';
import * as redemptions from './redemptions.service.js';

const communityQuery = z.object({ communityId: idSchema.optional() });
const balanceQuery = z.object({ volunteerId: idSchema.optional(), communityId: idSchema.optional() });
const monthQuery = z.object({ month: pointsStatementQuerySchema.shape.month });
const adjusted = pointsBalanceSchema.extend({ entryId: z.number().int() });

export function pointsRoutes(app: App, ctx: AppContext): void {
  const tags = ['points'];
  app.get(
    '/api/points/rules',
    { config: { permission: 'perks.read' }, schema: { tags, querystring: communityQuery, response: { 200: pointsRulesSchema } } },
    async (req) => points.getPointsRules(ctx, actorOf(req), req.query.communityId),
  );
  app.put(
    '/api/points/rules',
    { config: { permission: 'points.configure' }, schema: { tags, body: updatePointsRulesSchema, response: { 200: pointsRulesSchema } } },
    async (req) => points.savePointsRules(ctx, actorOf(req), req.body),
  );
  app.get(
    '/api/points/balance',
    { config: { permission: 'perks.read' }, schema: { tags, querystring: balanceQuery, response: { 200: pointsBalanceSchema } } },
    async (req) => points.getBalance(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/points/statement',
    { config: { permission: 'perks.read' }, schema: { tags, querystring: pointsStatementQuerySchema, response: { 200: pointsStatementSchema } } },
    async (req) => points.getStatement(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/points/me',
    { config: { permission: 'points.own' }, schema: { tags, querystring: monthQuery, response: { 200: myPointsSchema } } },
    async (req) => points.myPoints(ctx, actorOf(req), req.query.month),
  );
  app.post(
    '/api/points/adjustments',
    { config: { permission: 'points.adjust' }, schema: { tags, body: adjustPointsSchema, response: { 201: adjusted } } },
    async (req, reply) => reply.status(201).send(await points.adjustPoints(ctx, actorOf(req), req.body)),
  );

  const perkTags = ['perks'];
  app.get(
    '/api/perks',
    { config: { permission: 'perks.read' }, schema: { tags: perkTags, querystring: perkListQuerySchema, response: { 200: perkListSchema } } },
    async (req) => perks.listPerks(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/perks/:id',
    { config: { permission: 'perks.read' }, schema: { tags: perkTags, params: idParamsSchema, querystring: communityQuery, response: { 200: perkSchema } } },
    async (req) => perks.getPerk(ctx, actorOf(req), req.params.id, req.query.communityId),
  );
  app.post(
    '/api/perks',
    { config: { permission: 'perks.write' }, schema: { tags: perkTags, body: createPerkSchema, response: { 201: perkSchema } } },
    async (req, reply) => reply.status(201).send(await perks.createPerk(ctx, actorOf(req), req.body)),
  );
  app.patch(
    '/api/perks/:id',
    {
      config: { permission: 'perks.write' },
      schema: { tags: perkTags, params: idParamsSchema, body: updatePerkSchema.extend({ communityId: idSchema.optional() }), response: { 200: perkSchema } },
    },
    async (req) => perks.updatePerk(ctx, actorOf(req), req.params.id, req.body),
  );

  const rTags = ['redemptions'];
  app.get(
    '/api/redemptions',
    { config: { permission: 'redemptions.read' }, schema: { tags: rTags, querystring: redemptionListQuerySchema, response: { 200: redemptionListSchema } } },
    async (req) => redemptions.listRedemptions(ctx, actorOf(req), req.query),
  );
  app.post(
    '/api/redemptions',
    { config: { permission: 'redemptions.redeem' }, schema: { tags: rTags, body: redeemPerkSchema, response: { 201: issuedRedemptionSchema } } },
    async (req, reply) => reply.status(201).send(await redemptions.redeemPerk(ctx, actorOf(req), req.body.perkId)),
  );
  // 核销: the merchant types the code; limited so codes cannot be guessed by trying.
  app.post(
    '/api/redemptions/confirm',
    {
      config: { permission: 'redemptions.confirm', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: { tags: rTags, body: confirmRedemptionSchema, response: { 200: redemptionSchema } },
    },
    async (req) => redemptions.confirmRedemption(ctx, actorOf(req), req.body.code),
  );
  app.post(
    '/api/redemptions/:id/cancel',
    {
      config: { permission: 'redemptions.cancel' },
      schema: { tags: rTags, params: idParamsSchema, body: cancelRedemptionSchema, response: { 200: redemptionSchema } },
    },
    async (req) => redemptions.cancelRedemption(ctx, actorOf(req), req.params.id, req.body.reason),
  );
}
