import { z } from 'zod';
import { idSchema, pageOf, pageQuerySchema } from './common.js';
import { dateSchema } from './hygiene.js';

type Locale = 'zh-CN' | 'en';

/** 帮扶清单 (issue 9 item 3): what kind of help a household or person needs. */
export const helpCategories = ['errands', 'companionship', 'medical', 'repair', 'financial', 'legal', 'cleaning', 'other'] as const;
export const helpCategorySchema = z.enum(helpCategories);
export type HelpCategory = z.infer<typeof helpCategorySchema>;
export const helpCategoryLabels: Record<Locale, Record<HelpCategory, string>> = {
  'zh-CN': {
    errands: '代购跑腿',
    companionship: '陪伴关怀',
    medical: '就医助医',
    repair: '维修帮扶',
    financial: '经济救助',
    legal: '法律援助',
    cleaning: '家政保洁',
    other: '其他帮扶',
  },
  en: {
    errands: 'Shopping and errands',
    companionship: 'Company and care',
    medical: 'Help with doctors',
    repair: 'Home repairs',
    financial: 'Financial aid',
    legal: 'Legal aid',
    cleaning: 'Cleaning',
    other: 'Other help',
  },
};

export const helpStatuses = ['open', 'in_progress', 'closed'] as const;
export type HelpStatus = (typeof helpStatuses)[number];
export const helpStatusLabels: Record<Locale, Record<HelpStatus, string>> = {
  'zh-CN': { open: '待帮扶', in_progress: '帮扶中', closed: '已结束' },
  en: { open: 'Open', in_progress: 'Being helped', closed: 'Closed' },
};

/** Who helps: an account, a team, a partner or a party member. */
export const helperKinds = ['account', 'team', 'partner', 'party_member'] as const;
export type HelperKind = (typeof helperKinds)[number];
export const helperKindLabels: Record<Locale, Record<HelperKind, string>> = {
  'zh-CN': { account: '工作人员', team: '队伍', partner: '共建单位', party_member: '党员' },
  en: { account: 'Staff member', team: 'Team', partner: 'Partner', party_member: 'Party member' },
};

/** Timeline steps of a help need; each has a label (no raw code on screen). */
export const helpEventKinds = ['created', 'updated', 'helper_set', 'action_added', 'started', 'closed', 'reopened'] as const;
export type HelpEventKind = (typeof helpEventKinds)[number];
export const helpEventLabels: Record<Locale, Record<HelpEventKind, string>> = {
  'zh-CN': {
    created: '列入帮扶清单',
    updated: '修改需求',
    helper_set: '确定帮扶人',
    action_added: '记录帮扶',
    started: '开始帮扶',
    closed: '结束帮扶',
    reopened: '重新帮扶',
  },
  en: {
    created: 'Added to the help list',
    updated: 'Need changed',
    helper_set: 'Helper chosen',
    action_added: 'Help recorded',
    started: 'Help started',
    closed: 'Help ended',
    reopened: 'Help reopened',
  },
};

const text = (max: number) => z.string().trim().min(1).max(max);

export const helpHelperSchema = z.object({
  helperKind: z.enum(helperKinds),
  helperId: idSchema,
});

export const createHelpNeedSchema = z.object({
  communityId: idSchema.optional(),
  residentId: idSchema,
  helpCategory: helpCategorySchema,
  /** What help is needed; encrypted at rest. */
  request: text(500),
  /** Health or income circumstances; encrypted at rest, shown only with help.sensitive. */
  circumstances: text(1000).nullable().optional(),
});
export type CreateHelpNeedInput = z.infer<typeof createHelpNeedSchema>;

export const updateHelpNeedSchema = z.object({
  helpCategory: helpCategorySchema.optional(),
  request: text(500).optional(),
  circumstances: text(1000).nullable().optional(),
});
export type UpdateHelpNeedInput = z.infer<typeof updateHelpNeedSchema>;
export type HelpHelperInput = z.infer<typeof helpHelperSchema>;

export const helpActionInputSchema = z.object({
  actedOn: dateSchema,
  note: text(500),
});
export type HelpActionInput = z.infer<typeof helpActionInputSchema>;

export const helpStepSchema = z.object({
  action: z.enum(['start', 'close', 'reopen']),
  note: text(500).optional(),
});
export type HelpStepInput = z.infer<typeof helpStepSchema>;

export const helpNeedListQuerySchema = pageQuerySchema.extend({
  communityId: idSchema.optional(),
  status: z.enum(helpStatuses).optional(),
  helpCategory: helpCategorySchema.optional(),
});
export type HelpNeedListQuery = z.infer<typeof helpNeedListQuerySchema>;

/** A help need as lists show it: category, masked name, status and helper; never the details. */
export const helpNeedSchema = z.object({
  id: z.number(),
  communityId: z.number(),
  residentId: z.number(),
  residentNameMasked: z.string(),
  compoundName: z.string().nullable(),
  helpCategory: helpCategorySchema,
  status: z.enum(helpStatuses),
  helperKind: z.enum(helperKinds).nullable(),
  helperId: z.number().nullable(),
  helperName: z.string().nullable(),
  actionCount: z.number(),
  lastActedOn: z.string().nullable(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
});
export type HelpNeed = z.infer<typeof helpNeedSchema>;
export const helpNeedPageSchema = pageOf(helpNeedSchema);

export const helpActionSchema = z.object({
  id: z.number(),
  actedOn: z.string(),
  note: z.string(),
  actorName: z.string().nullable(),
  createdAt: z.string(),
});
export const helpEventSchema = z.object({
  id: z.number(),
  action: z.enum(helpEventKinds),
  fromStatus: z.enum(helpStatuses).nullable(),
  toStatus: z.enum(helpStatuses).nullable(),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
/** One need with what was done and its timeline; the details stay behind the logged full view. */
export const helpNeedDetailSchema = helpNeedSchema.extend({
  actions: z.array(helpActionSchema),
  events: z.array(helpEventSchema),
});
export type HelpNeedDetail = z.infer<typeof helpNeedDetailSchema>;

/** The logged full view (help.sensitive): the resident's name, the request, circumstances and the tags it rests on. */
export const helpNeedFullSchema = z.object({
  id: z.number(),
  residentName: z.string(),
  request: z.string(),
  circumstances: z.string().nullable(),
  basis: z.array(z.string()),
});
export type HelpNeedFull = z.infer<typeof helpNeedFullSchema>;
