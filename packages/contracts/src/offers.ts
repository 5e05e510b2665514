import { z } from 'zod';
import { idSchema, pageOf, pageQuerySchema } from './common.js';
import { dateSchema } from './hygiene.js';
import { agreementKinds, agreementStatuses, contributionKinds, priceKinds, providerKinds, resourceCategories, resourceKinds } from './offer-labels.js';
export * from './offer-labels.js';

// Partners in full (issue 9, ADR 0037): resources (资源清单), agreements (共建协议) and contributions.
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const resourceSchema = z.object({
  id: z.number(),
  communityId: z.number(),
  title: z.string(),
  description: z.string().nullable(),
  category: z.enum(resourceCategories),
  kind: z.enum(resourceKinds),
  priceKind: z.enum(priceKinds),
  priceNote: z.string().nullable(),
  providerKind: z.enum(providerKinds),
  providerName: z.string(),
  partnerId: z.number().nullable(),
  organisationId: z.number().nullable(),
  teamId: z.number().nullable(),
  residentId: z.number().nullable(),
  compoundId: z.number().nullable(),
  compoundName: z.string().nullable(),
  audience: z.string().nullable(),
  availability: z.string().nullable(),
  capacity: z.number().nullable(),
  contactName: z.string().nullable(),
  /** An organisation's number in full; a resident's number masked (personal data). */
  contactPhone: z.string().nullable(),
  isPublic: z.boolean(),
  archivedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type Resource = z.infer<typeof resourceSchema>;
export const resourcePageSchema = pageOf(resourceSchema);

const resourceFields = {
  title: z.string().trim().min(1).max(80),
  description: optionalText(1000),
  category: z.enum(resourceCategories),
  kind: z.enum(resourceKinds),
  priceKind: z.enum(priceKinds).optional(),
  priceNote: optionalText(200),
  compoundId: idSchema.nullable().optional(),
  audience: optionalText(200),
  availability: optionalText(200),
  capacity: z.number().int().min(1).max(100000).nullable().optional(),
  contactName: optionalText(40),
  /** A resident's mobile (sealed) or an organisation's landline/mobile (kept as it is). */
  contactPhone: z.string().trim().max(30).nullable().optional(),
  isPublic: z.boolean().optional(),
};
export const createResourceSchema = z.object({
  communityId: idSchema.optional(),
  ...resourceFields,
  providerKind: z.enum(providerKinds),
  partnerId: idSchema.nullable().optional(),
  organisationId: idSchema.nullable().optional(),
  teamId: idSchema.nullable().optional(),
  residentId: idSchema.nullable().optional(),
  /** Needed when the provider is not a registered partner, team or resident (e.g. a department's office). */
  providerName: optionalText(80),
});
export type CreateResourceInput = z.infer<typeof createResourceSchema>;
/** The provider is fixed once registered; archive and register anew to change it. */
export const updateResourceSchema = z.object(resourceFields).partial();
export type UpdateResourceInput = z.infer<typeof updateResourceSchema>;
export const resourceListQuerySchema = pageQuerySchema.extend({
  communityId: idSchema.optional(),
  category: z.enum(resourceCategories).optional(),
  kind: z.enum(resourceKinds).optional(),
  providerKind: z.enum(providerKinds).optional(),
  partnerId: idSchema.optional(),
  compoundId: idSchema.optional(),
  sort: z.enum(['title', 'category', 'id', 'updatedAt']).optional(),
  includeArchived: z.enum(['true', 'false']).optional(),
});
export type ResourceListQuery = z.infer<typeof resourceListQuerySchema>;

/** The phone page's "15-minute life circle" (15 分钟生活圈): public offers, no personal data. */
export const publicResourceSchema = z.object({
  id: z.number(),
  title: z.string(),
  description: z.string().nullable(),
  category: z.enum(resourceCategories),
  kind: z.enum(resourceKinds),
  priceKind: z.enum(priceKinds),
  priceNote: z.string().nullable(),
  providerKind: z.enum(providerKinds),
  /** A resident provider is shown by kind only. */
  providerName: z.string().nullable(),
  compoundId: z.number().nullable(),
  compoundName: z.string().nullable(),
  audience: z.string().nullable(),
  availability: z.string().nullable(),
  /** An organisation's number only; never a resident's. */
  contactPhone: z.string().nullable(),
});
export type PublicResource = z.infer<typeof publicResourceSchema>;
export const publicResourceListSchema = z.object({
  community: z.object({ id: z.number(), name: z.string() }),
  compounds: z.array(z.object({ id: z.number(), name: z.string() })),
  items: z.array(publicResourceSchema),
});
export type PublicResourceList = z.infer<typeof publicResourceListSchema>;
export const publicResourceQuerySchema = z.object({
  compoundId: idSchema.optional(),
  category: z.enum(resourceCategories).optional(),
});

// ---- agreements (入驻协议 / 共建协议)
export const agreementSchema = z.object({
  id: z.number(),
  communityId: z.number(),
  partnerId: z.number(),
  partnerName: z.string(),
  kind: z.enum(agreementKinds),
  title: z.string(),
  signedOn: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  commitments: z.string().nullable(),
  spaceGiven: z.string().nullable(),
  resourcesPromised: z.string().nullable(),
  status: z.enum(agreementStatuses),
  remindDays: z.number(),
  remindedAt: z.string().nullable(),
});
export type Agreement = z.infer<typeof agreementSchema>;
export const agreementPageSchema = pageOf(agreementSchema);
const agreementFields = {
  kind: z.enum(agreementKinds),
  title: z.string().trim().min(1).max(120),
  signedOn: dateSchema,
  startsOn: dateSchema,
  endsOn: dateSchema.nullable().optional(),
  commitments: optionalText(2000),
  spaceGiven: optionalText(500),
  resourcesPromised: optionalText(1000),
  remindDays: z.number().int().min(1).max(365).optional(),
};
export const createAgreementSchema = z.object({ communityId: idSchema.optional(), partnerId: idSchema, ...agreementFields });
export type CreateAgreementInput = z.infer<typeof createAgreementSchema>;
export const updateAgreementSchema = z.object(agreementFields).partial();
export type UpdateAgreementInput = z.infer<typeof updateAgreementSchema>;
export const terminateAgreementSchema = z.object({ reason: z.string().trim().min(1).max(500) });
export const agreementListQuerySchema = pageQuerySchema.extend({
  communityId: idSchema.optional(),
  partnerId: idSchema.optional(),
  kind: z.enum(agreementKinds).optional(),
  status: z.enum(agreementStatuses).optional(),
  sort: z.enum(['endsOn', 'signedOn', 'id']).optional(),
});
export type AgreementListQuery = z.infer<typeof agreementListQuerySchema>;

// ---- contributions
/** Money in yuan with at most two decimals; more than zero. */
const yuanSchema = z
  .number()
  .max(100_000_000)
  .refine((v) => v > 0, { params: { rule: 'must_be_positive' } })
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, { params: { rule: 'too_precise' } });
export const contributionSchema = z.object({
  id: z.number(),
  communityId: z.number(),
  partnerId: z.number(),
  partnerName: z.string(),
  kind: z.enum(contributionKinds),
  contributedOn: z.string(),
  /** Money given, or the value of goods, hours or space (yuan); 0 when not valued. */
  valueYuan: z.number(),
  hours: z.number().nullable(),
  areaSqm: z.number().nullable(),
  spacePeriod: z.string().nullable(),
  description: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type Contribution = z.infer<typeof contributionSchema>;
export const contributionPageSchema = pageOf(contributionSchema);
export const createContributionSchema = z.object({
  communityId: idSchema.optional(),
  partnerId: idSchema,
  kind: z.enum(contributionKinds),
  contributedOn: dateSchema,
  /** Required for money and goods; optional for hours and space. */
  valueYuan: yuanSchema.nullable().optional(),
  hours: z
    .number()
    .max(100000)
    .refine((v) => v > 0, { params: { rule: 'must_be_positive' } })
    .nullable()
    .optional(),
  areaSqm: z
    .number()
    .max(1_000_000)
    .refine((v) => v > 0, { params: { rule: 'must_be_positive' } })
    .nullable()
    .optional(),
  spacePeriod: optionalText(100),
  description: optionalText(500),
  note: optionalText(500),
});
export type CreateContributionInput = z.infer<typeof createContributionSchema>;
export const contributionListQuerySchema = pageQuerySchema.extend({
  communityId: idSchema.optional(),
  partnerId: idSchema.optional(),
  kind: z.enum(contributionKinds).optional(),
  year: z.coerce.number().int().min(2000).max(2199).optional(),
  sort: z.enum(['contributedOn', 'id']).optional(),
});
export type ContributionListQuery = z.infer<typeof contributionListQuerySchema>;
export const contributionTotalsQuerySchema = z.object({
  communityId: idSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2199),
  partnerId: idSchema.optional(),
});
export const contributionTotalSchema = z.object({
  partnerId: z.number(),
  partnerName: z.string(),
  year: z.number(),
  count: z.number(),
  moneyYuan: z.number(),
  goodsValueYuan: z.number(),
  totalValueYuan: z.number(),
  hours: z.number(),
  areaSqm: z.number(),
});
export type ContributionTotal = z.infer<typeof contributionTotalSchema>;
export const contributionTotalsSchema = z.object({
  year: z.number(),
  items: z.array(contributionTotalSchema),
  all: contributionTotalSchema.omit({ partnerId: true, partnerName: true }),
});
export type ContributionTotals = z.infer<typeof contributionTotalsSchema>;

// ---- the partner contact's portal
export const partnerPortalSchema = z.object({
  partner: z.object({ id: z.number(), name: z.string(), kind: z.string() }),
  resources: z.array(resourceSchema),
  agreements: z.array(agreementSchema),
  contributions: z.array(contributionSchema),
  totals: z.array(contributionTotalSchema),
});
export type PartnerPortal = z.infer<typeof partnerPortalSchema>;
