import { formatPoints, pointsEntryKindLabels, redemptionStatusLabels } from '@linli/contracts';
import { pointsLedger } from '../../volunteers/index.js';
import { periodOf } from '../dashboard.service.js';
import type { LedgerRegister, RegisterQuery } from '../register.js';

const periodOfQuery = (q: RegisterQuery) => periodOf(q.filter.from, q.filter.to);
const zh = 'zh-CN' as const;
const sourceLabels: Record<string, string> = { service_hours: '志愿服务时长', wish: '微心愿', perk: '兑换优惠', redemption: '兑换', adjustment: '人工调整' };

/** 积分台账: every points movement of the period, double entry (借方 / 贷方 account), who made it and why. */
export const pointsRegister: LedgerRegister = {
  key: 'points',
  title: '积分台账',
  permission: 'points.read',
  byPeriod: true,
  columns: [
    { key: 'occurredAt', header: '时间', width: 14, type: 'datetime' },
    { key: 'volunteer', header: '志愿者', width: 8, type: 'short' },
    { key: 'kind', header: '类型', width: 6, type: 'short' },
    { key: 'delta', header: '积分变动', width: 8, type: 'number' },
    { key: 'debit', header: '借方账户', width: 14, type: 'short' },
    { key: 'credit', header: '贷方账户', width: 14, type: 'short' },
    { key: 'source', header: '来源', width: 12, type: 'short' },
    { key: 'reason', header: '事由', width: 36 },
    { key: 'author', header: '经手', width: 12, type: 'short' },
  ],
  count: (ctx, q) => pointsLedger.countEntries(ctx.db, q.communityId, periodOfQuery(q)),
  async *rows(ctx, q) {
    const account = (a: string) =>
      a.startsWith('volunteer:') ? '志愿者积分' : a.startsWith('perk:') ? '商家优惠' : a === 'community_pool' ? '社区积分池' : a === 'expired' ? '过期清零' : a;
    for await (const batch of pointsLedger.entryBatches(ctx.db, q.communityId, periodOfQuery(q))) {
      yield batch.map((e) => ({
        occurredAt: e.occurred_at,
        volunteer: e.volunteer_name,
        kind: pointsEntryKindLabels[zh][e.kind],
        delta: Number(formatPoints(e.delta)),
        debit: account(e.debit_account),
        credit: account(e.credit_account),
        source: e.source_kind ? (sourceLabels[e.source_kind] ?? '') : '',
        reason: e.reason,
        author: e.author_name,
      }));
    }
  },
};

/** 兑换台账: redemptions of the period: the perk and merchant, the volunteer, the points, and whether it was honoured. */
export const redemptionsRegister: LedgerRegister = {
  key: 'redemptions',
  title: '兑换台账',
  permission: 'points.read',
  byPeriod: true,
  columns: [
    { key: 'createdAt', header: '兑换时间', width: 14, type: 'datetime' },
    { key: 'perk', header: '优惠内容', width: 30 },
    { key: 'merchant', header: '商家', width: 20 },
    { key: 'volunteer', header: '志愿者', width: 8, type: 'short' },
    { key: 'points', header: '积分', width: 7, type: 'number' },
    { key: 'status', header: '状态', width: 8, type: 'short' },
    { key: 'redeemedAt', header: '核销时间', width: 14, type: 'datetime' },
    { key: 'redeemedBy', header: '核销人', width: 10, type: 'short' },
    { key: 'note', header: '备注', width: 24 },
  ],
  count: (ctx, q) => pointsLedger.countRedemptions(ctx.db, q.communityId, periodOfQuery(q)),
  async *rows(ctx, q) {
    for await (const batch of pointsLedger.redemptionBatches(ctx.db, q.communityId, periodOfQuery(q))) {
      yield batch.map((r) => ({
        createdAt: r.created_at,
        perk: r.perk_title,
        merchant: r.merchant_name,
        volunteer: r.volunteer_name,
        points: r.points,
        status: redemptionStatusLabels[zh][r.status],
        redeemedAt: r.redeemed_at ?? '',
        redeemedBy: r.redeemed_by_name,
        note: r.end_reason && r.status === 'cancelled' ? r.end_reason : r.status === 'expired' ? '兑换码过期，积分已退回' : '',
      }));
    }
  },
};
