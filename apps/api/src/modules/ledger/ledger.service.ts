import { beijingText } from '../../platform/time.js';
import {
  channelLabels,
  ratingLabels,
  ticketActionLabel,
  type Channel,
  type LedgerExport,
  type LedgerFilter,
  type LedgerRow,
  type Rating,
} from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { authorize, resolveCommunityId, scopeIds, type Actor } from '../../platform/access/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { CommunityId } from '../../platform/db/scope.js';
import * as repo from './ledger.repository.js';
import { ticketLedgerRows as ticketRows } from '../tickets/index.js';
import { periodOf } from './dashboard.service.js';
import { enqueueJob } from '../../platform/jobs/background.js';
import { absoluteFilePath, storedFileExists } from '../../platform/files/storage.js';

/** The background job kind that writes a ledger export (ledger-export-job.ts, ADR 0021). */
export const LEDGER_EXPORT = 'ledger.export';

function whereOf(actor: Actor, f: LedgerFilter): ticketRows.LedgerWhere {
  return whereIn(resolveCommunityId(actor, f.communityId), f);
}

/** The filter of one community's ledger (the community already checked against the actor). */
export function whereIn(communityId: CommunityId, f: LedgerFilter): ticketRows.LedgerWhere {
  const p = f.from || f.to ? periodOf(f.from, f.to) : undefined;
  return { communityId, from: p?.from, to: p?.to, status: f.status, categoryId: f.categoryId, compoundId: f.compoundId, channel: f.channel };
}

/** Rows as the ledger prints them: Beijing times, masked contacts, the timeline condensed into one cell. */
export function toRows(rows: ticketRows.LedgerDbRow[], events: Awaited<ReturnType<typeof ticketRows.eventsOf>>): LedgerRow[] {
  const byTicket = new Map<number, string[]>();
  for (const e of events) {
    const line = `${e.at} ${ticketActionLabel('zh-CN', e.action)}${e.actor ? `（${e.actor}）` : ''}${e.note ? `：${e.note}` : ''}`;
    const lines = byTicket.get(e.ticket_id);
    if (lines) lines.push(line);
    else byTicket.set(e.ticket_id, [line]);
  }
  return rows.map((r) => ({
    code: r.code,
    raisedAt: r.raised_at ?? '',
    channel: channelLabels['zh-CN'][r.channel as Channel] ?? r.channel,
    reporter: r.is_anonymous ? '匿名' : (r.reporter_name ?? ''),
    contact: r.is_anonymous ? '' : (r.reporter_phone_masked ?? ''),
    place: [r.compound_name, r.building_name, r.address_text].filter(Boolean).join(' '),
    category: r.category,
    description: r.description,
    acceptedAt: r.accepted_at ?? '',
    handler: [r.assignee, r.escalated_to].filter(Boolean).join(' / '),
    process: (byTicket.get(r.id) ?? []).join('\n'),
    resolvedAt: r.resolved_at ?? '',
    result: r.result_text ?? '',
    followUpAt: r.follow_up_at ?? '',
    satisfaction: r.rating ? ratingLabels['zh-CN'][r.rating as Rating] : r.close_reason === 'unrated_timeout' ? '未评价' : '',
    overdue: r.overdue ? '是' : '否',
  }));
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
  created_at: Date;
  finished_at: Date | null;
}): LedgerExport => ({
  id: r.id,
  status: r.status as LedgerExport['status'],
  total: r.total,
  processed: r.processed,
  fileName: r.file_name,
  createdAt: new Date(r.created_at).toISOString(),
  finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
});

/** Queues an export as a background job (ledger-export-job.ts): any API process may write it, into the shared files folder. */
export async function startLedgerExport(ctx: AppContext, actor: Actor, f: LedgerFilter): Promise<LedgerExport> {
  authorize(actor, 'tickets.readAll');
  const w = whereOf(actor, f);
  const total = await ticketRows.countLedger(ctx.db, w);
  const fileName = `台账-${beijingText(new Date()).slice(0, 10)}.xlsx`;
  const row = await ctx.db.transaction().execute(async (trx) => {
    const r = await repo.insertExport(trx, { communityId: w.communityId, actorId: actor.accountId, filters: JSON.stringify(f), total, fileName });
    await writeAudit(trx, actor, {
      communityId: w.communityId,
      action: 'ledger.exported',
      entityType: 'ledger_export',
      entityId: r.id,
      changes: { filters: f, total },
    });
    await enqueueJob(trx, { kind: LEDGER_EXPORT, subjectId: r.id, communityId: w.communityId, actorId: actor.accountId, total });
    return r;
  });
  return present(row);
}

async function findExport(ctx: AppContext, actor: Actor, id: number) {
  authorize(actor, 'tickets.readAll');
  const scope = scopeIds(actor);
  const row = await repo.findExport(ctx.db, scope, id);
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
