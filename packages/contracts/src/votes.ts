import { z } from 'zod';
import { idSchema, pageOf, pageQuerySchema } from './common.js';
import { dateTimeSchema } from './hygiene.js';
import { voteChannels, voteChoices, voteEligibilities, voteMatters, voteOutcomes, voteStatuses } from './vote-labels.js';

export * from './vote-labels.js';

// 表决 and 小区公约 (issue 11 item 2, ADR 0046).

/** A share as numerator / denominator; `strict` is "more than" (过半数), otherwise "at least" (三分之二以上). */
export const fractionSchema = z.object({
  num: z.number().int().min(0).max(1000),
  den: z.number().int().min(1).max(1000),
  strict: z.boolean(),
});
export type FractionInput = z.infer<typeof fractionSchema>;

export const createVoteSchema = z.object({
  title: z.string().trim().min(1).max(120),
  body: z.string().trim().max(5000).optional(),
  matter: z.enum(voteMatters),
  eligibility: z.enum(voteEligibilities),
  /** Null: the whole community. */
  compoundId: idSchema.nullable().optional(),
  /** A meeting's agenda topic this vote decides. */
  topicId: idSchema.nullable().optional(),
  /** Used unless owners decide an ordinary or major matter (民法典 art. 278 then applies). */
  quorum: fractionSchema.nullable().optional(),
  threshold: fractionSchema.nullable().optional(),
  opensAt: dateTimeSchema,
  closesAt: dateTimeSchema,
  publicityDays: z.number().int().min(1).max(90).default(7),
  communityId: idSchema.optional(),
});
export type CreateVoteInput = z.infer<typeof createVoteSchema>;

const sideSchema = z.object({ count: z.number().int(), area: z.string() });
export const voteTallySchema = z.object({
  outcome: z.enum(voteOutcomes),
  quorumMet: z.boolean(),
  eligible: sideSchema,
  participated: sideSchema,
  yes: sideSchema,
  no: sideSchema,
  abstain: sideSchema,
  byChannel: z.object({ phone: z.number().int(), paper: z.number().int() }),
});
export type VoteTally = z.infer<typeof voteTallySchema>;
export const voteRuleSchema = z.object({ quorum: fractionSchema, threshold: fractionSchema, weighted: z.boolean(), statutory: z.boolean() });

