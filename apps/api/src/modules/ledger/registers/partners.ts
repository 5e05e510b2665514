import { partnerKindLabels, type PartnerKind } from '@linli/contracts';
import { partnerLedger } from '../../partners/index.js';
import type { LedgerRegister } from '../register.js';

/** 共建单位台账: partner organisations (partners/index.ts partnerLedger); contact phones masked. */
export const partnersRegister: LedgerRegister = {
  key: 'partners',
  title: '共建单位台账',
  permission: 'partners.read',
  byPeriod: false,
  columns: [
    { key: 'name', header: '单位名称', width: 22 },
    { key: 'kind', header: '单位类型', width: 11, type: 'short' },
    { key: 'contactName', header: '联系人', width: 9, type: 'short' },
    { key: 'contactPhone', header: '联系电话', width: 13, type: 'short' },
    { key: 'address', header: '地址', width: 22 },
    { key: 'joinedOn', header: '共建日期', width: 11, type: 'date' },
    { key: 'description', header: '共建内容', width: 36 },
  ],
  count: (ctx, q) => partnerLedger.countPartners(ctx.db, q.communityId),
  async *rows(ctx, q) {
    for await (const batch of partnerLedger.partnerBatches(ctx.db, q.communityId)) {
      yield batch.map((r) => ({
        name: r.name,
        kind: partnerKindLabels['zh-CN'][r.kind as PartnerKind] ?? r.kind,
        contactName: r.contact_name ?? '',
        contactPhone: r.contact_phone_masked ?? '',
        address: r.address ?? '',
        joinedOn: r.joined_on ?? '',
        description: r.description ?? '',
      }));
    }
  },
};
