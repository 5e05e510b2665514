import {
  offerLabels,
  type AgreementKind,
  type AgreementStatus,
  type ContributionKind,
  type PriceKind,
  type ProviderKind,
  type ResourceCategory,
  type ResourceKind,
} from '@linli/contracts';
import { offerLedger } from '../../partners/index.js';
import type { LedgerRegister } from '../register.js';

const zh = offerLabels['zh-CN'];
const yuan = (fen: number) => Math.round(fen) / 100;
const num = (v: string | number | null) => (v == null ? '' : Number(v));

/** 资源清单台账: the offers of the community, archived ones marked; a resident's number masked. */
export const resourcesRegister: LedgerRegister = {
  key: 'resources',
  title: '资源清单台账',
  permission: 'resources.read',
  byPeriod: false,
  columns: [
    { key: 'title', header: '资源名称', width: 18 },
    { key: 'kind', header: '资源类型', width: 8, type: 'short' },
    { key: 'category', header: '服务类别', width: 9, type: 'short' },
    { key: 'provider', header: '提供方', width: 16 },
    { key: 'providerKind', header: '提供方类型', width: 9, type: 'short' },
    { key: 'price', header: '收费情况', width: 16 },
    { key: 'compound', header: '服务小区', width: 11, type: 'short' },
    { key: 'audience', header: '服务对象', width: 14 },
    { key: 'availability', header: '服务时间', width: 14 },
    { key: 'capacity', header: '可服务人数', width: 7, type: 'number' },
    { key: 'contact', header: '联系方式', width: 16 },
    { key: 'description', header: '资源说明', width: 28 },
    { key: 'state', header: '状态', width: 6, type: 'short' },
  ],
  count: (ctx, q) => offerLedger.countResources(ctx.db, q.communityId),
  async *rows(ctx, q) {
    for await (const batch of offerLedger.resourceBatches(ctx.db, q.communityId)) {
      yield batch.map((r) => ({
        title: r.title,
        kind: zh.resourceKind[r.kind as ResourceKind] ?? '',
        category: zh.category[r.category as ResourceCategory] ?? '',
        provider: r.provider_name,
        providerKind: zh.provider[r.provider_kind as ProviderKind] ?? '',
        price: [zh.price[r.price_kind as PriceKind] ?? '', r.price_note].filter(Boolean).join('：'),
        compound: r.compoundName ?? '全社区',
        audience: r.audience ?? '',
        availability: r.availability ?? '',
        capacity: r.capacity ?? '',
        contact: [r.contact_name, r.provider_kind === 'resident' ? r.contact_phone_masked : r.contact_phone].filter(Boolean).join(' '),
        description: r.description ?? '',
        state: r.archived_at ? '已下架' : '在册',
      }));
    }
  },
};

/** 共建协议台账: every agreement with its partner, dates, commitments and status in words. */
export const agreementsRegister: LedgerRegister = {
  key: 'agreements',
  title: '共建协议台账',
  permission: 'agreements.read',
  byPeriod: false,
  columns: [
    { key: 'partner', header: '共建单位', width: 18 },
    { key: 'kind', header: '协议类型', width: 9, type: 'short' },
    { key: 'title', header: '协议名称', width: 18 },
    { key: 'signedOn', header: '签订日期', width: 11, type: 'date' },
    { key: 'startsOn', header: '开始日期', width: 11, type: 'date' },
    { key: 'endsOn', header: '结束日期', width: 11, type: 'date' },
    { key: 'commitments', header: '共建承诺', width: 32 },
    { key: 'space', header: '提供场地', width: 16 },
    { key: 'promised', header: '承诺资源', width: 22 },
    { key: 'status', header: '状态', width: 8, type: 'short' },
  ],
  count: (ctx, q) => offerLedger.countAgreements(ctx.db, q.communityId),
  async *rows(ctx, q) {
    for await (const batch of offerLedger.agreementBatches(ctx.db, q.communityId)) {
      yield batch.map((r) => ({
        partner: r.partnerName,
        kind: zh.agreementKind[r.kind as AgreementKind] ?? '',
        title: r.title,
        signedOn: r.signed_on,
        startsOn: r.starts_on,
        endsOn: r.ends_on ?? '',
        commitments: r.commitments ?? '',
        space: r.space_given ?? '',
        promised: r.resources_promised ?? '',
        status: zh.agreementStatus[r.effectiveStatus as AgreementStatus] ?? '',
      }));
    }
  },
};

/** 共建单位贡献台账: each contribution in date order, then totals per partner and year. */
export const contributionsRegister: LedgerRegister = {
  key: 'contributions',
  title: '共建单位贡献台账',
  permission: 'contributions.read',
  byPeriod: true,
  columns: [
    { key: 'contributedOn', header: '日期', width: 11, type: 'date' },
    { key: 'partner', header: '共建单位', width: 20 },
    { key: 'kind', header: '贡献类型', width: 8, type: 'short' },
    { key: 'value', header: '金额/价值（元）', width: 12, type: 'number' },
    { key: 'hours', header: '工时（小时）', width: 9, type: 'number' },
    { key: 'area', header: '场地面积（㎡）', width: 10, type: 'number' },
    { key: 'spacePeriod', header: '使用时段', width: 14 },
    { key: 'description', header: '贡献内容', width: 30 },
    { key: 'note', header: '备注', width: 20 },
  ],
  count: (ctx, q) => offerLedger.countContributions(ctx.db, q.communityId, q.filter),
  async *rows(ctx, q) {
    for await (const { rows, totals } of offerLedger.contributionBatches(ctx.db, q.communityId, q.filter)) {
      if (rows.length)
        yield rows.map((r) => ({
          contributedOn: r.contributed_on,
          partner: r.partnerName,
          kind: zh.contributionKind[r.kind as ContributionKind] ?? '',
          value: r.value_fen ? yuan(r.value_fen) : '',
          hours: num(r.hours),
          area: num(r.area_sqm),
          spacePeriod: r.space_period ?? '',
          description: r.description ?? '',
          note: r.note ?? '',
        }));
      if (totals.length)
        yield totals.map((t) => ({
          contributedOn: '',
          partner: `${t.partnerName}（${t.year} 年合计）`,
          kind: '合计',
          value: yuan(t.valueFen),
          hours: t.hours || '',
          area: t.areaSqm || '',
          spacePeriod: '',
          description: `共 ${t.count} 笔；其中资金 ${yuan(t.moneyFen)} 元，物资价值 ${yuan(t.goodsFen)} 元`,
          note: '',
        }));
    }
  },
};
