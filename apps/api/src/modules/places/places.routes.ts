import { z } from 'zod';
import {
  accessLogListSchema,
  archiveSchema,
  auditListSchema,
  auditQuerySchema,
  buildingSchema,
  communityListSchema,
  communitySchema,
  compoundSchema,
  createBuildingSchema,
  createCompoundSchema,
  createGridSchema,
  createHouseholdSchema,
  createResidentSchema,
  createUnitSchema,
  createTagSchema,
  tagDefinitionSchema,
  tagDictionarySchema,
  gridSchema,
  updateGridSchema,
  householdSchema,
  idParamsSchema,
  idSchema,
  importJobSchema,
  pageOf,
  residentListQuerySchema,
  residentPiiSchema,
  residentSchema,
  scopeQuerySchema,
  setBuildingHeadsSchema,
  unitSchema,
  updateBuildingSchema,
  updateCompoundSchema,
  updateResidentSchema,
} from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { actorOf, type App } from '../../platform/http/types.js';
import { readUploadedFiles } from '../../platform/http/uploads.js';
import * as service from './places.service.js';
import * as residents from './residents.service.js';
import * as history from './history.service.js';
import * as imports from './import.service.js';
import * as grids from './grids.service.js';
import * as tagDictionary from './tags.service.js';
import { listBuildingHeadAccounts, setBuildingHeads } from './building-heads.service.js';

const items = <T extends z.ZodType>(s: T) => z.object({ items: z.array(s) });

