import {
  accountListQuerySchema,
  accountPageSchema,
  accountSchema,
  addTeamMemberSchema,
  archiveSchema,
  createAccountSchema,
  createPartyMemberSchema,
  createStationSchema,
  createTeamSchema,
  idParamsSchema,
  okSchema,
  partyMemberListQuerySchema,
  partyMemberPageSchema,
  partyMemberSchema,
  resetPasswordSchema,
  stationListQuerySchema,
  stationPageSchema,
  stationSchema,
  teamDetailSchema,
  teamListQuerySchema,
  teamMemberParamsSchema,
  teamPageSchema,
  updateAccountSchema,
  updatePartyMemberSchema,
  updateStationSchema,
  updateTeamSchema,
} from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { actorOf, type App } from '../../platform/http/types.js';
import * as service from './people.service.js';
import * as accounts from './accounts.service.js';
import { firstAdminRoutes } from './first-admin.routes.js';

export function peopleRoutes(app: App, ctx: AppContext): void {
  const tags = ['people'];
  firstAdminRoutes(app, ctx);

  app.get(
    '/api/party-members',
    { config: { permission: 'people.read' }, schema: { tags, querystring: partyMemberListQuerySchema, response: { 200: partyMemberPageSchema } } },
    async (req) => service.listPartyMembers(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/party-members/:id',
    { config: { permission: 'people.read' }, schema: { tags, params: idParamsSchema, response: { 200: partyMemberSchema } } },
    async (req) => service.getPartyMember(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/party-members',
    { config: { permission: 'people.write' }, schema: { tags, body: createPartyMemberSchema, response: { 201: partyMemberSchema } } },
    async (req, reply) => reply.status(201).send(await service.createPartyMember(ctx, actorOf(req), req.body)),
  );
  app.patch(
    '/api/party-members/:id',
    { config: { permission: 'people.write' }, schema: { tags, params: idParamsSchema, body: updatePartyMemberSchema, response: { 200: partyMemberSchema } } },
    async (req) => service.updatePartyMember(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/party-members/:id/archive',
    { config: { permission: 'people.write' }, schema: { tags, params: idParamsSchema, body: archiveSchema, response: { 200: partyMemberSchema } } },
    async (req) => service.archivePartyMember(ctx, actorOf(req), req.params.id, req.body.reason),
  );

  app.get(
    '/api/teams',
    { config: { permission: 'people.read' }, schema: { tags, querystring: teamListQuerySchema, response: { 200: teamPageSchema } } },
    async (req) => service.listTeams(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/teams/:id',
    { config: { permission: 'people.read' }, schema: { tags, params: idParamsSchema, response: { 200: teamDetailSchema } } },
    async (req) => service.getTeam(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/teams',
    { config: { permission: 'people.write' }, schema: { tags, body: createTeamSchema, response: { 201: teamDetailSchema } } },
    async (req, reply) => reply.status(201).send(await service.createTeam(ctx, actorOf(req), req.body)),
  );
  app.patch(
    '/api/teams/:id',
    { config: { permission: 'people.write' }, schema: { tags, params: idParamsSchema, body: updateTeamSchema, response: { 200: teamDetailSchema } } },
    async (req) => service.updateTeam(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/teams/:id/members',
    { config: { permission: 'people.write' }, schema: { tags, params: idParamsSchema, body: addTeamMemberSchema, response: { 201: teamDetailSchema } } },
    async (req, reply) => reply.status(201).send(await service.addTeamMember(ctx, actorOf(req), req.params.id, req.body)),
  );
  app.post(
    '/api/teams/:id/members/:memberId/leave',
    { config: { permission: 'people.write' }, schema: { tags, params: teamMemberParamsSchema, response: { 200: teamDetailSchema } } },
    async (req) => service.leaveTeam(ctx, actorOf(req), req.params.id, req.params.memberId),
  );

  app.get(
    '/api/stations',
    { config: { permission: 'people.read' }, schema: { tags, querystring: stationListQuerySchema, response: { 200: stationPageSchema } } },
    async (req) => service.listStations(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/stations/:id',
    { config: { permission: 'people.read' }, schema: { tags, params: idParamsSchema, response: { 200: stationSchema } } },
    async (req) => service.getStation(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/stations',
    { config: { permission: 'people.write' }, schema: { tags, body: createStationSchema, response: { 201: stationSchema } } },
    async (req, reply) => reply.status(201).send(await service.createStation(ctx, actorOf(req), req.body)),
  );
  app.patch(
    '/api/stations/:id',
    { config: { permission: 'people.write' }, schema: { tags, params: idParamsSchema, body: updateStationSchema, response: { 200: stationSchema } } },
    async (req) => service.updateStation(ctx, actorOf(req), req.params.id, req.body),
  );

  const accountTags = ['accounts'];
  app.get(
    '/api/accounts',
    { config: { permission: 'accounts.read' }, schema: { tags: accountTags, querystring: accountListQuerySchema, response: { 200: accountPageSchema } } },
    async (req) => accounts.listAccounts(ctx, actorOf(req), req.query),
  );
  app.post(
    '/api/accounts',
    { config: { permission: 'accounts.manage' }, schema: { tags: accountTags, body: createAccountSchema, response: { 201: accountSchema } } },
    async (req, reply) => reply.status(201).send(await accounts.createAccount(ctx, actorOf(req), req.body)),
  );
  app.patch(
    '/api/accounts/:id',
    {
      config: { permission: 'accounts.manage' },
      schema: { tags: accountTags, params: idParamsSchema, body: updateAccountSchema, response: { 200: accountSchema } },
    },
    async (req) => accounts.updateAccount(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/accounts/:id/unlock',
    { config: { permission: 'accounts.manage' }, schema: { tags: accountTags, params: idParamsSchema, response: { 200: accountSchema } } },
    async (req) => accounts.unlockAccount(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/accounts/:id/reset-password',
    {
      config: { permission: 'accounts.manage' },
      schema: { tags: accountTags, params: idParamsSchema, body: resetPasswordSchema, response: { 200: okSchema } },
    },
    async (req) => {
      await accounts.resetPassword(ctx, actorOf(req), req.params.id, req.body);
      return { ok: true as const };
    },
  );
}
