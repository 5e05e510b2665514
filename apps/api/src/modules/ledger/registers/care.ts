import { careTierLabels, careWellbeingLabels, tagLabels } from '@linli/contracts';
import { careLedger, maskName } from '../../care/index.js';
import { periodOf } from '../dashboard.service.js';
import type { LedgerRegister } from '../register.js';

const tags = (list: readonly string[]) => list.map((t) => tagLabels['zh-CN'][t] ?? t).join('、');

/**
 * 探访关爱台账: the visits of the period (care/index.ts careLedger) with what was found and what became of a need.
 * Names and family phones are masked unless the exporter may see personal data in full (residents.viewPii); then the
 * export is logged as a view.
 */
export const careRegister: LedgerRegister = {
  key: 'care',
  title: '探访关爱台账',
  permission: 'care.read',
  byPeriod: true,
  columns: [
    { key: 'visitedAt', header: '探访时间', width: 14, type: 'datetime' },
    { key: 'name', header: '关爱对象', width: 8, type: 'short' },
    { key: 'address', header: '住址', width: 16 },
    { key: 'tier', header: '风险等级', width: 7, type: 'short' },
    { key: 'categories', header: '类别', width: 12 },
    { key: 'visitor', header: '探访人', width: 8, type: 'short' },
    { key: 'wellbeing', header: '总体状况', width: 7, type: 'short' },
    { key: 'health', header: '健康状况', width: 18 },
    { key: 'homeSafety', header: '居家安全', width: 16 },
    { key: 'needs', header: '需求', width: 18 },
    { key: 'followUp', header: '后续跟进', width: 18 },
    { key: 'familyPhone', header: '家属电话', width: 13, type: 'short' },
  ],
  piiFields: (a) => (a.pii ? ['name', 'familyPhone'] : []),
  count: (ctx, q) => careLedger.countVisits(ctx.db, q.communityId, periodOf(q.filter.from, q.filter.to)),
  async *rows(ctx, q) {
    for await (const batch of careLedger.visitBatches(ctx.db, q.communityId, periodOf(q.filter.from, q.filter.to))) {
      yield batch.map((v) => {
        const family = v.family_contacts[0];
        const phone = family ? (q.access.pii && family.phoneEnc ? ctx.pii.decrypt(family.phoneEnc) : (family.phoneMasked ?? '')) : '';
        const follow = [v.follow_up, v.ticket_code ? `已转工单 ${v.ticket_code}` : null].filter(Boolean).join('；');
        return {
          visitedAt: v.visited_at,
          name: q.access.pii ? v.recipient_name : maskName(v.recipient_name),
          address: v.address ?? '',
          tier: careTierLabels['zh-CN'][v.tier],
          categories: tags(v.qualifying_tags),
          visitor: v.visitor_name,
          wellbeing: careWellbeingLabels['zh-CN'][v.wellbeing],
          health: v.health_finding ?? '',
          homeSafety: v.home_safety ?? '',
          needs: v.needs ?? '',
          followUp: follow,
          familyPhone: phone ? `${family!.relation ? `${family!.relation} ` : ''}${phone}` : '',
        };
      });
    }
  },
};
