import type { BackgroundJobKind } from '../../platform/jobs/background.js';
import { writeStoredFile } from '../../platform/files/storage.js';
import { trustedCommunityId } from '../../platform/access/trusted-scope.js';
import { beijingText } from '../../platform/time.js';
import * as repo from './ledger.repository.js';
import { placeRefs } from '../places/index.js';
import { LEDGER_EXPORT, exportOptions } from './ledger.service.js';
import { registers } from './registers/index.js';
import { writeLedgerWorkbook } from './workbook.js';
import { periodOf } from './dashboard.service.js';

/**
 * Writes a queued export to the shared files folder: the register's rows, batch by batch, through the one ledger
 * workbook (workbook.ts), recording progress. Run again after a crash, it writes the whole file again; the file
 * appears under its name only once complete.
 */
export const ledgerExportJob: BackgroundJobKind = {
  kind: LEDGER_EXPORT,
  async run(ctx, job) {
    const row = await repo.findExportById(ctx.db, job.subjectId);
    if (!row || row.status !== 'running') return;
    const { filter, access, exportedBy } = exportOptions(row.filters);
    const register = registers[filter.register ?? 'tickets'];
    // The community of the export row, checked against the actor when the export was queued.
    const communityId = trustedCommunityId(row.community_id);
    const community = (await placeRefs.communityRefs(ctx.db, [communityId])).get(communityId)?.name ?? '';
    const today = beijingText(row.created_at).slice(0, 10);
    let period = `截至 ${today}`;
    if (register.byPeriod && (filter.from || filter.to)) {
      const p = periodOf(filter.from, filter.to, row.created_at);
      period = `${p.fromDay} 至 ${p.toDay}`;
    } else if (register.byPeriod) period = `全部（截至 ${today}）`;
    const heading = { community, title: register.title, period, note: `导出：${exportedBy ?? ''} ${beijingText(row.created_at)}` };
    let processed = 0;
    const file = await writeStoredFile(ctx.config, `exports/ledger-${row.id}.xlsx`, async (tmp) => {
      processed = await writeLedgerWorkbook(tmp, heading, register.columns, register.rows(ctx, { communityId, filter, access }), async (n) => {
        await repo.updateExport(ctx.db, row.id, { processed: n });
        job.progress(n);
      });
    });
    await repo.updateExport(ctx.db, row.id, { status: 'done', processed, filePath: file, finishedAt: new Date() });
    return { resultFile: file };
  },
  async fail(ctx, job, reason) {
    await repo.updateExport(ctx.db, job.subjectId, { status: 'failed', error: reason.slice(0, 1000), finishedAt: new Date() });
  },
};
