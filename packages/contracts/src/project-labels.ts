// Labels of 为民办实事 projects (ADR 0047), zod-free so the phone pages can import them.
type Locale = 'zh-CN' | 'en';

export const projectStatuses = ['proposed', 'approved', 'claimed', 'in_progress', 'completed', 'evaluated', 'rejected'] as const;
export type ProjectStatus = (typeof projectStatuses)[number];
export const projectStatusLabels: Record<Locale, Record<ProjectStatus, string>> = {
  'zh-CN': { proposed: '征集中', approved: '已立项', claimed: '已认领', in_progress: '推进中', completed: '已完成', evaluated: '已评价', rejected: '未立项' },
  en: {
    proposed: 'Proposed',
    approved: 'Approved',
    claimed: 'Claimed',
    in_progress: 'In progress',
    completed: 'Completed',
    evaluated: 'Evaluated',
    rejected: 'Not approved',
  },
};
export const projectSourceKinds = ['resident', 'meeting', 'staff', 'ticket', 'wish'] as const;
export type ProjectSourceKind = (typeof projectSourceKinds)[number];
export const projectSourceLabels: Record<Locale, Record<ProjectSourceKind, string>> = {
  'zh-CN': { resident: '居民提议', meeting: '议事会议', staff: '社区提出', ticket: '诉求转办', wish: '心愿转办' },
  en: { resident: 'Resident', meeting: 'Meeting', staff: 'Staff', ticket: 'Ticket', wish: 'Wish' },
};
export const projectUnitKinds = ['partner', 'organisation', 'party_org', 'community'] as const;
export type ProjectUnitKind = (typeof projectUnitKinds)[number];
export const projectUnitLabels: Record<Locale, Record<ProjectUnitKind, string>> = {
  'zh-CN': { partner: '共建单位', organisation: '职能部门', party_org: '党组织', community: '社区' },
  en: { partner: 'Partner', organisation: 'Department', party_org: 'Party organisation', community: 'Community' },
};
