import { registerMessages, type Keys } from '../../lib/i18n.js';

const _texts = registerMessages(
  {
    'nav.partyMembers': '党员', 'nav.teams': '队伍', 'nav.stations': '阵地', 'nav.partners': '共建单位', 'nav.accounts': '账号',
    'common.archive': '归档', 'common.keepBlank': '当前为 {masked}；留空表示不修改',
    'people.newPartyMember': '登记党员', 'people.searchName': '按姓名搜索', 'people.status': '身份', 'people.workUnit': '工作单位',
    'people.joinedOn': '入党日期', 'people.resident': '居民', 'people.residentHint': '输入姓名或完整手机号查找本社区居民',
    'people.newTeam': '新建队伍', 'people.kind': '类型', 'people.leaders': '负责人', 'people.memberCount': '人数', 'people.description': '简介',
    'people.members': '成员', 'people.leader': '负责人', 'people.addMember': '加入队伍', 'people.joinedAt': '加入时间',
    'people.leave': '退出', 'people.leaveConfirm': '确认让 {name} 退出队伍？',
    'people.newStation': '新建阵地', 'people.openingHours': '开放时间', 'people.contactPhone': '联系电话',
    'partners.new': '新增共建单位', 'partners.contact': '联系人', 'partners.joinedOn': '加入日期',
    'accounts.new': '新建账号', 'accounts.username': '用户名', 'accounts.displayName': '姓名', 'accounts.role': '角色',
    'accounts.community': '所属社区', 'accounts.phone': '手机号', 'accounts.active': '状态', 'accounts.enabled': '启用',
    'accounts.disabled': '停用', 'accounts.password': '初始密码', 'accounts.createdAt': '创建时间', 'accounts.resetPassword': '重置密码',
    'accounts.newPassword': '新密码',
    'accounts.lockedUntil': '已锁定至 {time}', 'accounts.unlock': '解除锁定', 'accounts.unlocked': '已解除锁定',
  },
  {
    'nav.partyMembers': 'Party members', 'nav.teams': 'Teams', 'nav.stations': 'Stations', 'nav.partners': 'Partners', 'nav.accounts': 'Accounts',
    'common.archive': 'Archive', 'common.keepBlank': 'Now {masked}; leave blank to keep it',
    'people.newPartyMember': 'Register party member', 'people.searchName': 'Search by name', 'people.status': 'Status', 'people.workUnit': 'Workplace',
    'people.joinedOn': 'Joined the Party', 'people.resident': 'Resident', 'people.residentHint': 'Type a name or full phone number of a resident here',
    'people.newTeam': 'New team', 'people.kind': 'Kind', 'people.leaders': 'Leaders', 'people.memberCount': 'Members', 'people.description': 'Description',
    'people.members': 'Members', 'people.leader': 'Leader', 'people.addMember': 'Add to team', 'people.joinedAt': 'Joined',
    'people.leave': 'Remove', 'people.leaveConfirm': 'Remove {name} from the team?',
    'people.newStation': 'New station', 'people.openingHours': 'Opening hours', 'people.contactPhone': 'Contact phone',
    'partners.new': 'New partner', 'partners.contact': 'Contact person', 'partners.joinedOn': 'Partner since',
    'accounts.new': 'New account', 'accounts.username': 'Username', 'accounts.displayName': 'Name', 'accounts.role': 'Role',
    'accounts.community': 'Community', 'accounts.phone': 'Phone', 'accounts.active': 'Status', 'accounts.enabled': 'Active',
    'accounts.disabled': 'Disabled', 'accounts.password': 'Initial password', 'accounts.createdAt': 'Created', 'accounts.resetPassword': 'Reset password',
    'accounts.newPassword': 'New password',
    'accounts.lockedUntil': 'Locked until {time}', 'accounts.unlock': 'Unlock', 'accounts.unlocked': 'Unlocked',
  },
);
declare module '../../lib/i18n.js' {
  interface MessageCatalog extends Keys<typeof _texts> {}
}
