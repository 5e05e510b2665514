import { z } from 'zod';
import {
  assignShiftSchema,
  createShiftSchema,
  createSwapSchema,
  generateShiftsResultSchema,
  generateShiftsSchema,
  idSchema,
  myShiftListSchema,
  myShiftSchema,
  myShiftsQuerySchema,
  okSchema,
  removeAssignmentSchema,
  shiftDetailSchema,
  shiftListSchema,
  shiftQuerySchema,
  shiftSettingsSchema,
  shiftTemplateInputSchema,
  shiftTemplateListSchema,
  shiftTemplateSchema,
  swapDecisionSchema,
  swapListSchema,
  swapQuerySchema,
  swapPartnerListSchema,
  swapPartnersQuerySchema,
  swapSchema,
  updateShiftSettingsSchema,
} from '@linli/contracts';
import type { AppContext } from '../../../platform/context.js';
import { actorOf, type App } from '../../../platform/http/types.js';
import * as duty from './on-duty.service.js';
import * as shifts from './shifts.service.js';
import * as swaps from './swaps.service.js';
import * as templates from './templates.service.js';

const communityQuery = z.object({ communityId: idSchema.optional() });
const idParams = z.object({ id: idSchema });
const dutyResult = myShiftSchema.pick({ shiftId: true, assignmentId: true, checkedInAt: true, checkedOutAt: true, hours: true });

/** 值守排班: templates, shifts, swaps and check-in on duty (ADR 0044). */
export function dutyRoutes(app: App, ctx: AppContext): void {
  const tags = ['shifts'];
  app.get(
    '/api/shift-settings',
    { config: { permission: 'shifts.read' }, schema: { tags, querystring: communityQuery, response: { 200: shiftSettingsSchema } } },
    async (req) => templates.getShiftSettings(ctx, actorOf(req), req.query.communityId),
  );
  app.put(
    '/api/shift-settings',
    { config: { permission: 'shifts.write' }, schema: { tags, body: updateShiftSettingsSchema, response: { 200: shiftSettingsSchema } } },
    async (req) => templates.saveShiftSettings(ctx, actorOf(req), req.body),
  );
  app.get(
    '/api/shift-templates',
    {
      config: { permission: 'shifts.read' },
      schema: { tags, querystring: communityQuery.extend({ stationId: idSchema.optional() }), response: { 200: shiftTemplateListSchema } },
    },
    async (req) => templates.listShiftTemplates(ctx, actorOf(req), req.query),
  );
  app.post(
    '/api/shift-templates',
    { config: { permission: 'shifts.write' }, schema: { tags, body: shiftTemplateInputSchema, response: { 201: shiftTemplateSchema } } },
    async (req, reply) => reply.status(201).send(await templates.createShiftTemplate(ctx, actorOf(req), req.body)),
  );
  app.put(
    '/api/shift-templates/:id',
    { config: { permission: 'shifts.write' }, schema: { tags, params: idParams, body: shiftTemplateInputSchema, response: { 200: shiftTemplateSchema } } },
    async (req) => templates.updateShiftTemplate(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/shift-templates/:id/archive',
    { config: { permission: 'shifts.write' }, schema: { tags, params: idParams, body: communityQuery, response: { 200: okSchema } } },
    async (req) => templates.archiveShiftTemplate(ctx, actorOf(req), req.params.id, req.body.communityId),
  );
  app.post(
    '/api/shifts/generate',
    { config: { permission: 'shifts.write' }, schema: { tags, body: generateShiftsSchema, response: { 200: generateShiftsResultSchema } } },
    async (req) => templates.generateShifts(ctx, actorOf(req), req.body),
  );
  app.get(
    '/api/shifts',
    { config: { permission: 'shifts.read' }, schema: { tags, querystring: shiftQuerySchema, response: { 200: shiftListSchema } } },
    async (req) => shifts.listShifts(ctx, actorOf(req), req.query),
  );
  app.post(
    '/api/shifts',
    { config: { permission: 'shifts.write' }, schema: { tags, body: createShiftSchema, response: { 201: shiftDetailSchema } } },
    async (req, reply) => reply.status(201).send(await shifts.createShift(ctx, actorOf(req), req.body)),
  );
  app.get(
    '/api/shifts/mine',
    { config: { permission: 'shifts.duty' }, schema: { tags, querystring: myShiftsQuerySchema, response: { 200: myShiftListSchema } } },
    async (req) => duty.myShifts(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/shifts/swap-partners',
    { config: { permission: 'shifts.duty' }, schema: { tags, querystring: swapPartnersQuerySchema, response: { 200: swapPartnerListSchema } } },
    async (req) => duty.swapPartners(ctx, actorOf(req), req.query.shiftId),
  );
  app.get(
    '/api/shifts/:id',
    { config: { permission: 'shifts.read' }, schema: { tags, params: idParams, querystring: communityQuery, response: { 200: shiftDetailSchema } } },
    async (req) => shifts.getShift(ctx, actorOf(req), req.params.id, req.query.communityId),
  );
  app.post(
    '/api/shifts/:id/assignments',
    {
      config: { permission: 'shifts.write' },
      schema: { tags, params: idParams, body: assignShiftSchema.extend({ communityId: idSchema.optional() }), response: { 200: shiftDetailSchema } },
    },
    async (req) => shifts.assignShift(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/shifts/:id/assignments/:assignmentId/remove',
    {
      config: { permission: 'shifts.write' },
      schema: {
        tags,
        params: idParams.extend({ assignmentId: idSchema }),
        body: removeAssignmentSchema.extend({ communityId: idSchema.optional() }),
        response: { 200: shiftDetailSchema },
      },
    },
    async (req) => shifts.removeFromShift(ctx, actorOf(req), req.params.id, req.params.assignmentId, req.body),
  );
  app.post(
    '/api/shifts/:id/check-in',
    { config: { permission: 'shifts.duty' }, schema: { tags, params: idParams, response: { 200: dutyResult } } },
    async (req) => duty.checkIn(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/shifts/:id/check-out',
    { config: { permission: 'shifts.duty' }, schema: { tags, params: idParams, response: { 200: dutyResult } } },
    async (req) => duty.checkOut(ctx, actorOf(req), req.params.id),
  );
  app.get(
    '/api/shift-swaps',
    { config: { permission: 'shifts.duty' }, schema: { tags, querystring: swapQuerySchema, response: { 200: swapListSchema } } },
    async (req) => swaps.listSwaps(ctx, actorOf(req), req.query),
  );
  app.post(
    '/api/shift-swaps',
    { config: { permission: 'shifts.duty' }, schema: { tags, body: createSwapSchema, response: { 201: swapSchema } } },
    async (req, reply) => reply.status(201).send(await swaps.askSwap(ctx, actorOf(req), req.body)),
  );
  for (const action of ['accept', 'decline', 'withdraw', 'approve', 'reject'] as const)
    app.post(
      `/api/shift-swaps/:id/${action}`,
      {
        config: { permission: action === 'approve' || action === 'reject' ? 'shifts.write' : 'shifts.duty' },
        schema: { tags, params: idParams, body: swapDecisionSchema.extend({ communityId: idSchema.optional() }), response: { 200: swapSchema } },
      },
      async (req) => swaps.actOnSwap(ctx, actorOf(req), req.params.id, action, req.body),
    );
}
