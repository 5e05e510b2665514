import { z } from 'zod';
import { idSchema } from './common.js';
import { dateSchema } from './hygiene.js';
import { departmentRankingRowSchema } from './escalations.js';

/**
 * The 三率, over tickets raised in the period (merged tickets are left out, their reporters live on in the survivor):
 * - response rate: tickets accepted or first answered by their response deadline, over tickets whose response deadline has
 *   passed or that were answered (so a fresh ticket still inside its window counts for neither side);
 * - resolution rate: tickets whose resolution was confirmed at follow-up (closed after a rating or a follow-up that was not
 *   "dissatisfied"), over tickets raised, less those rejected;
 * - satisfaction rate: satisfied + basically satisfied, over tickets rated. Unrated tickets (closed by timeout) never count.
 */
export const rateSchema = z.object({ numerator: z.number(), denominator: z.number(), rate: z.number().nullable() });
export const dashboardQuerySchema = z.object({
  communityId: idSchema.optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
});
export const countRowSchema = z.object({ key: z.string(), label: z.string(), count: z.number() });
export const communityDashboardSchema = z.object({
  from: z.string(),
  to: z.string(),
  total: z.number(),
  responseRate: rateSchema,
  resolutionRate: rateSchema,
  satisfactionRate: rateSchema,
  byStatus: z.array(countRowSchema),
  byCategory: z.array(countRowSchema),
  byChannel: z.array(countRowSchema),
  byCompound: z.array(countRowSchema),
  weekly: z.array(z.object({ week: z.string(), created: z.number(), resolved: z.number() })),
  overdue: z.array(z.object({ id: z.number(), code: z.string(), title: z.string(), status: z.string(), dueAt: z.string() })),
  /** Partners active (an agreement in force today or a contribution this year) and contributions given in the period (issue 9). */
  partners: z
    .object({ partnersActive: z.number(), contributions: z.number(), contributionMoneyYuan: z.number(), contributionValueYuan: z.number() })
    .optional(),
  /** 微心愿 in the period: raised, fulfilled (fulfilled or confirmed) and the value of those fulfilled, in yuan. */
  wishes: z.object({ raised: z.number(), fulfilled: z.number(), value: z.number() }).optional(),
  /** 探访关爱 this month (care.read): recipients in care, visits required and done, overdue, coverage in per cent. */
  care: z.object({ recipients: z.number(), visitsRequired: z.number(), visitsDone: z.number(), overdue: z.number(), coveragePercent: z.number() }).optional(),
  /** Meetings this Beijing month (meetings.read): held, topics raised, topics answered on the spot (ADR 0045). */
  meetings: z.object({ held: z.number(), topicsRaised: z.number(), answeredOnSpot: z.number() }).optional(),
  /** Activities starting this Beijing month (activities.read): held, confirmed sign-ups, attendance (checked in plus walk-ins) of those held. */
  activities: z.object({ held: z.number(), signups: z.number(), attended: z.number() }).optional(),
  /** 场地预约 this month (venues.read): live bookings (requested or approved) starting this Beijing month. */
  venues: z.object({ bookingsThisMonth: z.number() }).optional(),
  /** Volunteers (volunteers.read): approved, active (hours in the last 90 days), and hours counted this month. */
  volunteers: z.object({ approved: z.number(), active: z.number(), hoursThisMonth: z.number() }).optional(),
  /** 积分 in the period (points.read): earned, spent less refunds, redemptions issued and honoured (核销). */
  points: z.object({ pointsEarned: z.number(), pointsSpent: z.number(), redemptionsIssued: z.number(), redemptionsRedeemed: z.number() }).optional(),
  /** 双报到 (party.read): pioneer posts held by a member now, party members reported this year. */
  party: z.object({ postsClaimed: z.number(), membersReported: z.number() }).optional(),
  /** 为民办实事 (projects.read): projects under way now (claimed or in progress) and completed this Beijing year (ADR 0047). */
  projects: z.object({ inProgress: z.number(), completedThisYear: z.number() }).optional(),
  /** 值守 this Beijing week (shifts.read): shifts with all the people they need on them, over the week's shifts (ADR 0044). */
  duty: z.object({ weekFrom: z.string(), weekTo: z.string(), covered: z.number(), total: z.number() }).optional(),
});
export type CommunityDashboard = z.infer<typeof communityDashboardSchema>;
export const subdistrictDashboardSchema = z.object({
  from: z.string(),
  to: z.string(),
  communities: z.array(
    z.object({
      communityId: z.number(),
      name: z.string(),
      total: z.number(),
      overdue: z.number(),
      responseRate: rateSchema,
      resolutionRate: rateSchema,
      satisfactionRate: rateSchema,
    }),
  ),
  /** The departments' ranking (吹哨报到) beside the communities', for a role that sees the whistle board (escalations.board). */
  departments: z.array(departmentRankingRowSchema).optional(),
});
export type SubdistrictDashboard = z.infer<typeof subdistrictDashboardSchema>;
export const rateDefinitions = {
  'zh-CN': {
    response: '响应率：在响应时限内受理或首次答复的诉求 ÷ 已到响应时限或已答复的诉求',
    resolution: '解决率：回访确认已解决（评价或回访结案且非不满意）的诉求 ÷ 受理范围内的诉求（不含不予受理、已合并）',
    satisfaction: '满意率：（满意 + 基本满意）÷ 已评价的诉求；超时未评价的不计为满意',
  },
  en: {
    response: 'Response rate: tickets accepted or first answered within the response deadline ÷ tickets answered or past that deadline',
    resolution:
      'Resolution rate: tickets confirmed resolved at follow-up (rated or closed at follow-up, not dissatisfied) ÷ tickets raised, less rejected and merged',
    satisfaction: 'Satisfaction rate: (satisfied + basically satisfied) ÷ rated tickets; unrated tickets never count as satisfied',
  },
} as const;
