import { z } from 'zod';
import { idSchema, pageOf, pageQuerySchema, phoneSchema } from './common.js';
import { dateSchema } from './hygiene.js';
import { wishCategories, wishClaimantKinds, wishEventKinds, wishSources, wishStatuses } from './wish-labels.js';

export * from './wish-labels.js';

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
/** Whole yuan: micro-wishes are small and the ledger totals them. */
const yuanSchema = z.coerce.number().int().min(0).max(1_000_000);

export const wishStatusSchema = z.enum(wishStatuses);
export const wishSourceSchema = z.enum(wishSources);
export const wishCategorySchema = z.enum(wishCategories);
export const wishClaimantKindSchema = z.enum(wishClaimantKinds);

export const wishClaimSchema = z.object({
  id: z.number(),
  claimantKind: wishClaimantKindSchema,
  claimantName: z.string(),
  accountId: z.number().nullable(),
  partnerId: z.number().nullable(),
  teamId: z.number().nullable(),
  shareNote: z.string().nullable(),
  shareValue: z.number().nullable(),
  channel: z.string(),
  createdAt: z.string(),
});
export type WishClaim = z.infer<typeof wishClaimSchema>;

export const wishEventSchema = z.object({
  id: z.number(),
  action: z.enum(wishEventKinds),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  actorName: z.string().nullable(),
  actorLabel: z.string().nullable(),
  channel: z.string().nullable(),
  note: z.string().nullable(),
  isPublic: z.boolean(),
  createdAt: z.string(),
});
export type WishEvent = z.infer<typeof wishEventSchema>;

/** A wish as staff see it: the resident's phone only masked. */
export const wishSchema = z.object({
  id: z.number(),
  communityId: z.number(),
  status: wishStatusSchema,
  source: wishSourceSchema,
  compoundId: z.number().nullable(),
  compoundName: z.string().nullable(),
  residentName: z.string(),
  residentPhoneMasked: z.string().nullable(),
  publicInitial: z.string(),
  text: z.string(),
  category: wishCategorySchema.nullable(),
  value: z.number().nullable(),
  shared: z.boolean(),
  dueOn: z.string().nullable(),
  publishedAt: z.string().nullable(),
  claimedAt: z.string().nullable(),
  fulfilledAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  resultNote: z.string().nullable(),
  thanks: z.string().nullable(),
  createdAt: z.string(),
  claimCount: z.number(),
});
export type Wish = z.infer<typeof wishSchema>;
export const wishPageSchema = pageOf(wishSchema);
export const wishDetailSchema = wishSchema.extend({
  claims: z.array(wishClaimSchema),
  events: z.array(wishEventSchema),
  photoIds: z.array(z.number()),
});
export type WishDetail = z.infer<typeof wishDetailSchema>;

export const wishSorts = ['createdAt', 'dueOn', 'status', 'value', 'id'] as const;
export const wishListQuerySchema = pageQuerySchema.extend({
  communityId: idSchema.optional(),
  status: wishStatusSchema.optional(),
  source: wishSourceSchema.optional(),
  category: wishCategorySchema.optional(),
  compoundId: idSchema.optional(),
  sort: z.enum(wishSorts).optional(),
});
export type WishListQuery = z.infer<typeof wishListQuerySchema>;

/** Recorded for a resident by a grid worker, building head, staff or at a meeting; it waits for the staff check. */
export const createWishSchema = z.object({
  communityId: idSchema.optional(),
  source: wishSourceSchema.exclude(['resident']),
  residentName: z.string().trim().min(1).max(40),
  residentPhone: phoneSchema.nullable().optional(),
  compoundId: idSchema.nullable().optional(),
  text: z.string().trim().min(2).max(500),
  category: wishCategorySchema.nullable().optional(),
  value: yuanSchema.nullable().optional(),
  meetingTitle: optionalText(80),
});
export type CreateWishInput = z.infer<typeof createWishSchema>;

export const publishWishSchema = z.object({
  /** Several claimants may share it, each their part (ADR 0036). */
  shared: z.boolean().default(false),
  dueOn: dateSchema.nullable().optional(),
  text: z.string().trim().min(2).max(500).optional(),
  category: wishCategorySchema.nullable().optional(),
  value: yuanSchema.nullable().optional(),
  note: optionalText(500),
});
export type PublishWishInput = z.infer<typeof publishWishSchema>;
export const wishReasonSchema = z.object({ reason: z.string().trim().min(1).max(500) });

/** Staff record a claim made by phone call, at a meeting, or for a team. */
export const recordWishClaimSchema = z.object({
  claimantKind: wishClaimantKindSchema,
  claimantName: z.string().trim().min(1).max(80),
  partnerId: idSchema.nullable().optional(),
  teamId: idSchema.nullable().optional(),
  shareNote: optionalText(200),
  shareValue: yuanSchema.nullable().optional(),
});
export type RecordWishClaimInput = z.infer<typeof recordWishClaimSchema>;
export const claimWishSchema = z.object({ shareNote: optionalText(200), shareValue: yuanSchema.nullable().optional() });
export type ClaimWishInput = z.infer<typeof claimWishSchema>;
export const fulfilWishSchema = z.object({ note: z.string().trim().min(1).max(1000) });
export const confirmWishSchema = z.object({ thanks: z.string().trim().max(500).nullable().optional() });

/** A wish on the public wall and in a claimant's list: an initial and the wish, never name, phone or address. */
export const publicWishSchema = z.object({
  id: z.number(),
  initial: z.string(),
  text: z.string(),
  category: wishCategorySchema.nullable(),
  value: z.number().nullable(),
  status: wishStatusSchema,
  shared: z.boolean(),
  dueOn: z.string().nullable(),
  publishedAt: z.string().nullable(),
  claimCount: z.number(),
});
export type PublicWish = z.infer<typeof publicWishSchema>;
export const publicWishListSchema = z.object({ communityName: z.string(), items: z.array(publicWishSchema) });
/** A claimant's own wish: what they claimed and whether they may fulfil it. */
export const myWishSchema = publicWishSchema.extend({ myShareNote: z.string().nullable(), canFulfil: z.boolean(), resultNote: z.string().nullable() });
export const myWishListSchema = z.object({ claimable: z.array(publicWishSchema), mine: z.array(myWishSchema) });

export const publicRaiseWishSchema = z.object({
  communityCode: z.string().trim().min(1).max(40),
  residentName: z.string().trim().min(1).max(40),
  residentPhone: phoneSchema,
  compoundId: idSchema.nullable().optional(),
  text: z.string().trim().min(2).max(500),
  category: wishCategorySchema.nullable().optional(),
  value: yuanSchema.nullable().optional(),
});
export type PublicRaiseWishInput = z.infer<typeof publicRaiseWishSchema>;
export const wishReceiptSchema = z.object({ code: z.string(), link: z.string() });
/** The resident's tracking page: their own wish and its public timeline. */
export const wishTrackingViewSchema = z.object({
  code: z.string(),
  status: wishStatusSchema,
  text: z.string(),
  claimants: z.array(z.string()),
  resultNote: z.string().nullable(),
  thanks: z.string().nullable(),
  canConfirm: z.boolean(),
  photoIds: z.array(z.number()),
  events: z.array(z.object({ action: z.enum(wishEventKinds), note: z.string().nullable(), createdAt: z.string() })),
});
export type WishTrackingView = z.infer<typeof wishTrackingViewSchema>;
