import fs from 'node:fs';
import {
  communityDashboardSchema,
  dashboardQuerySchema,
  idParamsSchema,
  idSchema,
  ledgerExportBodySchema,
  ledgerExportSchema,
  ledgerPageSchema,
  ledgerQuerySchema,
  ledgerRegisterListSchema,
  subdistrictDashboardSchema,
} from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { actorOf, type App } from '../../platform/http/types.js';
import * as dashboard from './dashboard.service.js';
import * as ledger from './ledger.service.js';

/** Reports: the dashboards and the ledger (台账) with its exports. URLs unchanged since they lived in tickets. */
export function ledgerRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/dashboard/community',
    {
      config: { permission: 'dashboard.read' },
      schema: { tags: ['dashboard'], querystring: dashboardQuerySchema, response: { 200: communityDashboardSchema } },
    },
    async (r) => dashboard.communityDashboard(ctx, actorOf(r), r.query),
  );
  app.get(
    '/api/dashboard/subdistrict',
    {
      config: { permission: 'dashboard.subdistrict' },
      schema: {
        tags: ['dashboard'],
        querystring: dashboardQuerySchema.omit({ communityId: true }).extend({ subdistrictId: idSchema.optional() }),
        response: { 200: subdistrictDashboardSchema },
      },
    },
    async (r) => dashboard.subdistrictDashboard(ctx, actorOf(r), r.query),
  );

  const tags = ['ledger'];
  app.get(
    '/api/ledger',
    { config: { permission: 'tickets.readAll' }, schema: { tags, querystring: ledgerQuerySchema, response: { 200: ledgerPageSchema } } },
    async (r) => ledger.listLedger(ctx, actorOf(r), r.query),
  );
  app.get('/api/ledger/registers', { config: { permission: 'ledger.export' }, schema: { tags, response: { 200: ledgerRegisterListSchema } } }, async (r) =>
    ledger.listRegisters(actorOf(r)),
  );
  app.post(
    '/api/ledger/exports',
    { config: { permission: 'ledger.export' }, schema: { tags, body: ledgerExportBodySchema, response: { 202: ledgerExportSchema } } },
    async (r, reply) => reply.status(202).send(await ledger.startLedgerExport(ctx, actorOf(r), r.body)),
  );
  app.get(
    '/api/ledger/exports/:id',
    { config: { permission: 'ledger.export' }, schema: { tags, params: idParamsSchema, response: { 200: ledgerExportSchema } } },
    async (r) => ledger.getLedgerExport(ctx, actorOf(r), r.params.id),
  );
  app.get('/api/ledger/exports/:id/file', { config: { permission: 'ledger.export' }, schema: { tags, params: idParamsSchema } }, async (r, reply) => {
    const file = await ledger.ledgerExportFile(ctx, actorOf(r), r.params.id);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="ledger.xlsx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(fs.createReadStream(file.path));
  });
}