export const voteEventSchema = z.object({
  id: z.number(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});

export const voteSummarySchema = z.object({
  id: z.number(),
  communityId: z.number(),
  title: z.string(),
  matter: z.enum(voteMatters),
  eligibility: z.enum(voteEligibilities),
  compoundId: z.number().nullable(),
  compoundName: z.string().nullable(),
  topicId: z.number().nullable(),
  status: z.enum(voteStatuses),
  outcome: z.enum(voteOutcomes).nullable(),
  opensAt: z.string(),
  closesAt: z.string(),
  publishedAt: z.string().nullable(),
  publicityUntil: z.string().nullable(),
  /** Everyone on the frozen list (0 before it is opened), and how many have voted, on the phone or on paper. */
  voterCount: z.number(),
  ballotCount: z.number(),
});
export type VoteSummary = z.infer<typeof voteSummarySchema>;
export const voteListSchema = pageOf(voteSummarySchema);
export const voteListQuerySchema = pageQuerySchema.extend({ status: z.enum(voteStatuses).optional(), communityId: idSchema.optional() });

export const voteSchema = voteSummarySchema.extend({
  body: z.string(),
  publicityDays: z.number(),
  rule: voteRuleSchema,
  linksIssued: z.number(),
  /** Live while open (for staff), the kept result once closed. */
  tally: voteTallySchema.nullable(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  conventionId: z.number().nullable(),
  events: z.array(voteEventSchema),
});
export type Vote = z.infer<typeof voteSchema>;

export const voterSchema = z.object({
  id: z.number(),
  label: z.string(),
  householdId: z.number().nullable(),
  residentId: z.number().nullable(),
  area: z.string().nullable(),
  hasLink: z.boolean(),
  channel: z.enum(voteChannels).nullable(),
  ballotNo: z.string().nullable(),
});
export const voterListSchema = pageOf(voterSchema);
export const voterListQuerySchema = pageQuerySchema.extend({ voted: z.enum(['yes', 'no']).optional() });

export const issueVoteLinksSchema = z.object({
  /** Re-issue for these voters (their old links stop working); none: every voter without a link. */
  voterIds: z.array(idSchema).max(20000).optional(),
});
export const issuedVoteLinksSchema = z.object({
  items: z.array(z.object({ voterId: z.number(), label: z.string(), path: z.string() })),
});

export const paperBallotSchema = z.object({
  voterId: idSchema,
  ballotNo: z.string().trim().min(1).max(30),
  choice: z.enum(voteChoices),
});
export type PaperBallotInput = z.infer<typeof paperBallotSchema>;
export const ballotReceiptSchema = z.object({ ok: z.literal(true), channel: z.enum(voteChannels), choice: z.enum(voteChoices), isChange: z.boolean() });

/** The phone: the key travels in the body (from the page's URL fragment), never in a URL. */
export const voteLinkSchema = z.object({ key: z.string().min(20).max(100) });
export const castPhoneVoteSchema = voteLinkSchema.extend({ choice: z.enum(voteChoices) });

/** The result on the phone while it is published (公示). */
export const voteNoticeSchema = z.object({
  id: z.number(),
  title: z.string(),
  body: z.string(),
  communityName: z.string(),
  compoundName: z.string().nullable(),
  matter: z.enum(voteMatters),
  eligibility: z.enum(voteEligibilities),
  status: z.enum(voteStatuses),
  closesAt: z.string(),
  publishedAt: z.string().nullable(),
  publicityUntil: z.string().nullable(),
  /** Null unless published and within the publicity period. */
  tally: voteTallySchema.nullable(),
});
export type VoteNotice = z.infer<typeof voteNoticeSchema>;
/** The phone's list of a community's votes under publication (公示), of one compound (and the community-wide ones) or all. */
export const publicVoteListSchema = z.object({ communityName: z.string(), items: z.array(voteNoticeSchema) });
export type PublicVoteList = z.infer<typeof publicVoteListSchema>;
export const voterPageSchema = voteNoticeSchema.extend({
  voterLabel: z.string(),
  myChoice: z.enum(voteChoices).nullable(),
  myChannel: z.enum(voteChannels).nullable(),
  canVote: z.boolean(),
});
export type VoterPage = z.infer<typeof voterPageSchema>;

export const voteActionSchema = z.object({ note: z.string().trim().max(500).optional() });

// 小区公约
export const conventionVersionStatuses = ['proposed', 'voting', 'current', 'superseded', 'rejected'] as const;
export const conventionVersionSchema = z.object({
  id: z.number(),
  versionNo: z.number(),
  body: z.string(),
  status: z.enum(conventionVersionStatuses),
  voteId: z.number().nullable(),
  voteOutcome: z.enum(voteOutcomes).nullable(),
  adoptedAt: z.string().nullable(),
  createdAt: z.string(),
});
export const conventionSchema = z.object({
  id: z.number(),
  communityId: z.number(),
  compoundId: z.number().nullable(),
  compoundName: z.string().nullable(),
  title: z.string(),
  currentVersionNo: z.number().nullable(),
  versions: z.array(conventionVersionSchema),
  createdAt: z.string(),
});
export type Convention = z.infer<typeof conventionSchema>;
export const conventionListSchema = z.object({ items: z.array(conventionSchema.omit({ versions: true })) });
export const createConventionSchema = z.object({
  title: z.string().trim().min(1).max(120),
  compoundId: idSchema.nullable().optional(),
  body: z.string().trim().min(1).max(20000),
  communityId: idSchema.optional(),
});
export const createConventionVersionSchema = z.object({ body: z.string().trim().min(1).max(20000) });
/** Put a proposed version to a vote: the vote's own fields, its title and body default from the convention. */
export const conventionVoteSchema = createVoteSchema.omit({ title: true, body: true, compoundId: true, communityId: true }).extend({
  title: z.string().trim().min(1).max(120).optional(),
});
/** What residents read on the phone: the current text and the history. */
export const publicConventionSchema = z.object({
  id: z.number(),
  title: z.string(),
  communityName: z.string(),
  compoundName: z.string().nullable(),
  current: z.object({ versionNo: z.number(), body: z.string(), adoptedAt: z.string().nullable(), voteId: z.number().nullable() }).nullable(),
  history: z.array(
    z.object({ versionNo: z.number(), adoptedAt: z.string().nullable(), status: z.enum(conventionVersionStatuses), voteId: z.number().nullable() }),
  ),
});
export type PublicConvention = z.infer<typeof publicConventionSchema>;
