import { z } from 'zod';
import { idSchema, pageOf, pageQuerySchema, phoneSchema } from './common.js';
import { dateSchema } from './hygiene.js';
import { partyAreaKinds, partyBranchRoles, partyPostClasses, partyPostPlaceKinds } from './party-labels.js';

export * from './party-labels.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const partyPostClassSchema = z.enum(partyPostClasses);
export const partyPostPlaceKindSchema = z.enum(partyPostPlaceKinds);
export const partyAreaKindSchema = z.enum(partyAreaKinds);

// ------------------------------------------------------------------ settings

/** A community's 双报到 rules: re-report interval (Foshan: half a year) and the yearly service floor (Xingtai: 50 h). */
export const partySettingsSchema = z.object({
  communityId: z.number(),
  reportIntervalMonths: z.number().int(),
  floorHoursPerYear: z.number(),
  passPoints: z.number().int().nullable(),
});
export type PartySettings = z.infer<typeof partySettingsSchema>;
export const updatePartySettingsSchema = z.object({
  communityId: idSchema.optional(),
  reportIntervalMonths: z.number().int().min(1).max(24).optional(),
  floorHoursPerYear: z.number().min(0).max(1000).optional(),
  passPoints: z.number().int().min(0).max(10000).nullable().optional(),
});
export type UpdatePartySettingsInput = z.infer<typeof updatePartySettingsSchema>;
export const partyCommunityQuerySchema = z.object({ communityId: idSchema.optional() });

// ------------------------------------------------------------------ 双报到 reports

export const partyReportSchema = z.object({
  id: z.number(),
  communityId: z.number(),
  partyMemberId: z.number(),
  memberName: z.string(),
  workUnit: z.string(),
  workUnitPartyOrg: z.string().nullable(),
  /** The day the 报到单 from the unit's party organisation arrived. */
  slipReceivedOn: z.string(),
  reportedOn: z.string(),
  /** The 回执 number the community issued. */
  receiptNo: z.string(),
  skills: z.array(z.string()),
  preferredClasses: z.array(partyPostClassSchema),
  contactPhoneMasked: z.string().nullable(),
  /** When the member must report again (reportedOn + the community's interval). */
  nextDueOn: z.string(),
  createdAt: z.string(),
});
export type PartyReport = z.infer<typeof partyReportSchema>;
export const partyReportPageSchema = pageOf(partyReportSchema);

export const createPartyReportSchema = z.object({
  workUnit: text(100),
  workUnitPartyOrg: optionalText(100),
  slipReceivedOn: dateSchema,
  reportedOn: dateSchema.optional(),
  skills: z.array(text(30)).max(10).optional(),
  preferredClasses: z.array(partyPostClassSchema).max(8).optional(),
  contactPhone: phoneSchema.nullable().optional(),
});
export type CreatePartyReportInput = z.infer<typeof createPartyReportSchema>;

export const partyReportListQuerySchema = pageQuerySchema.extend({
  communityId: idSchema.optional(),
  partyMemberId: idSchema.optional(),
  sort: z.enum(['reportedOn', 'id']).optional(),
});
export type PartyReportListQuery = z.infer<typeof partyReportListQuerySchema>;

/** An in-service member who must report (again): never reported, or the last report is older than the interval. */
export const partyReportDueSchema = z.object({
  partyMemberId: z.number(),
  memberName: z.string(),
  workUnit: z.string().nullable(),
  lastReportedOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
});
export type PartyReportDue = z.infer<typeof partyReportDueSchema>;
export const partyReportDueListSchema = z.object({ items: z.array(partyReportDueSchema) });
export const partyReportDueQuerySchema = z.object({
  communityId: idSchema.optional(),
  /** Also list those due within this many days. */
  withinDays: z.coerce.number().int().min(0).max(366).default(30),
});
export type PartyReportDueQuery = z.infer<typeof partyReportDueQuerySchema>;

// ------------------------------------------------------------------ pioneer posts (先锋岗)

