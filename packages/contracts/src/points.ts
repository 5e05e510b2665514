import { z } from 'zod';
import { idSchema, pageOf, pageQuerySchema } from './common.js';
import { dateSchema, plainTextSchema } from './hygiene.js';
import { perkStatuses, pointsEntryKinds, redemptionStatuses } from './points-labels.js';

export * from './points-labels.js';

const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

/** Each community's earning rules (积分规则) and expiry. */
export const pointsRulesSchema = z.object({
  pointsPerHour: z.number().min(0).max(100),
  hourCapPerActivity: z.number().min(0.5).max(24).nullable(),
  pointsPerWish: z.number().int().min(0).max(1000),
  roleBonus: z.record(z.string().max(40), z.number().int().min(0).max(1000)),
  expiryMonths: z.number().int().min(1).max(120).nullable(),
  redemptionValidDays: z.number().int().min(1).max(90),
});
export type PointsRules = z.infer<typeof pointsRulesSchema>;
export const updatePointsRulesSchema = pointsRulesSchema.extend({ communityId: idSchema.optional() });

export const pointsEntrySchema = z.object({
  id: z.number().int(),
  kind: z.enum(pointsEntryKinds),
  /** Signed effect on the volunteer's balance. */
  delta: z.number(),
  debitAccount: z.string(),
  creditAccount: z.string(),
  reason: z.string(),
  authorName: z.string().nullable(),
  sourceKind: z.string().nullable(),
  sourceId: z.number().int().nullable(),
  occurredAt: z.string(),
});
export type PointsEntry = z.infer<typeof pointsEntrySchema>;

export const pointsBalanceSchema = z.object({ volunteerId: z.number().int(), volunteerName: z.string().nullable(), balance: z.number() });
export type PointsBalance = z.infer<typeof pointsBalanceSchema>;

export const pointsStatementQuerySchema = z.object({
  volunteerId: idSchema.optional(),
  month: monthSchema.optional(),
  communityId: idSchema.optional(),
});
export const pointsStatementSchema = z.object({
  volunteerId: z.number().int(),
  volunteerName: z.string().nullable(),
  month: z.string(),
  openingBalance: z.number(),
  earned: z.number(),
  spent: z.number(),
  closingBalance: z.number(),
  balanceNow: z.number(),
  entries: z.array(pointsEntrySchema),
});
export type PointsStatement = z.infer<typeof pointsStatementSchema>;

export const adjustPointsSchema = z.object({
  volunteerId: idSchema,
  /** Positive adds, negative takes away; never zero. */
  amount: z
    .number()
    .min(-100000)
    .max(100000)
    .refine((n) => n !== 0 && Math.round(n * 10) === n * 10),
  reason: plainTextSchema.pipe(z.string().trim().min(2).max(200)),
  communityId: idSchema.optional(),
});
export type AdjustPointsInput = z.infer<typeof adjustPointsSchema>;

const perkFields = {
  partnerId: idSchema,
  title: plainTextSchema.pipe(z.string().trim().min(1).max(80)),
  terms: plainTextSchema.pipe(z.string().trim().max(500)).nullable().optional(),
  pricePoints: z.number().int().min(1).max(100000),
  stock: z.number().int().min(0).max(100000),
  validFrom: dateSchema,
  validTo: dateSchema,
};
export const createPerkSchema = z.object({ ...perkFields, communityId: idSchema.optional() });
export type CreatePerkInput = z.infer<typeof createPerkSchema>;
export const updatePerkSchema = z
  .object({ ...perkFields, status: z.enum(perkStatuses) })
  .omit({ partnerId: true })
  .partial();
export type UpdatePerkInput = z.infer<typeof updatePerkSchema>;

export const perkSchema = z.object({
  id: z.number().int(),
  partnerId: z.number().int(),
  partnerName: z.string().nullable(),
  title: z.string(),
  terms: z.string().nullable(),
  pricePoints: z.number().int(),
  stock: z.number().int(),
  validFrom: z.string(),
  validTo: z.string(),
  status: z.enum(perkStatuses),
  /** Open now: active, in its dates and in stock. */
  redeemable: z.boolean(),
  redeemedCount: z.number().int(),
  issuedCount: z.number().int(),
  updatedAt: z.string(),
});
export type Perk = z.infer<typeof perkSchema>;
export const perkListQuerySchema = pageQuerySchema.extend({
  communityId: idSchema.optional(),
  partnerId: idSchema.optional(),
  status: z.enum(perkStatuses).optional(),
  redeemable: z.enum(['true', 'false']).optional(),
});
export const perkListSchema = pageOf(perkSchema);

export const redemptionSchema = z.object({
  id: z.number().int(),
  perkId: z.number().int(),
  perkTitle: z.string(),
  partnerId: z.number().int(),
  partnerName: z.string().nullable(),
  volunteerId: z.number().int(),
  volunteerName: z.string().nullable(),
  points: z.number().int(),
  status: z.enum(redemptionStatuses),
  expiresAt: z.string(),
  redeemedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  endReason: z.string().nullable(),
  createdAt: z.string(),
});
export type Redemption = z.infer<typeof redemptionSchema>;
export const redemptionListQuerySchema = pageQuerySchema.extend({
  communityId: idSchema.optional(),
  perkId: idSchema.optional(),
  partnerId: idSchema.optional(),
  volunteerId: idSchema.optional(),
  status: z.enum(redemptionStatuses).optional(),
  mine: z.enum(['true', 'false']).optional(),
});
export const redemptionListSchema = pageOf(redemptionSchema);
export const redeemPerkSchema = z.object({ perkId: idSchema });
/** The answer to a redemption: the one time the code is shown. */
export const issuedRedemptionSchema = z.object({ redemption: redemptionSchema, code: z.string() });
export type IssuedRedemption = z.infer<typeof issuedRedemptionSchema>;
/** The code as typed at the counter; anything but the 8 digits of an issued code gets REDEMPTION_CODE_INVALID. */
export const confirmRedemptionSchema = z.object({ code: z.string().trim().min(1).max(20) });
export const cancelRedemptionSchema = z.object({ reason: plainTextSchema.pipe(z.string().trim().min(2).max(200)) });

/** The phone's points page: the volunteer's balance and this month's statement. */
export const myPointsSchema = z.object({ volunteerId: z.number().int().nullable(), balance: z.number(), statement: pointsStatementSchema.nullable() });
export type MyPoints = z.infer<typeof myPointsSchema>;