export function placesRoutes(app: App, ctx: AppContext): void {
  const tags = ['places'];
  app.get('/api/communities', { config: { permission: 'authenticated' }, schema: { tags, response: { 200: communityListSchema } } }, async (req) => ({
    items: await service.listCommunities(ctx, actorOf(req)),
  }));
  app.get(
    '/api/communities/:id',
    { config: { permission: 'authenticated' }, schema: { tags, params: idParamsSchema, response: { 200: communitySchema } } },
    async (req) => service.getCommunity(ctx, actorOf(req), req.params.id),
  );

  app.get(
    '/api/grids',
    { config: { permission: 'places.read' }, schema: { tags, querystring: scopeQuerySchema, response: { 200: items(gridSchema) } } },
    async (req) => ({
      items: await grids.listGrids(ctx, actorOf(req), req.query.communityId),
    }),
  );
  app.post(
    '/api/grids',
    { config: { permission: 'places.write' }, schema: { tags, body: createGridSchema, response: { 201: gridSchema } } },
    async (req, reply) => reply.status(201).send(await grids.createGrid(ctx, actorOf(req), req.body)),
  );
  app.patch(
    '/api/grids/:id',
    { config: { permission: 'places.write' }, schema: { tags, params: idParamsSchema, body: updateGridSchema, response: { 200: gridSchema } } },
    async (req) => grids.updateGrid(ctx, actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/compounds',
    { config: { permission: 'places.read' }, schema: { tags, querystring: scopeQuerySchema, response: { 200: items(compoundSchema) } } },
    async (req) => ({
      items: await service.listCompounds(ctx, actorOf(req), req.query.communityId),
    }),
  );
  app.get(
    '/api/compounds/:id',
    { config: { permission: 'places.read' }, schema: { tags, params: idParamsSchema, response: { 200: compoundSchema } } },
    async (req) => service.getCompound(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/compounds',
    { config: { permission: 'places.write' }, schema: { tags, body: createCompoundSchema, response: { 201: compoundSchema } } },
    async (req, reply) => reply.status(201).send(await service.createCompound(ctx, actorOf(req), req.body)),
  );
  app.patch(
    '/api/compounds/:id',
    { config: { permission: 'places.write' }, schema: { tags, params: idParamsSchema, body: updateCompoundSchema, response: { 200: compoundSchema } } },
    async (req) => service.updateCompound(ctx, actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/buildings',
    { config: { permission: 'places.read' }, schema: { tags, querystring: z.object({ compoundId: idSchema }), response: { 200: items(buildingSchema) } } },
    async (req) => ({
      items: await service.listBuildings(ctx, actorOf(req), req.query.compoundId),
    }),
  );
  app.post(
    '/api/buildings',
    { config: { permission: 'places.write' }, schema: { tags, body: createBuildingSchema, response: { 201: buildingSchema } } },
    async (req, reply) => reply.status(201).send(await service.createBuilding(ctx, actorOf(req), req.body)),
  );
  app.patch(
    '/api/buildings/:id',
    { config: { permission: 'places.write' }, schema: { tags, params: idParamsSchema, body: updateBuildingSchema, response: { 200: buildingSchema } } },
    async (req) => service.updateBuilding(ctx, actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/building-heads/accounts',
    {
      config: { permission: 'places.write' },
      schema: { tags, querystring: scopeQuerySchema, response: { 200: items(z.object({ id: z.number(), name: z.string() })) } },
    },
    async (req) => ({
      items: await listBuildingHeadAccounts(ctx, actorOf(req), req.query.communityId),
    }),
  );
  app.put(
    '/api/buildings/:id/heads',
    { config: { permission: 'places.write' }, schema: { tags, params: idParamsSchema, body: setBuildingHeadsSchema, response: { 200: buildingSchema } } },
    async (req) => setBuildingHeads(ctx, actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/units',
    { config: { permission: 'places.read' }, schema: { tags, querystring: z.object({ buildingId: idSchema }), response: { 200: items(unitSchema) } } },
    async (req) => ({
      items: await service.listUnits(ctx, actorOf(req), req.query.buildingId),
    }),
  );
  app.post(
    '/api/units',
    { config: { permission: 'places.write' }, schema: { tags, body: createUnitSchema, response: { 201: unitSchema } } },
    async (req, reply) => reply.status(201).send(await service.createUnit(ctx, actorOf(req), req.body)),
  );

  app.get(
    '/api/households',
    { config: { permission: 'places.read' }, schema: { tags, querystring: z.object({ unitId: idSchema }), response: { 200: items(householdSchema) } } },
    async (req) => ({
      items: await service.listHouseholds(ctx, actorOf(req), req.query.unitId),
    }),
  );
  app.get(
    '/api/households/:id',
    { config: { permission: 'places.read' }, schema: { tags, params: idParamsSchema, response: { 200: householdSchema } } },
    async (req) => service.getHousehold(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/households',
    { config: { permission: 'places.write' }, schema: { tags, body: createHouseholdSchema, response: { 201: householdSchema } } },
    async (req, reply) => reply.status(201).send(await service.createHousehold(ctx, actorOf(req), req.body)),
  );

  const rtags = ['residents'];
  app.get(
    '/api/residents',
    { config: { permission: 'residents.read' }, schema: { tags: rtags, querystring: residentListQuerySchema, response: { 200: pageOf(residentSchema) } } },
    async (req) => residents.listResidents(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/residents/:id',
    { config: { permission: 'residents.read' }, schema: { tags: rtags, params: idParamsSchema, response: { 200: residentSchema } } },
    async (req) => residents.getResident(ctx, actorOf(req), req.params.id),
  );
  // residents.read is the gate; viewPii is checked after the reach lookup, so a resident out of reach answers 404 (ADR 0015).
  app.get(
    '/api/residents/:id/pii',
    { config: { permission: 'residents.read' }, schema: { tags: rtags, params: idParamsSchema, response: { 200: residentPiiSchema } } },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return residents.viewResidentPii(ctx, actorOf(req), req.params.id);
    },
  );
  app.post(
    '/api/residents',
    { config: { permission: 'residents.write' }, schema: { tags: rtags, body: createResidentSchema, response: { 201: residentSchema } } },
    async (req, reply) => reply.status(201).send(await residents.createResident(ctx, actorOf(req), req.body)),
  );
  app.patch(
    '/api/residents/:id',
    {
      config: { permission: 'residents.write' },
      schema: { tags: rtags, params: idParamsSchema, body: updateResidentSchema, response: { 200: residentSchema } },
    },
    async (req) => residents.updateResident(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/residents/:id/archive',
    { config: { permission: 'residents.write' }, schema: { tags: rtags, params: idParamsSchema, body: archiveSchema, response: { 200: residentSchema } } },
    async (req) => residents.archiveResident(ctx, actorOf(req), req.params.id, req.body.reason),
  );

  app.get(
    '/api/residents/import/template',
    { config: { permission: 'residents.import' }, schema: { tags: rtags, querystring: scopeQuerySchema } },
    async (req, reply) => {
      const file = await imports.rosterTemplate(ctx, actorOf(req), req.query.communityId);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="roster-template.xlsx"; filename*=UTF-8''${encodeURIComponent('居民花名册模板.xlsx')}`)
        .send(file);
    },
  );
  app.post(
    '/api/residents/import',
    {
      config: { permission: 'residents.import' },
      schema: { tags: rtags, querystring: scopeQuerySchema, consumes: ['multipart/form-data'], response: { 201: importJobSchema } },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const [file] = await readUploadedFiles(req, 'file');
      if (!file) throw new AppError('VALIDATION_FAILED', 'file is required', { fields: [{ field: 'file', rule: 'required' }] });
      const job = await imports.uploadRoster(ctx, actor, { communityId: req.query.communityId, fileName: file.fileName, data: file.data });
      return reply.status(201).send(job);
    },
  );
  app.get(
    '/api/imports/:id',
    { config: { permission: 'residents.import' }, schema: { tags: rtags, params: idParamsSchema, response: { 200: importJobSchema } } },
    async (req) => imports.getImport(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/imports/:id/commit',
    { config: { permission: 'residents.import' }, schema: { tags: rtags, params: idParamsSchema, response: { 202: importJobSchema } } },
    async (req, reply) => reply.status(202).send(await imports.commitImport(ctx, actorOf(req), req.params.id)),
  );
  app.post(
    '/api/imports/:id/discard',
    { config: { permission: 'residents.import' }, schema: { tags: rtags, params: idParamsSchema, response: { 200: importJobSchema } } },
    async (req) => imports.discardImport(ctx, actorOf(req), req.params.id),
  );
  app.get(
    '/api/imports/:id/errors.xlsx',
    { config: { permission: 'residents.import' }, schema: { tags: rtags, params: idParamsSchema } },
    async (req, reply) => {
      const file = await imports.importErrorWorkbook(ctx, actorOf(req), req.params.id);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="roster-errors.xlsx"; filename*=UTF-8''${encodeURIComponent('花名册错误行.xlsx')}`)
        .send(file);
    },
  );
  app.get(
    '/api/resident-tags',
    { config: { permission: 'places.read' }, schema: { tags: rtags, querystring: scopeQuerySchema, response: { 200: tagDictionarySchema } } },
    async (req) => tagDictionary.listTags(ctx, actorOf(req), req.query.communityId),
  );
  app.post(
    '/api/resident-tags',
    { config: { permission: 'residents.tags' }, schema: { tags: rtags, body: createTagSchema, response: { 201: tagDefinitionSchema } } },
    async (req, reply) => reply.status(201).send(await tagDictionary.createTag(ctx, actorOf(req), req.body)),
  );

  const atags = ['audit'];
  app.get(
    '/api/audit',
    { config: { permission: 'audit.read' }, schema: { tags: atags, querystring: auditQuerySchema, response: { 200: auditListSchema } } },
    async (req) => history.listAudit(ctx, actorOf(req), req.query.entityType, req.query.entityId),
  );
  app.get(
    '/api/access-log',
    { config: { permission: 'audit.read' }, schema: { tags: atags, querystring: auditQuerySchema, response: { 200: accessLogListSchema } } },
    async (req) => history.listAccessLog(ctx, actorOf(req), req.query.entityType, req.query.entityId),
  );
}