export const pioneerPostSchema = z.object({
  id: z.number(),
  communityId: z.number(),
  name: z.string(),
  postClass: partyPostClassSchema,
  placeKind: partyPostPlaceKindSchema,
  placeId: z.number(),
  placeName: z.string().nullable(),
  capacity: z.number().int(),
  claimedCount: z.number().int(),
  description: z.string().nullable(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type PioneerPost = z.infer<typeof pioneerPostSchema>;
export const pioneerPostPageSchema = pageOf(pioneerPostSchema);

export const createPioneerPostSchema = z.object({
  communityId: idSchema.optional(),
  name: text(60),
  postClass: partyPostClassSchema,
  placeKind: partyPostPlaceKindSchema,
  placeId: idSchema,
  capacity: z.number().int().min(1).max(500),
  description: optionalText(500),
});
export type CreatePioneerPostInput = z.infer<typeof createPioneerPostSchema>;
export const updatePioneerPostSchema = createPioneerPostSchema.pick({ name: true, capacity: true, description: true }).partial();
export type UpdatePioneerPostInput = z.infer<typeof updatePioneerPostSchema>;

export const pioneerPostListQuerySchema = pageQuerySchema.extend({
  communityId: idSchema.optional(),
  postClass: partyPostClassSchema.optional(),
  placeKind: partyPostPlaceKindSchema.optional(),
  /** 'true': only posts with a free place. */
  open: z.enum(['true', 'false']).optional(),
  includeArchived: z.enum(['true', 'false']).optional(),
  sort: z.enum(['name', 'postClass', 'id']).optional(),
});
export type PioneerPostListQuery = z.infer<typeof pioneerPostListQuerySchema>;

export const pioneerPostClaimSchema = z.object({
  id: z.number(),
  postId: z.number(),
  postName: z.string(),
  partyMemberId: z.number(),
  memberName: z.string(),
  claimedAt: z.string(),
  leftAt: z.string().nullable(),
  leaveReason: z.string().nullable(),
});
export type PioneerPostClaim = z.infer<typeof pioneerPostClaimSchema>;
export const pioneerPostClaimListSchema = z.object({ items: z.array(pioneerPostClaimSchema) });
/** Staff name the member; a party member on the phone claims for themself (no member given). */
export const claimPioneerPostSchema = z.object({ partyMemberId: idSchema.optional() });
export type ClaimPioneerPostInput = z.infer<typeof claimPioneerPostSchema>;
export const claimParamsSchema = z.object({ id: idSchema, claimId: idSchema });
export const leavePostSchema = z.object({ reason: optionalText(200) });

// ------------------------------------------------------------------ responsibility areas (责任区) and pairings (结对)

export const partyAreaSchema = z.object({
  id: z.number(),
  partyMemberId: z.number(),
  placeKind: partyAreaKindSchema,
  placeId: z.number(),
  placeName: z.string().nullable(),
  note: z.string().nullable(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
});
export type PartyArea = z.infer<typeof partyAreaSchema>;
export const createPartyAreaSchema = z.object({ placeKind: partyAreaKindSchema, placeId: idSchema, note: optionalText(200), startedOn: dateSchema.optional() });
export type CreatePartyAreaInput = z.infer<typeof createPartyAreaSchema>;

export const partyPairingSchema = z.object({
  id: z.number(),
  partyMemberId: z.number(),
  householdId: z.number(),
  householdLabel: z.string().nullable(),
  note: z.string().nullable(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
});
export type PartyPairing = z.infer<typeof partyPairingSchema>;
export const createPartyPairingSchema = z.object({ householdId: idSchema, note: optionalText(500), startedOn: dateSchema.optional() });
export type CreatePartyPairingInput = z.infer<typeof createPartyPairingSchema>;
export const endPartyLinkSchema = z.object({ endedOn: dateSchema.optional() });
export type EndPartyLinkInput = z.infer<typeof endPartyLinkSchema>;
export const memberLinkParamsSchema = z.object({ id: idSchema, linkId: idSchema });

// ------------------------------------------------------------------ service (as volunteer service hours)

export const logPartyServiceSchema = z.object({
  servedOn: dateSchema,
  hours: z.number().min(0.5).max(12),
  postId: idSchema.nullable().optional(),
  content: text(200),
});
export type LogPartyServiceInput = z.infer<typeof logPartyServiceSchema>;
export const partyServiceEntrySchema = z.object({ entryId: z.number(), volunteerId: z.number(), hours: z.number() });

/** One member's party work: the member's reports, posts, areas and pairings. */
export const partyMemberWorkSchema = z.object({
  partyMemberId: z.number(),
  memberName: z.string(),
  status: z.string(),
  reports: z.array(partyReportSchema),
  claims: z.array(pioneerPostClaimSchema),
  areas: z.array(partyAreaSchema),
  pairings: z.array(partyPairingSchema),
});
export type PartyMemberWork = z.infer<typeof partyMemberWorkSchema>;

// ------------------------------------------------------------------ the below-floor list

export const partyPeriodQuerySchema = z.object({ communityId: idSchema.optional(), from: dateSchema.optional(), to: dateSchema.optional() });
export type PartyPeriodQuery = z.infer<typeof partyPeriodQuerySchema>;
/** An in-service member below the service floor of the period (prorated from the yearly floor), or not reported. */
export const partyBelowFloorSchema = z.object({
  partyMemberId: z.number(),
  memberName: z.string(),
  workUnit: z.string(),
  hours: z.number(),
  floorHours: z.number(),
  isReported: z.boolean(),
  evaluation: z.string(),
});
export const partyBelowFloorListSchema = z.object({ from: z.string(), to: z.string(), floorHours: z.number(), items: z.array(partyBelowFloorSchema) });
export type PartyBelowFloorList = z.infer<typeof partyBelowFloorListSchema>;

// ------------------------------------------------------------------ compound party branches (小区党支部)

export const partyBranchRoleSchema = z.enum(partyBranchRoles);
export const partyBranchMemberSchema = z.object({
  id: z.number(),
  partyMemberId: z.number(),
  memberName: z.string(),
  role: partyBranchRoleSchema,
  joinedOn: z.string(),
});
export type PartyBranchMember = z.infer<typeof partyBranchMemberSchema>;
export const partyBranchSchema = z.object({
  id: z.number(),
  communityId: z.number(),
  name: z.string(),
  compoundId: z.number().nullable(),
  compoundName: z.string().nullable(),
  foundedOn: z.string().nullable(),
  /** The active members, the secretary first. */
  members: z.array(partyBranchMemberSchema),
});
export type PartyBranch = z.infer<typeof partyBranchSchema>;
export const partyBranchListSchema = z.object({ items: z.array(partyBranchSchema) });
export const createPartyBranchSchema = z.object({
  communityId: idSchema.optional(),
  name: text(60),
  /** The compound the branch covers (none: the branch of several compounds or of the community's retirees). */
  compoundId: idSchema.nullable().optional(),
  foundedOn: dateSchema.nullable().optional(),
});
export type CreatePartyBranchInput = z.infer<typeof createPartyBranchSchema>;
export const addPartyBranchMemberSchema = z.object({ partyMemberId: idSchema, role: partyBranchRoleSchema.default('member') });
export type AddPartyBranchMemberInput = z.infer<typeof addPartyBranchMemberSchema>;
