import { registerMessages, type Keys } from '../../../lib/i18n.js';

// The texts of the phone page /h5/party (kept apart from the console's so the phone loads no more than it needs).
const _texts = registerMessages(
  {
    'partyH5.entry': '双报到 · 先锋岗',
    'partyH5.hint': '我的岗位、认领岗位、登记服务',
    'partyH5.back': '返回',
    'partyH5.myPosts': '我认领的先锋岗',
    'partyH5.openPosts': '可认领的先锋岗',
    'partyH5.claim': '认领',
    'partyH5.claimed': '已认领',
    'partyH5.log': '登记服务',
    'partyH5.servedOn': '服务日期',
    'partyH5.hours': '时长（小时）',
    'partyH5.post': '岗位',
    'partyH5.noPost': '（不限岗位）',
    'partyH5.content': '服务内容',
    'partyH5.save': '提交',
    'partyH5.saved': '已登记，计入志愿服务时长',
    'partyH5.none': '暂无',
    'partyH5.notMember': '您的账号尚未关联党员信息，请联系社区。',
  },
  {
    'partyH5.entry': 'Party report-in · pioneer posts',
    'partyH5.hint': 'My posts, claim a post, log a service',
    'partyH5.back': 'Back',
    'partyH5.myPosts': 'My pioneer posts',
    'partyH5.openPosts': 'Posts open to claim',
    'partyH5.claim': 'Claim',
    'partyH5.claimed': 'Claimed',
    'partyH5.log': 'Log a service',
    'partyH5.servedOn': 'Date',
    'partyH5.hours': 'Hours',
    'partyH5.post': 'Post',
    'partyH5.noPost': '(no particular post)',
    'partyH5.content': 'What was done',
    'partyH5.save': 'Submit',
    'partyH5.saved': 'Logged as volunteer service hours',
    'partyH5.none': 'None',
    'partyH5.notMember': 'Your account is not linked to a party member yet; please ask the community.',
  },
);
declare module '../../../lib/i18n.js' {
  interface MessageCatalog extends Keys<typeof _texts> {}
}
