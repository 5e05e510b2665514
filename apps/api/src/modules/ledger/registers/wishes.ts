import {
  wishCategoryLabels,
  wishClaimantKindLabels,
  wishSourceLabels,
  wishStatusLabels,
  type WishCategory,
  type WishClaimantKind,
  type WishSource,
  type WishStatus,
} from '@linli/contracts';
import { wishLedger } from '../../wishes/index.js';
import { periodOf } from '../dashboard.service.js';
import type { LedgerRegister, RegisterQuery } from '../register.js';

const periodOfQuery = (q: RegisterQuery) => periodOf(q.filter.from, q.filter.to);
const zh = 'zh-CN' as const;

/** 微心愿台账: wishes raised in the period, who claimed them, what was done and its value; the resident by initial only. */
export const wishesRegister: LedgerRegister = {
  key: 'wishes',
  title: '微心愿台账',
  permission: 'wishes.read',
  byPeriod: true,
  columns: [
    { key: 'raisedAt', header: '提出时间', width: 11, type: 'date' },
    { key: 'resident', header: '心愿人', width: 7, type: 'short' },
    { key: 'compound', header: '小区', width: 12 },
    { key: 'source', header: '来源', width: 10, type: 'short' },
    { key: 'category', header: '类别', width: 9, type: 'short' },
    { key: 'text', header: '心愿内容', width: 30 },
    { key: 'value', header: '价值（元）', width: 8, type: 'number' },
    { key: 'claimants', header: '认领方', width: 24 },
    { key: 'claimedAt', header: '认领时间', width: 11, type: 'date' },
    { key: 'result', header: '圆梦情况', width: 24 },
    { key: 'fulfilledAt', header: '完成时间', width: 11, type: 'date' },
    { key: 'status', header: '状态', width: 7, type: 'short' },
    { key: 'thanks', header: '居民反馈', width: 16 },
  ],
  count: (ctx, q) => wishLedger.countWishes(ctx.db, q.communityId, periodOfQuery(q)),
  async *rows(ctx, q) {
    for await (const batch of wishLedger.wishBatches(ctx.db, q.communityId, periodOfQuery(q))) {
      yield batch.map((r) => ({
        raisedAt: r.created_at,
        resident: r.public_initial,
        compound: r.compoundName ?? '',
        source: wishSourceLabels[zh][r.source as WishSource] ?? '',
        category: r.category ? (wishCategoryLabels[zh][r.category as WishCategory] ?? '') : '',
        text: r.text,
        value: r.value_yuan,
        claimants: r.claims
          .map((c) => {
            const kind = wishClaimantKindLabels[zh][c.claimant_kind as WishClaimantKind] ?? '';
            const share = [c.share_note, c.share_value_yuan !== null ? `${c.share_value_yuan}元` : null].filter(Boolean).join('，');
            return `${c.claimant_name}（${kind}）${share ? `：${share}` : ''}`;
          })
          .join('\n'),
        claimedAt: r.claimed_at,
        result: r.result_note ?? '',
        fulfilledAt: r.fulfilled_at,
        status: wishStatusLabels[zh][r.status as WishStatus] ?? '',
        thanks: r.thanks ?? '',
      }));
    }
  },
};
