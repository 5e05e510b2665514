import { helpCategoryLabels, helperKindLabels, helpStatusLabels, type HelpCategory, type HelperKind, type HelpStatus } from '@linli/contracts';
import { helpLedger } from '../../help/index.js';
import type { LedgerRegister } from '../register.js';

/**
 * 帮扶台账 (issue 9 item 3): each household or person on the help list, what help, who helps and what was done. The
 * name and the request are personal data of a health or income record: in full only for help.sensitive (the export
 * is then logged as a view), otherwise the name masked and the request left out.
 */
export const helpRegister: LedgerRegister = {
  key: 'help',
  title: '帮扶台账',
  permission: 'help.read',
  byPeriod: false,
  columns: [
    { key: 'name', header: '帮扶对象', width: 9, type: 'short' },
    { key: 'compound', header: '小区', width: 12 },
    { key: 'category', header: '帮扶类别', width: 10, type: 'short' },
    { key: 'request', header: '帮扶需求', width: 30 },
    { key: 'helper', header: '帮扶人', width: 16 },
    { key: 'status', header: '状态', width: 8, type: 'short' },
    { key: 'actions', header: '帮扶记录', width: 56 },
    { key: 'createdAt', header: '列入日期', width: 11, type: 'date' },
    { key: 'closedAt', header: '结束日期', width: 11, type: 'date' },
  ],
  piiFields: (a) => (a.helpSensitive ? ['residentName', 'request'] : []),
  count: (ctx, q) => helpLedger.countHelp(ctx.db, q.communityId),
  async *rows(ctx, q) {
    const open = q.access.helpSensitive ? (sealed: string) => ctx.pii.decrypt(sealed) : null;
    for await (const batch of helpLedger.helpBatches(ctx.db, q.communityId, open)) {
      yield batch.map((r) => ({
        name: r.residentName,
        compound: r.compoundName ?? '',
        category: helpCategoryLabels['zh-CN'][r.category as HelpCategory] ?? '',
        request: r.request ?? '（仅限授权人员查看）',
        helper: r.helperName ? `${helperKindLabels['zh-CN'][r.helperKind as HelperKind]}：${r.helperName}` : '',
        status: helpStatusLabels['zh-CN'][r.status as HelpStatus],
        actions: r.actionsText ?? '',
        createdAt: r.createdAt,
        closedAt: r.closedAt ?? '',
      }));
    }
  },
};
