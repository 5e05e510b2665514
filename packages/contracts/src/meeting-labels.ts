// Free of zod, so the phone pages import the meeting labels cheaply (`@linli/contracts/meeting-labels`). ADR 0045.
type Locale = 'zh-CN' | 'en';

/** Kinds of meetings seen in the field; `other` also holds the meetings made from old free-text titles. */
export const meetingKinds = ['tea_talk', 'hearing', 'council', 'secretary_session', 'party_congress', 'residents_assembly', 'other'] as const;
export type MeetingKind = (typeof meetingKinds)[number];

/** planned → held → minuted (closed), or planned → cancelled. */
export const meetingStatuses = ['planned', 'held', 'minuted', 'cancelled'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

export const meetingActions = ['hold', 'close', 'cancel'] as const;
export type MeetingAction = (typeof meetingActions)[number];

/** Timeline kinds: the actions plus the steps that change no state. */
export const meetingEventKinds = [
  'planned',
  ...meetingActions,
  'updated',
  'topic_added',
  'topic_outcome',
  'attendee_added',
  'signed_in',
  'walk_ins',
  'minutes_saved',
  'decision_added',
  'follow_up_added',
  'follow_up_done',
  'ticket_raised',
] as const;
export type MeetingEventKind = (typeof meetingEventKinds)[number];

/** Where an agenda topic (议题) came from. */
export const topicSourceKinds = ['ticket', 'wish', 'proposal', 'new'] as const;
export type TopicSourceKind = (typeof topicSourceKinds)[number];

/** What came of a topic: answered on the spot, became a ticket, goes to a vote, deferred. */
export const topicOutcomes = ['answered', 'ticket', 'vote', 'deferred'] as const;
export type TopicOutcome = (typeof topicOutcomes)[number];

export const attendeeKinds = ['resident', 'account', 'organisation', 'partner', 'guest'] as const;
export type AttendeeKind = (typeof attendeeKinds)[number];

export const meetingKindLabels: Record<Locale, Record<MeetingKind, string>> = {
  'zh-CN': {
    tea_talk: '喝茶议事',
    hearing: '民情恳谈会',
    council: '居民议事会',
    secretary_session: '书记面对面',
    party_congress: '党员大会',
    residents_assembly: '居民会议',
    other: '其他会议',
  },
  en: {
    tea_talk: 'Tea-table talk',
    hearing: 'Public hearing',
    council: 'Residents’ council',
    secretary_session: 'Secretary face to face',
    party_congress: 'Party members’ meeting',
    residents_assembly: 'Residents’ assembly',
    other: 'Other meeting',
  },
};
export const meetingStatusLabels: Record<Locale, Record<MeetingStatus, string>> = {
  'zh-CN': { planned: '待召开', held: '已召开', minuted: '已归档', cancelled: '已取消' },
  en: { planned: 'Planned', held: 'Held', minuted: 'Minuted', cancelled: 'Cancelled' },
};
export const meetingEventLabels: Record<Locale, Record<MeetingEventKind, string>> = {
  'zh-CN': {
    planned: '安排会议',
    hold: '召开会议',
    close: '会议记录归档',
    cancel: '取消会议',
    updated: '修改会议信息',
    topic_added: '添加议题',
    topic_outcome: '议题结果',
    attendee_added: '添加参会人',
    signed_in: '签到',
    walk_ins: '登记现场参会人数',
    minutes_saved: '保存会议记录',
    decision_added: '记录决定事项',
    follow_up_added: '添加跟进事项',
    follow_up_done: '跟进事项完成',
    ticket_raised: '议题转为诉求',
  },
  en: {
    planned: 'Planned',
    hold: 'Held',
    close: 'Minutes closed',
    cancel: 'Cancelled',
    updated: 'Details changed',
    topic_added: 'Topic added',
    topic_outcome: 'Topic outcome',
    attendee_added: 'Attendee added',
    signed_in: 'Signed in',
    walk_ins: 'Walk-ins counted',
    minutes_saved: 'Minutes saved',
    decision_added: 'Decision recorded',
    follow_up_added: 'Follow-up added',
    follow_up_done: 'Follow-up done',
    ticket_raised: 'Ticket raised',
  },
};
export const topicSourceLabels: Record<Locale, Record<TopicSourceKind, string>> = {
  'zh-CN': { ticket: '诉求', wish: '微心愿', proposal: '提议', new: '现场提出' },
  en: { ticket: 'Ticket', wish: 'Wish', proposal: 'Proposal', new: 'Raised there' },
};
export const topicOutcomeLabels: Record<Locale, Record<TopicOutcome, string>> = {
  'zh-CN': { answered: '当场答复', ticket: '转为诉求', vote: '提交表决', deferred: '暂缓再议' },
  en: { answered: 'Answered on the spot', ticket: 'Became a ticket', vote: 'Goes to a vote', deferred: 'Deferred' },
};
export const attendeeKindLabels: Record<Locale, Record<AttendeeKind, string>> = {
  'zh-CN': { resident: '居民', account: '社区工作人员', organisation: '职能部门', partner: '共建单位', guest: '其他' },
  en: { resident: 'Resident', account: 'Staff', organisation: 'Department', partner: 'Partner', guest: 'Guest' },
};
