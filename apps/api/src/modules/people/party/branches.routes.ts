import {
  addPartyBranchMemberSchema,
  createPartyBranchSchema,
  idParamsSchema,
  partyBranchListSchema,
  partyBranchSchema,
  partyCommunityQuerySchema,
} from '@linli/contracts';
import type { AppContext } from '../../../platform/context.js';
import { actorOf, type App } from '../../../platform/http/types.js';
import * as branches from './branches.service.js';

/** Compound party branches (小区党支部, ADR 0043) at /api/party-branches. */
export function partyBranchRoutes(app: App, ctx: AppContext): void {
  const tags = ['party'];
  app.get(
    '/api/party-branches',
    { config: { permission: 'party.read' }, schema: { tags, querystring: partyCommunityQuerySchema, response: { 200: partyBranchListSchema } } },
    async (req) => branches.listBranches(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/party-branches/:id',
    { config: { permission: 'party.read' }, schema: { tags, params: idParamsSchema, response: { 200: partyBranchSchema } } },
    async (req) => branches.getBranch(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/party-branches',
    { config: { permission: 'party.write' }, schema: { tags, body: createPartyBranchSchema, response: { 201: partyBranchSchema } } },
    async (req, reply) => reply.status(201).send(await branches.createBranch(ctx, actorOf(req), req.body)),
  );
  app.post(
    '/api/party-branches/:id/members',
    { config: { permission: 'party.write' }, schema: { tags, params: idParamsSchema, body: addPartyBranchMemberSchema, response: { 200: partyBranchSchema } } },
    async (req) => branches.addBranchMember(ctx, actorOf(req), req.params.id, req.body),
  );
}
