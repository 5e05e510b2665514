import { beijingText } from '../../platform/time.js';
import {
  ledgerExportBodySchema,
  roleCan,
  type LedgerExport,
  type LedgerExportBody,
  type LedgerFilter,
  type LedgerRegisterInfo,
  type LedgerRegisterKey,
} from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { authorize, resolveCommunityId, type Actor } from '../../platform/access/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { logPiiAccess, writeAudit } from '../../platform/audit/audit.js';
import * as repo from './ledger.repository.js';
import { residentReachOf } from '../places/index.js';
import { ticketLedgerRows as ticketRows } from '../tickets/index.js';
import { enqueueJob } from '../../platform/jobs/background.js';
import { absoluteFilePath, storedFileExists } from '../../platform/files/storage.js';
import { registers } from './registers/index.js';
import { toRows, whereIn } from './registers/tickets.js';
import { periodOf } from './dashboard.service.js';
import type { RegisterAccess } from './register.js';

/** The background job kind that writes a ledger export (ledger-export-job.ts, ADR 0021). */
export const LEDGER_EXPORT = 'ledger.export';

function whereOf(actor: Actor, f: LedgerFilter): ticketRows.LedgerWhere {
  return whereIn(resolveCommunityId(actor, f.communityId), f);
}

export async function listLedger(ctx: AppContext, actor: Actor, q: LedgerFilter & { page: number; pageSize: number }) {
  authorize(actor, 'tickets.readAll');
  const w = whereOf(actor, q);
  const [total, rows] = await Promise.all([
    ticketRows.countLedger(ctx.db, w),
    ticketRows.ledgerRows(ctx.db, w, { offset: (q.page - 1) * q.pageSize, limit: q.pageSize }),
  ]);
  const events = await ticketRows.eventsOf(
    ctx.db,
    w.communityId,
    rows.map((r) => r.id),
  );
  return { items: toRows(rows, events), total, page: q.page, pageSize: q.pageSize };
}

const present = (r: {
  id: number;
  status: string;
  total: number;
  processed: number;
  file_name: string;
  filters: unknown;
  created_at: Date;
  finished_at: Date | null;
}): LedgerExport => ({
  id: r.id,
  register: exportOptions(r.filters).filter.register ?? 'tickets',
  status: r.status as LedgerExport['status'],
  total: r.total,
  processed: r.processed,
  fileName: r.file_name,
  createdAt: new Date(r.created_at).toISOString(),
  finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
});

/** What an export row keeps in `filters`: the body asked for, and the access the actor had when it was queued. */
export interface ExportOptions {
  filter: LedgerFilter & { register?: LedgerRegisterKey };
  access: RegisterAccess;
  exportedBy?: string;
}
export function exportOptions(json: unknown): ExportOptions {
  const o = (typeof json === 'string' ? JSON.parse(json) : json) as Partial<ExportOptions> & LedgerFilter;
  // Exports queued before registers kept the bare filter: a ticket ledger with the whole community.
  if (!o.filter) return { filter: o, access: { reach: null, pii: false } };
  return { filter: o.filter, access: o.access ?? { reach: null, pii: false }, exportedBy: o.exportedBy };
}

/** The registers this actor may export, with their columns. */
export function listRegisters(actor: Actor): { items: LedgerRegisterInfo[] } {
  authorize(actor, 'ledger.export');
  return {
    items: Object.values(registers)
      .filter((r) => roleCan(actor.role, r.permission))
      .map((r) => ({ key: r.key, title: r.title, byPeriod: r.byPeriod, columns: r.columns.map((c) => c.header) })),
  };
}

/**
 * Queues an export as a background job (ledger-export-job.ts): any API process may write it, into the shared files
 * folder. The export is audited; a 花名册 with personal data in full also logs the view of every resident's data.
 */
export async function startLedgerExport(ctx: AppContext, actor: Actor, body: LedgerExportBody): Promise<LedgerExport> {
  authorize(actor, 'ledger.export');
  const f = ledgerExportBodySchema.parse(body);
  const register = registers[f.register];
  authorize(actor, register.permission);
  const communityId = resolveCommunityId(actor, f.communityId);
  if (f.from || f.to) periodOf(f.from, f.to); // a bad period answers 400 now, not in the job
  const reach = residentReachOf(actor);
  const access: RegisterAccess = { reach, pii: reach !== 'none' && roleCan(actor.role, 'residents.viewPii') };
  access.helpSensitive = roleCan(actor.role, 'help.sensitive');
  const total = await register.count(ctx, { communityId, filter: f, access });
  const fileName = `${register.title}-${beijingText(new Date()).slice(0, 10)}.xlsx`;
  const options: ExportOptions = { filter: f, access, exportedBy: actor.displayName };
  const piiFields = register.piiFields?.(access) ?? [];
  const row = await ctx.db.transaction().execute(async (trx) => {
    const r = await repo.insertExport(trx, { communityId, actorId: actor.accountId, filters: JSON.stringify(options), total, fileName });
    await writeAudit(trx, actor, {
      communityId,
      action: 'ledger.exported',
      entityType: 'ledger_export',
      entityId: r.id,
      changes: { register: f.register, filters: f, total, ...(piiFields.length ? { fullPersonalData: piiFields } : {}) },
    });
    if (piiFields.length)
      await logPiiAccess(trx, communityId, {
        actor_id: actor.accountId,
        entity_type: 'ledger_export',
        entity_id: String(r.id),
        fields: piiFields,
        request_id: actor.requestId ?? null,
      });
    await enqueueJob(trx, { kind: LEDGER_EXPORT, subjectId: r.id, communityId, actorId: actor.accountId, total });
    return r;
  });
  return present(row);
}

/** An export is its author's: another reader of the community (who may see less) does not download it. */
async function findExport(ctx: AppContext, actor: Actor, id: number) {
  authorize(actor, 'ledger.export');
  const row = await repo.findExport(ctx.db, actor.accountId, id);
  if (!row) throw notFound('export');
  return row;
}

export async function getLedgerExport(ctx: AppContext, actor: Actor, id: number) {
  return present(await findExport(ctx, actor, id));
}

export async function ledgerExportFile(ctx: AppContext, actor: Actor, id: number) {
  const row = await findExport(ctx, actor, id);
  if (row.status !== 'done' || !row.file_path || !storedFileExists(ctx.config, row.file_path)) throw new AppError('INVALID_STATE', `export is ${row.status}`);
  return { path: absoluteFilePath(ctx.config, row.file_path), fileName: row.file_name };
}
