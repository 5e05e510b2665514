// Free of zod: the phone pages import these labels (`@linli/contracts/activity-labels`) without the contracts root.

/** Kinds of activity (活动类型). */
export const activityKinds = ['lecture', 'arts', 'volunteering', 'drill', 'fitness', 'festival', 'other'] as const;
export type ActivityKind = (typeof activityKinds)[number];

/** Who organises it: a team (文艺队、志愿队), a partner unit (共建单位) or the community's staff. */
export const activityOrganiserKinds = ['team', 'partner', 'staff'] as const;
export type ActivityOrganiserKind = (typeof activityOrganiserKinds)[number];

/** published → held → reported, or cancelled (ADR 0048). */
export const activityStatuses = ['published', 'held', 'reported', 'cancelled'] as const;
export type ActivityStatus = (typeof activityStatuses)[number];

/** Who may come: everyone in the community, or the residents of one compound. */
export const activityAudiences = ['all', 'compound'] as const;
export type ActivityAudience = (typeof activityAudiences)[number];

/** A sign-up holds a seat, waits in line (候补), or was cancelled. */
export const activitySignupStatuses = ['confirmed', 'waitlisted', 'cancelled'] as const;
export type ActivitySignupStatus = (typeof activitySignupStatuses)[number];

export const activityLabels = {
  'zh-CN': {
    kind: { lecture: '讲座', arts: '文艺', volunteering: '志愿服务', drill: '演练', fitness: '健身', festival: '节日活动', other: '其他' },
    organiserKind: { team: '队伍', partner: '共建单位', staff: '社区工作人员' },
    status: { published: '已发布', held: '已举办', reported: '已总结', cancelled: '已取消' },
    audience: { all: '全社区', compound: '本小区' },
    signupStatus: { confirmed: '已报名', waitlisted: '候补', cancelled: '已取消' },
  },
  en: {
    kind: { lecture: 'Talk', arts: 'Arts', volunteering: 'Volunteering', drill: 'Drill', fitness: 'Fitness', festival: 'Festival', other: 'Other' },
    organiserKind: { team: 'Team', partner: 'Partner', staff: 'Community staff' },
    status: { published: 'Published', held: 'Held', reported: 'Reported', cancelled: 'Cancelled' },
    audience: { all: 'Whole community', compound: 'One compound' },
    signupStatus: { confirmed: 'Signed up', waitlisted: 'Waiting list', cancelled: 'Cancelled' },
  },
} as const satisfies Record<
  'zh-CN' | 'en',
  {
    kind: Record<ActivityKind, string>;
    organiserKind: Record<ActivityOrganiserKind, string>;
    status: Record<ActivityStatus, string>;
    audience: Record<ActivityAudience, string>;
    signupStatus: Record<ActivitySignupStatus, string>;
  }
>;

/** The phone page's path to one's own sign-up: the key rides in the fragment (#k=…), which browsers never send. */
export const activitySignupLinkPath = (key: string): string => `/h5/activities/mine#k=${key}`;
