import {
  archiveSchema,
  claimParamsSchema,
  claimPioneerPostSchema,
  createPartyAreaSchema,
  createPartyPairingSchema,
  createPartyReportSchema,
  createPioneerPostSchema,
  endPartyLinkSchema,
  idParamsSchema,
  leavePostSchema,
  logPartyServiceSchema,
  partyServiceEntrySchema,
  memberLinkParamsSchema,
  partyAreaSchema,
  partyBelowFloorListSchema,
  partyPeriodQuerySchema,
  partyCommunityQuerySchema,
  partyMemberWorkSchema,
  partyPairingSchema,
  partyReportDueListSchema,
  partyReportDueQuerySchema,
  partyReportListQuerySchema,
  partyReportPageSchema,
  partyReportSchema,
  partySettingsSchema,
  pioneerPostClaimListSchema,
  pioneerPostClaimSchema,
  pioneerPostListQuerySchema,
  pioneerPostPageSchema,
  pioneerPostSchema,
  updatePartySettingsSchema,
  updatePioneerPostSchema,
} from '@linli/contracts';
import type { AppContext } from '../../../platform/context.js';
import { actorOf, type App } from '../../../platform/http/types.js';
import * as reports from './reports.service.js';
import * as posts from './posts.service.js';
import * as links from './links.service.js';
import { logPartyService } from './service-log.service.js';

