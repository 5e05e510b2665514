import { registerMessages, type Keys } from '../../lib/i18n.js';

const _texts = registerMessages(
  {
    'matching.suggestions': '供需对接建议',
    'matching.none': '暂无合适的对接对象',
    'matching.reason': '推荐理由',
    'matching.send': '派单',
    'matching.sent': '已派单给 {name}',
    'matching.noClaimant': '无手机接单账号，请电话联系',
    'matching.refresh': '更新对接名录',
    'matching.orders': '派单记录',
    'matching.myOrders': '我的派单',
    'matching.need': '需求',
    'matching.candidate': '对接对象',
    'matching.claimant': '接单人',
    'matching.status': '状态',
    'matching.sentAt': '派单时间',
    'matching.rating': '群众评价',
    'matching.note': '备注',
    'matching.noOrders': '暂无派单',
    'matching.ratingValue': '{n} 星',
  },
  {
    'matching.suggestions': 'Suggested matches',
    'matching.none': 'No one suits this need yet',
    'matching.reason': 'Why',
    'matching.send': 'Send order',
    'matching.sent': 'Sent to {name}',
    'matching.noClaimant': 'No phone account; call them',
    'matching.refresh': 'Refresh the directory',
    'matching.orders': 'Orders',
    'matching.myOrders': 'My orders',
    'matching.need': 'Need',
    'matching.candidate': 'Match',
    'matching.claimant': 'Claimant',
    'matching.status': 'Status',
    'matching.sentAt': 'Sent',
    'matching.rating': 'Resident rating',
    'matching.note': 'Note',
    'matching.noOrders': 'No orders',
    'matching.ratingValue': '{n} stars',
  },
);
declare module '../../lib/i18n.js' {
  interface MessageCatalog extends Keys<typeof _texts> {}
}
