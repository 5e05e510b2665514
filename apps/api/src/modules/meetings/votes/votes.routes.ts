import { z } from 'zod';
import {
  ballotReceiptSchema,
  castPhoneVoteSchema,
  createVoteSchema,
  idParamsSchema,
  idSchema,
  publicVoteListSchema,
  issuedVoteLinksSchema,
  issueVoteLinksSchema,
  paperBallotSchema,
  voteActionSchema,
  voteListQuerySchema,
  voteListSchema,
  voteLinkSchema,
  voteNoticeSchema,
  voterListQuerySchema,
  voterListSchema,
  voterPageSchema,
  voteSchema,
} from '@linli/contracts';
import type { AppContext } from '../../../platform/context.js';
import { actorOf, type App } from '../../../platform/http/types.js';
import * as service from './votes.service.js';
import * as ballots from './ballots.service.js';
import { voteActions } from './vote-state.js';
import { publishedVotes } from './public-votes.js';

const actionParams = idParamsSchema.extend({ action: z.enum(voteActions) });

/** 表决 (ADR 0046): staff draft, open, close and publish; voters vote by their private link; anyone reads the 公示. */
export function votesRoutes(app: App, ctx: AppContext): void {
  const tags = ['votes'];
  app.get(
    '/api/votes',
    { config: { permission: 'votes.read' }, schema: { tags, querystring: voteListQuerySchema, response: { 200: voteListSchema } } },
    async (req) => service.listVotes(ctx, actorOf(req), req.query),
  );
  app.post(
    '/api/votes',
    { config: { permission: 'votes.write' }, schema: { tags, body: createVoteSchema, response: { 201: voteSchema } } },
    async (req, reply) => reply.status(201).send(await service.createVote(ctx, actorOf(req), req.body)),
  );
  app.get('/api/votes/:id', { config: { permission: 'votes.read' }, schema: { tags, params: idParamsSchema, response: { 200: voteSchema } } }, async (req) =>
    service.getVote(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/votes/:id/:action',
    { config: { permission: 'votes.write' }, schema: { tags, params: actionParams, body: voteActionSchema, response: { 200: voteSchema } } },
    async (req) => service.changeVoteStatus(ctx, actorOf(req), req.params.id, req.params.action, req.body.note),
  );
  app.get(
    '/api/votes/:id/voters',
    { config: { permission: 'votes.read' }, schema: { tags, params: idParamsSchema, querystring: voterListQuerySchema, response: { 200: voterListSchema } } },
    async (req) => ballots.listVoters(ctx, actorOf(req), req.params.id, req.query),
  );
  app.post(
    '/api/votes/:id/links',
    { config: { permission: 'votes.write' }, schema: { tags, params: idParamsSchema, body: issueVoteLinksSchema, response: { 201: issuedVoteLinksSchema } } },
    async (req, reply) => reply.status(201).send(await ballots.issueVoteLinks(ctx, actorOf(req), req.params.id, req.body.voterIds)),
  );
  app.post(
    '/api/votes/:id/paper-ballots',
    { config: { permission: 'votes.ballots' }, schema: { tags, params: idParamsSchema, body: paperBallotSchema, response: { 201: ballotReceiptSchema } } },
    async (req, reply) => reply.status(201).send(await ballots.enterPaperBallot(ctx, actorOf(req), req.params.id, req.body)),
  );
  // The voter's phone: no login; the key comes in the body (from the page's URL fragment), never in a URL.
  app.post(
    '/api/votes/ballot/view',
    { config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } }, schema: { tags, body: voteLinkSchema, response: { 200: voterPageSchema } } },
    async (req) => ballots.voterPage(ctx, req.body.key),
  );
  app.post(
    '/api/votes/ballot',
    {
      config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags, body: castPhoneVoteSchema, response: { 200: ballotReceiptSchema } },
    },
    async (req) => ballots.castPhoneVote(ctx, req.body.key, req.body.choice),
  );
  app.get(
    '/api/public/communities/:code/votes',
    {
      config: { public: true },
      schema: {
        tags: ['public'],
        params: z.object({ code: z.string().trim().min(1).max(40) }),
        querystring: z.object({ compoundId: idSchema.optional() }),
        response: { 200: publicVoteListSchema },
      },
    },
    async (req) => publishedVotes(ctx, req.params.code, req.query.compoundId),
  );
  app.get('/api/votes/:id/notice', { config: { public: true }, schema: { tags, params: idParamsSchema, response: { 200: voteNoticeSchema } } }, async (req) =>
    ballots.voteNotice(ctx, req.params.id),
  );
}