/** Party members' service (issue 10, ADR 0043): 双报到 under /api/party-members/…, pioneer posts at /api/pioneer-posts. */
export function partyRoutes(app: App, ctx: AppContext): void {
  const tags = ['party'];
  app.get(
    '/api/party-members/reports',
    { config: { permission: 'party.read' }, schema: { tags, querystring: partyReportListQuerySchema, response: { 200: partyReportPageSchema } } },
    async (req) => reports.listReports(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/party-members/reports/due',
    { config: { permission: 'party.write' }, schema: { tags, querystring: partyReportDueQuerySchema, response: { 200: partyReportDueListSchema } } },
    async (req) => reports.listReportsDue(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/party-members/below-floor',
    { config: { permission: 'party.write' }, schema: { tags, querystring: partyPeriodQuerySchema, response: { 200: partyBelowFloorListSchema } } },
    async (req) => reports.listBelowFloor(ctx, actorOf(req), req.query),
  );
  app.post(
    '/api/party-members/:id/reports',
    { config: { permission: 'party.write' }, schema: { tags, params: idParamsSchema, body: createPartyReportSchema, response: { 201: partyReportSchema } } },
    async (req, reply) => reply.status(201).send(await reports.reportIn(ctx, actorOf(req), req.params.id, req.body)),
  );
  app.get(
    '/api/party-members/party-settings',
    { config: { permission: 'party.read' }, schema: { tags, querystring: partyCommunityQuerySchema, response: { 200: partySettingsSchema } } },
    async (req) => reports.getPartySettings(ctx, actorOf(req), req.query.communityId),
  );
  app.put(
    '/api/party-members/party-settings',
    { config: { permission: 'party.write' }, schema: { tags, body: updatePartySettingsSchema, response: { 200: partySettingsSchema } } },
    async (req) => reports.updatePartySettings(ctx, actorOf(req), req.body),
  );

  app.get('/api/party-members/me/work', { config: { permission: 'party.serve' }, schema: { tags, response: { 200: partyMemberWorkSchema } } }, async (req) =>
    links.memberWork(ctx, actorOf(req), undefined),
  );
  app.get(
    '/api/party-members/:id/work',
    { config: { permission: 'party.read' }, schema: { tags, params: idParamsSchema, response: { 200: partyMemberWorkSchema } } },
    async (req) => links.memberWork(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/party-members/:id/areas',
    { config: { permission: 'party.write' }, schema: { tags, params: idParamsSchema, body: createPartyAreaSchema, response: { 201: partyAreaSchema } } },
    async (req, reply) => reply.status(201).send(await links.addPartyArea(ctx, actorOf(req), req.params.id, req.body)),
  );
  app.post(
    '/api/party-members/:id/areas/:linkId/end',
    {
      config: { permission: 'party.write' },
      schema: { tags, params: memberLinkParamsSchema, body: endPartyLinkSchema, response: { 200: partyMemberWorkSchema } },
    },
    async (req) => links.endPartyLink(ctx, actorOf(req), 'area', req.params.id, req.params.linkId, req.body),
  );
  app.post(
    '/api/party-members/:id/pairings',
    { config: { permission: 'party.write' }, schema: { tags, params: idParamsSchema, body: createPartyPairingSchema, response: { 201: partyPairingSchema } } },
    async (req, reply) => reply.status(201).send(await links.addPartyPairing(ctx, actorOf(req), req.params.id, req.body)),
  );
  app.post(
    '/api/party-members/:id/pairings/:linkId/end',
    {
      config: { permission: 'party.write' },
      schema: { tags, params: memberLinkParamsSchema, body: endPartyLinkSchema, response: { 200: partyMemberWorkSchema } },
    },
    async (req) => links.endPartyLink(ctx, actorOf(req), 'pairing', req.params.id, req.params.linkId, req.body),
  );
  app.post(
    '/api/party-members/:id/service',
    {
      config: { permission: 'party.serve' },
      schema: { tags, params: idParamsSchema, body: logPartyServiceSchema, response: { 201: partyServiceEntrySchema } },
    },
    async (req, reply) => reply.status(201).send(await logPartyService(ctx, actorOf(req), req.params.id, req.body)),
  );

  app.get(
    '/api/pioneer-posts',
    { config: { permission: 'party.read' }, schema: { tags, querystring: pioneerPostListQuerySchema, response: { 200: pioneerPostPageSchema } } },
    async (req) => posts.listPioneerPosts(ctx, actorOf(req), req.query),
  );
  app.get('/api/pioneer-posts/mine', { config: { permission: 'party.serve' }, schema: { tags, response: { 200: pioneerPostClaimListSchema } } }, async (req) =>
    posts.myPioneerPosts(ctx, actorOf(req)),
  );
  app.get(
    '/api/pioneer-posts/:id',
    { config: { permission: 'party.read' }, schema: { tags, params: idParamsSchema, response: { 200: pioneerPostSchema } } },
    async (req) => posts.getPioneerPost(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/pioneer-posts',
    { config: { permission: 'party.write' }, schema: { tags, body: createPioneerPostSchema, response: { 201: pioneerPostSchema } } },
    async (req, reply) => reply.status(201).send(await posts.createPioneerPost(ctx, actorOf(req), req.body)),
  );
  app.patch(
    '/api/pioneer-posts/:id',
    { config: { permission: 'party.write' }, schema: { tags, params: idParamsSchema, body: updatePioneerPostSchema, response: { 200: pioneerPostSchema } } },
    async (req) => posts.updatePioneerPost(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/pioneer-posts/:id/archive',
    { config: { permission: 'party.write' }, schema: { tags, params: idParamsSchema, body: archiveSchema, response: { 200: pioneerPostSchema } } },
    async (req) => posts.archivePioneerPost(ctx, actorOf(req), req.params.id, req.body.reason),
  );
  app.get(
    '/api/pioneer-posts/:id/claims',
    { config: { permission: 'party.read' }, schema: { tags, params: idParamsSchema, response: { 200: pioneerPostClaimListSchema } } },
    async (req) => posts.listPostClaims(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/pioneer-posts/:id/claims',
    {
      config: { permission: 'party.serve' },
      schema: { tags, params: idParamsSchema, body: claimPioneerPostSchema, response: { 201: pioneerPostClaimSchema } },
    },
    async (req, reply) => reply.status(201).send(await posts.claimPioneerPost(ctx, actorOf(req), req.params.id, req.body)),
  );
  app.post(
    '/api/pioneer-posts/:id/claims/:claimId/leave',
    { config: { permission: 'party.serve' }, schema: { tags, params: claimParamsSchema, body: leavePostSchema, response: { 200: pioneerPostClaimSchema } } },
    async (req) => posts.leavePioneerPost(ctx, actorOf(req), req.params.id, req.params.claimId, req.body.reason ?? null),
  );
}
