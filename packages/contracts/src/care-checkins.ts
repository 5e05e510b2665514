import { z } from 'zod';
import { idSchema } from './common.js';
import { dateSchema } from './hygiene.js';

type Locale = 'zh-CN' | 'en';

/** Who the ladder (未报平安逐级提醒) tells, in the order a community sets. */
export const ladderStepKinds = ['recipient', 'helper', 'family', 'grid_worker', 'visit_ticket'] as const;
export type LadderStepKind = (typeof ladderStepKinds)[number];
export const ladderStepLabels: Record<Locale, Record<LadderStepKind, string>> = {
  'zh-CN': { recipient: '提醒本人', helper: '通知结对人', family: '通知家属', grid_worker: '通知网格员', visit_ticket: '生成上门探访工单' },
  en: { recipient: 'Remind the person', helper: 'Tell the paired helper', family: 'Tell the family', grid_worker: 'Tell the grid worker', visit_ticket: 'Open a visit ticket' },
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

/** The link holder: the person themselves, or a family member with their own link. */
export const checkinLinkHolders = ['self', 'family'] as const;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'invalid' });

export const ladderStepSchema = z.object({ kind: z.enum(ladderStepKinds), afterMinutes: z.number().int().min(0).max(24 * 60) });
export const checkinLadderSchema = z.object({ steps: z.array(ladderStepSchema).min(1).max(ladderStepKinds.length) });
export type CheckinLadder = z.infer<typeof checkinLadderSchema>;
export const updateCheckinLadderSchema = checkinLadderSchema.extend({ communityId: idSchema.optional() });

export const checkinPlanInputSchema = z.object({ dueBy: hhmm, isActive: z.boolean().default(true) });
export const checkinPlanSchema = z.object({ recipientId: z.number(), dueBy: z.string(), isActive: z.boolean(), hasLink: z.boolean() });

export const createCheckinSchema = z.object({
  recipientId: idSchema,
  via: z.enum(['helper', 'family', 'staff']),
  note: z.string().trim().max(200).nullable().optional(),
});
export type CreateCheckinInput = z.infer<typeof createCheckinSchema>;
/** The one-tap check-in: only the token from the link's fragment. */
export const tapCheckinSchema = z.object({ token: z.string().min(1).max(200) });
export const tapCheckinResultSchema = z.object({ ok: z.literal(true), name: z.string(), checkedInAt: z.string() });

export const issueCheckinLinkSchema = z.object({ holder: z.enum(checkinLinkHolders).default('self'), holderName: z.string().trim().max(40).nullable().optional() });
/** The only answer that ever carries the link: staff hand it over, it is never listed again. */
export const issuedCheckinLinkSchema = z.object({ linkId: z.number(), path: z.string() });
export const checkinLinkSchema = z.object({
  id: z.number(),
  holder: z.enum(checkinLinkHolders),
  holderName: z.string().nullable(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export const checkinLinkListSchema = z.object({ items: z.array(checkinLinkSchema) });

export const createAwaySchema = z.object({
  recipientId: idSchema,
  kind: z.enum(awayKinds),
  startsOn: dateSchema,
  endsOn: dateSchema,
  note: z.string().trim().max(200).nullable().optional(),
});
export type CreateAwayInput = z.infer<typeof createAwaySchema>;
export const awaySchema = z.object({
  id: z.number(),
  recipientId: z.number(),
  kind: z.enum(awayKinds),
  startsOn: z.string(),
  endsOn: z.string(),
  note: z.string().nullable(),
  cancelledAt: z.string().nullable(),
});
export const awayListSchema = z.object({ items: z.array(awaySchema) });

export const ladderEntrySchema = z.object({ kind: z.enum(ladderStepKinds), at: z.string(), notified: z.string().nullable(), ticketId: z.number().nullable() });
export const todayCheckinSchema = z.object({
  recipientId: z.number(),
  name: z.string(),
  compound: z.string().nullable(),
  dueAt: z.string(),
  status: z.enum(checkinStatuses),
  checkedInAt: z.string().nullable(),
  via: z.enum(checkinVias).nullable(),
  /** The ladder steps already taken today, oldest first; the last one is where the person is on the ladder. */
  ladder: z.array(ladderEntrySchema),
  stoppedAfterEscalation: z.boolean(),
  awayKind: z.enum(awayKinds).nullable(),
});
export type TodayCheckin = z.infer<typeof todayCheckinSchema>;
export const todayCheckinsQuerySchema = z.object({ communityId: idSchema.optional(), mine: z.enum(['true', 'false']).optional() });
export const todayCheckinsSchema = z.object({
  day: z.string(),
  counts: z.object({ done: z.number(), pending: z.number(), missed: z.number(), away: z.number() }),
  items: z.array(todayCheckinSchema),
});
export type TodayCheckins = z.infer<typeof todayCheckinsSchema>;
export const recipientIdParamsSchema = z.object({ recipientId: idSchema });
