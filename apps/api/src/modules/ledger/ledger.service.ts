import { beijingText } from '../../platform/time.js';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import {
  channelLabels, ledgerColumns, ratingLabels, ticketActionLabel, type Channel, type LedgerExport, type LedgerFilter, type LedgerRow, type Rating,
} from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { authorize, resolveCommunityId, scopeIds, type Actor } from '../../platform/access/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { writeAudit } from '../../platform/audit/audit.js';
import * as repo from './ledger.repository.js';
import { ticketLedgerRows as ticketRows } from '../tickets/index.js';
import { periodOf } from './dashboard.service.js';

const BATCH = 1000;

function whereOf(actor: Actor, f: LedgerFilter): ticketRows.LedgerWhere {
  const communityId = resolveCommunityId(actor, f.communityId);
  const p = f.from || f.to ? periodOf(f.from, f.to) : undefined;
  return { communityId, from: p?.from, to: p?.to, status: f.status, categoryId: f.categoryId, compoundId: f.compoundId, channel: f.channel };
}

/** Rows as the ledger prints them: Beijing times, masked contacts, the timeline condensed into one cell. */
function toRows(rows: ticketRows.LedgerDbRow[], events: Awaited<ReturnType<typeof ticketRows.eventsOf>>): LedgerRow[] {
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
  const [total, rows] = await Promise.all([ticketRows.countLedger(ctx.db, w), ticketRows.ledgerRows(ctx.db, w, { offset: (q.page - 1) * q.pageSize, limit: q.pageSize })]);
  const events = await ticketRows.eventsOf(ctx.db, w.communityId, rows.map((r) => r.id));
  return { items: toRows(rows, events), total, page: q.page, pageSize: q.pageSize };
}

const running = new Map<number, Promise<void>>();
const present = (r: { id: number; status: string; total: number; processed: number; file_name: string; created_at: Date; finished_at: Date | null }): LedgerExport => ({
  id: r.id, status: r.status as LedgerExport['status'], total: r.total, processed: r.processed, fileName: r.file_name,
  createdAt: new Date(r.created_at).toISOString(), finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
});

/** Starts an export in the background: it streams the .xlsx to disk in batches by key and records progress. */
export async function startLedgerExport(ctx: AppContext, actor: Actor, f: LedgerFilter): Promise<LedgerExport> {
  authorize(actor, 'tickets.readAll');
  const w = whereOf(actor, f);
  const total = await ticketRows.countLedger(ctx.db, w);
  const fileName = `台账-${beijingText(new Date()).slice(0, 10)}.xlsx`;
  const row = await ctx.db.transaction().execute(async (trx) => {
    const r = await repo.insertExport(trx, { communityId: w.communityId, actorId: actor.accountId, filters: JSON.stringify(f), total, fileName });
    await writeAudit(trx, actor, { communityId: w.communityId, action: 'ledger.exported', entityType: 'ledger_export', entityId: r.id, changes: { filters: f, total } });
    return r;
  });
  const dir = path.resolve(ctx.config.db.dataDir, 'exports');
  const work = writeExport(ctx, row.id, w, path.join(dir, `ledger-${row.id}.xlsx`))
    .catch(async (err) => {
      ctx.log.error({ err, exportId: row.id }, 'ledger export failed');
      await repo.updateExport(ctx.db, row.id, { status: 'failed', error: String(err), finishedAt: new Date() });
    })
    .finally(() => running.delete(row.id));
  running.set(row.id, work);
  return present(row);
}

/** Test and benchmark hook. */
export async function waitForLedgerExport(id: number) {
  await running.get(id);
}

async function writeExport(ctx: AppContext, id: number, w: ticketRows.LedgerWhere, file: string) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // No styles: exceljs renders and looks up a style for every cell when styles are on, which was most of the export's
  // time. The header row stays frozen and filterable instead of bold (sheet-level settings, no styles needed).
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false });
  const sheet = wb.addWorksheet('台账', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = ledgerColumns.map(([key, header]) => ({ key, header, width: key === 'description' || key === 'process' || key === 'result' ? 40 : 16 }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ledgerColumns.length } };
  sheet.getRow(1).commit();
  const ids = await ticketRows.ledgerIds(ctx.db, w);
  let processed = 0;
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    const rows = await ticketRows.ledgerRowsOf(ctx.db, batch);
    const events = await ticketRows.eventsOf(ctx.db, w.communityId, batch);
    for (const r of toRows(rows, events)) sheet.addRow(r).commit();
    processed += rows.length;
    await repo.updateExport(ctx.db, id, { processed });
  }
  sheet.commit();
  await wb.commit();
  await repo.updateExport(ctx.db, id, { status: 'done', processed, filePath: file, finishedAt: new Date() });
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
  if (row.status !== 'done' || !row.file_path || !fs.existsSync(row.file_path)) throw new AppError('INVALID_STATE', `export is ${row.status}`);
  return { path: row.file_path, fileName: row.file_name };
}
