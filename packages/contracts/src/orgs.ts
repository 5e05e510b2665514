import { z } from 'zod';
import { idSchema, pageOf, pageQuerySchema } from './common.js';

type Locale = 'zh-CN' | 'en';
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/** Organisations that answer escalations (ADR 0027). */
export const organisationKinds = ['department', 'subdistrict_office', 'property_company', 'partner_unit'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];
export const departmentTypes = ['chengguan', 'power', 'water', 'gas', 'housing', 'police', 'market', 'civil_affairs', 'other'] as const;
export type DepartmentType = (typeof departmentTypes)[number];
export const areaKinds = ['district', 'subdistrict', 'community'] as const;
export type AreaKind = (typeof areaKinds)[number];

/** Kinds a subdistrict or system admin manages; the others are the community secretary's. */
export const subdistrictManagedKinds: readonly OrganisationKind[] = ['department', 'subdistrict_office'];

/** The default escalation deadline per kind, in working days (the work calendar counts them). */
export const defaultEscalationWorkdays: Record<OrganisationKind, number> = {
  department: 5,
  subdistrict_office: 3,
  property_company: 3,
  partner_unit: 5,
};

export const organisationKindLabels: Record<Locale, Record<OrganisationKind, string>> = {
  'zh-CN': { department: '职能部门', subdistrict_office: '街道办事处', property_company: '物业公司', partner_unit: '共建单位' },
  en: { department: 'Functional department', subdistrict_office: 'Subdistrict office', property_company: 'Property company', partner_unit: 'Partner unit' },
};
export const departmentTypeLabels: Record<Locale, Record<DepartmentType, string>> = {
  'zh-CN': {
    chengguan: '城管',
    power: '供电',
    water: '供水',
    gas: '燃气',
    housing: '住建',
    police: '派出所',
    market: '市场监管',
    civil_affairs: '民政',
    other: '其他',
  },
  en: {
    chengguan: 'Urban management',
    power: 'Power supply',
    water: 'Water supply',
    gas: 'Gas',
    housing: 'Housing and construction',
    police: 'Police station',
    market: 'Market regulation',
    civil_affairs: 'Civil affairs',
    other: 'Other',
  },
};

/**
 * A number an organisation answers on: a mobile, a landline with its area code (0931-8xxxxxxx, extension allowed),
 * a 400/800 number, or a service number (95598, 12345, 96777…). Separators are spaces or hyphens.
 */
export function isOrganisationPhone(value: string): boolean {
  const v = value.replace(/[\s-]/g, '');
  return /^1[3-9]\d{9}$/.test(v) || /^0\d{2,3}[2-9]\d{6,7}(\d{1,6})?$/.test(v) || /^[48]00\d{7}$/.test(v) || /^9[56]\d{3,6}$/.test(v) || /^12\d{3}$/.test(v);
}
export const organisationPhoneSchema = z
  .string()
  .trim()
  .max(30)
  .refine(isOrganisationPhone, { params: { rule: 'invalid_org_phone' } });

export const organisationAreaSchema = z.object({ kind: z.enum(areaKinds), id: idSchema });
export type OrganisationArea = z.infer<typeof organisationAreaSchema>;

export const organisationSchema = z.object({
  id: z.number(),
  kind: z.enum(organisationKinds),
  departmentType: z.enum(departmentTypes).nullable(),
  name: z.string(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  address: z.string().nullable(),
  subdistrictId: z.number().nullable(),
  communityId: z.number().nullable(),
  partnerId: z.number().nullable(),
  areas: z.array(z.object({ kind: z.enum(areaKinds), id: z.number(), name: z.string() })),
  defaultWorkdays: z.number(),
  archivedAt: z.string().nullable(),
});
export type Organisation = z.infer<typeof organisationSchema>;
export const organisationPageSchema = pageOf(organisationSchema);

export const createOrganisationSchema = z.object({
  kind: z.enum(organisationKinds),
  departmentType: z.enum(departmentTypes).nullable().optional(),
  name: z.string().trim().min(1).max(80),
  contactName: optionalText(40),
  contactPhone: organisationPhoneSchema.nullable().optional(),
  address: optionalText(200),
  /** Departments and subdistrict offices: the managing subdistrict (a subdistrict admin's own when left out). */
  subdistrictId: idSchema.nullable().optional(),
  /** Property companies and partner units: the managing community (a secretary's own when left out). */
  communityId: idSchema.nullable().optional(),
  partnerId: idSchema.nullable().optional(),
  /** What it serves; a community organisation serves its own community when left out. */
  areas: z.array(organisationAreaSchema).max(200).optional(),
  /** Shorthand when `areas` is left out: the whole district of its subdistrict, the subdistrict, or its community. */
  areaScope: z.enum(areaKinds).optional(),
});
export type CreateOrganisationInput = z.infer<typeof createOrganisationSchema>;
export const updateOrganisationSchema = createOrganisationSchema.omit({ kind: true, subdistrictId: true, communityId: true, areaScope: true }).partial();
export type UpdateOrganisationInput = z.infer<typeof updateOrganisationSchema>;

export const organisationListQuerySchema = pageQuerySchema.extend({
  kind: z.enum(organisationKinds).optional(),
  /** Only those serving this community (the escalate dialog's choice). */
  servingCommunityId: idSchema.optional(),
  includeArchived: z.enum(['true', 'false']).optional(),
});
export type OrganisationListQuery = z.infer<typeof organisationListQuerySchema>;
