// Free of zod, so the phone pages import the labels themselves (`@linli/contracts/care-checkin-labels`).

type Locale = 'zh-CN' | 'en';

/** Who the ladder (未报平安逐级提醒) tells, in the order a community sets. */
export const ladderStepKinds = ['recipient', 'helper', 'family', 'grid_worker', 'visit_ticket'] as const;
export type LadderStepKind = (typeof ladderStepKinds)[number];
export const ladderStepLabels: Record<Locale, Record<LadderStepKind, string>> = {
  'zh-CN': { recipient: '提醒本人', helper: '通知结对人', family: '通知家属', grid_worker: '通知网格员', visit_ticket: '生成上门探访工单' },
  en: {
    recipient: 'Remind the person',
    helper: 'Tell the paired helper',
    family: 'Tell the family',
    grid_worker: 'Tell the grid worker',
    visit_ticket: 'Open a visit ticket',
  },
};

/** How a check-in (报平安) came in. */
export const checkinVias = ['link', 'helper', 'family', 'staff'] as const;
export type CheckinVia = (typeof checkinVias)[number];
export const checkinViaLabels: Record<Locale, Record<CheckinVia, string>> = {
  'zh-CN': { link: '本人一键报平安', helper: '结对人代报', family: '家属代报', staff: '工作人员代报' },
  en: { link: 'Own one-tap link', helper: 'Paired helper', family: 'Family member', staff: 'Staff' },
};

/** Away notices (外出报备) that pause the ladder. */
export const awayKinds = ['trip', 'hospital', 'family'] as const;
export type AwayKind = (typeof awayKinds)[number];
export const awayKindLabels: Record<Locale, Record<AwayKind, string>> = {
  'zh-CN': { trip: '出门', hospital: '住院', family: '去子女家' },
  en: { trip: 'Away', hospital: 'In hospital', family: 'At their children' },
};

export const checkinStatuses = ['done', 'pending', 'missed', 'away'] as const;
export type CheckinStatus = (typeof checkinStatuses)[number];
export const checkinStatusLabels: Record<Locale, Record<CheckinStatus, string>> = {
  'zh-CN': { done: '已报平安', pending: '待报平安', missed: '未报平安', away: '外出暂停' },
  en: { done: 'Checked in', pending: 'Not yet', missed: 'Missed', away: 'Away (paused)' },
};
