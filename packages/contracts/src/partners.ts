import { z } from 'zod';
import { idSchema, pageOf, pageQuerySchema, phoneSchema } from './common.js';
import { dateSchema } from './hygiene.js';

type Locale = 'zh-CN' | 'en';

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const partnerKinds = ['enterprise', 'social_org', 'merchant', 'school', 'hospital', 'property_company', 'government_dept', 'other'] as const;
export const partnerKindSchema = z.enum(partnerKinds);
export type PartnerKind = z.infer<typeof partnerKindSchema>;
/** From the glossary: 共建单位 / 社会资源 / 爱心商家 / 职能部门. */
export const partnerKindLabels: Record<Locale, Record<PartnerKind, string>> = {
  'zh-CN': {
    enterprise: '共建企业',
    social_org: '社会组织',
    merchant: '爱心商家',
    school: '学校',
    hospital: '医院',
    property_company: '物业公司',
    government_dept: '职能部门',
    other: '其他',
  },
  en: {
    enterprise: 'Enterprise',
    social_org: 'Social organisation',
    merchant: 'Caring merchant',
    school: 'School',
    hospital: 'Hospital',
    property_company: 'Property company',
    government_dept: 'Government department',
    other: 'Other',
  },
};

export const partnerSchema = z.object({
  id: z.number(),
  communityId: z.number(),
  name: z.string(),
  kind: partnerKindSchema,
  contactName: z.string().nullable(),
  contactPhoneMasked: z.string().nullable(),
  address: z.string().nullable(),
  description: z.string().nullable(),
  joinedOn: z.string().nullable(),
  archivedAt: z.string().nullable(),
});
export type Partner = z.infer<typeof partnerSchema>;
export const partnerPageSchema = pageOf(partnerSchema);

export const createPartnerSchema = z.object({
  communityId: idSchema.optional(),
  name: z.string().trim().min(1).max(80),
  kind: partnerKindSchema,
  contactName: optionalText(40),
  /** Plain text in; stored encrypted, answered masked. */
  contactPhone: phoneSchema.nullable().optional(),
  address: optionalText(200),
  description: optionalText(1000),
  joinedOn: dateSchema.nullable().optional(),
});
export type CreatePartnerInput = z.infer<typeof createPartnerSchema>;
export const updatePartnerSchema = createPartnerSchema.omit({ communityId: true }).partial();
export type UpdatePartnerInput = z.infer<typeof updatePartnerSchema>;

export const partnerSorts = ['name', 'kind', 'joinedOn', 'id'] as const;
export const partnerListQuerySchema = pageQuerySchema.extend({
  communityId: idSchema.optional(),
  kind: partnerKindSchema.optional(),
  sort: z.enum(partnerSorts).optional(),
  includeArchived: z.enum(['true', 'false']).optional(),
});
export type PartnerListQuery = z.infer<typeof partnerListQuerySchema>;
/** Same as partnerListQuerySchema (earlier name). */
export const partnerQuerySchema = partnerListQuerySchema;
