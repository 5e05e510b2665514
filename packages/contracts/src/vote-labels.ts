// Free of zod: the phone pages import the vote labels cheaply (表决, ADR 0046).
type Locale = 'zh-CN' | 'en';

/** Who may vote: residents 18 and over, one per household, or owners weighted by exclusive floor area (专有部分面积). */
export const voteEligibilities = ['adults', 'households', 'owners'] as const;
export type VoteEligibility = (typeof voteEligibilities)[number];
export const voteEligibilityLabels: Record<Locale, Record<VoteEligibility, string>> = {
  'zh-CN': { adults: '年满18周岁的居民', households: '每户一票', owners: '业主（按专有部分面积）' },
  en: { adults: 'Residents 18 and over', households: 'One per household', owners: 'Owners (by floor area)' },
};
/** For owners, 民法典 art. 278: ordinary matters by more than half, the listed major matters by three quarters; `other` sets its own rule. */
export const voteMatters = ['ordinary', 'major', 'other'] as const;
export type VoteMatter = (typeof voteMatters)[number];
export const voteMatterLabels: Record<Locale, Record<VoteMatter, string>> = {
  'zh-CN': { ordinary: '一般事项', major: '重大事项（维修资金、改建重建、改变共有部分用途等）', other: '其他事项（自定规则）' },
  en: { ordinary: 'Ordinary matter', major: 'Major matter (repair funds, rebuilding, changing common parts)', other: 'Other (own rule)' },
};
export const voteStatuses = ['draft', 'open', 'closed', 'published', 'archived'] as const;
export type VoteStatus = (typeof voteStatuses)[number];
export const voteStatusLabels: Record<Locale, Record<VoteStatus, string>> = {
  'zh-CN': { draft: '草稿', open: '表决中', closed: '已截止', published: '已公示', archived: '已归档' },
  en: { draft: 'Draft', open: 'Open', closed: 'Closed', published: 'Published', archived: 'Archived' },
};
export const voteChoices = ['yes', 'no', 'abstain'] as const;
export type VoteChoice = (typeof voteChoices)[number];
export const voteChoiceLabels: Record<Locale, Record<VoteChoice, string>> = {
  'zh-CN': { yes: '同意', no: '反对', abstain: '弃权' },
  en: { yes: 'Yes', no: 'No', abstain: 'Abstain' },
};
export const voteOutcomes = ['passed', 'failed', 'no_quorum'] as const;
export type VoteOutcome = (typeof voteOutcomes)[number];
export const voteOutcomeLabels: Record<Locale, Record<VoteOutcome, string>> = {
  'zh-CN': { passed: '通过', failed: '未通过', no_quorum: '参与人数不足' },
  en: { passed: 'Passed', failed: 'Failed', no_quorum: 'No quorum' },
};
export const voteChannels = ['phone', 'paper'] as const;
export type VoteChannel = (typeof voteChannels)[number];
export const voteChannelLabels: Record<Locale, Record<VoteChannel, string>> = {
  'zh-CN': { phone: '手机投票', paper: '纸质选票' },
  en: { phone: 'Phone', paper: 'Paper ballot' },
};
