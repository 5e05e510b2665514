import ExcelJS from 'exceljs';
import { ledgerColumns, type LedgerFilter } from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import type { BackgroundJobKind } from '../../platform/jobs/background.js';
import { writeStoredFile } from '../../platform/files/storage.js';
import { trustedCommunityId } from '../../platform/access/trusted-scope.js';
import * as repo from './ledger.repository.js';
import { ticketLedgerRows as ticketRows } from '../tickets/index.js';
import { LEDGER_EXPORT, toRows, whereIn } from './ledger.service.js';

const BATCH = 1000;

/**
 * Writes a queued export to the shared files folder, streaming the .xlsx in batches by key and recording progress.
 * Run again after a crash, it writes the whole file again; the file appears under its name only once complete.
 */
export const ledgerExportJob: BackgroundJobKind = {
  kind: LEDGER_EXPORT,
  async run(ctx, job) {
    const row = await repo.findExportById(ctx.db, job.subjectId);
    if (!row || row.status !== 'running') return;
    // The community of the export row, checked against the actor when the export was queued.
    const w = whereIn(trustedCommunityId(row.community_id), row.filters as LedgerFilter);
    let processed = 0;
    const file = await writeStoredFile(ctx.config, `exports/ledger-${row.id}.xlsx`, async (tmp) => {
      processed = await writeExport(ctx, row.id, w, tmp, (n) => job.progress(n));
    });
    await repo.updateExport(ctx.db, row.id, { status: 'done', processed, filePath: file, finishedAt: new Date() });
    return { resultFile: file };
  },
  async fail(ctx, job, reason) {
    await repo.updateExport(ctx.db, job.subjectId, { status: 'failed', error: reason.slice(0, 1000), finishedAt: new Date() });
  },
};

async function writeExport(ctx: AppContext, id: number, w: ticketRows.LedgerWhere, file: string, progress: (n: number) => void): Promise<number> {
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
    progress(processed);
  }
  sheet.commit();
  await wb.commit();
  return processed;
}
