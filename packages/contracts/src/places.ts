import { z } from 'zod';
import { idSchema, idCardSchema, pageQuerySchema, phoneSchema } from './common.js';
import { dateSchema } from './hygiene.js';

export const communitySchema = z.object({
  id: z.number(),
  name: z.string(),
  code: z.string(),
  address: z.string().nullable(),
  timezone: z.string(),
  subdistrictId: z.number(),
  subdistrictName: z.string(),
  districtName: z.string(),
  city: z.string(),
  stats: z.object({ compounds: z.number(), households: z.number(), residents: z.number() }).optional(),
});
export type Community = z.infer<typeof communitySchema>;
export const communityListSchema = z.object({ items: z.array(communitySchema) });

export const scopeQuerySchema = z.object({ communityId: idSchema.optional() });

export const gridSchema = z.object({
  id: z.number(),
  communityId: z.number(),
  name: z.string(),
  code: z.string().nullable(),
  /** The grid worker who looks after it: tickets of its compounds go to them when a category says "grid worker". */
  workerAccountId: z.number().nullable(),
  workerName: z.string().nullable(),
});
export const createGridSchema = z.object({
  communityId: idSchema.optional(),
  name: z.string().trim().min(1).max(40),
  code: z.string().trim().max(20).optional(),
  workerAccountId: idSchema.nullable().optional(),
});
export const updateGridSchema = createGridSchema.omit({ communityId: true }).partial();

export const compoundSchema = z.object({
  id: z.number(),
  communityId: z.number(),
  gridId: z.number().nullable(),
  gridName: z.string().nullable(),
  name: z.string(),
  address: z.string().nullable(),
  buildingCount: z.number(),
  householdCount: z.number(),
});
export type Compound = z.infer<typeof compoundSchema>;
export const createCompoundSchema = z.object({
  communityId: idSchema.optional(),
  gridId: idSchema.nullable().optional(),
  name: z.string().trim().min(1).max(60),
  address: z.string().trim().max(200).nullable().optional(),
});
export const updateCompoundSchema = createCompoundSchema.omit({ communityId: true }).partial();

export const buildingSchema = z.object({
  id: z.number(),
  compoundId: z.number(),
  name: z.string(),
  floors: z.number().nullable(),
  unitCount: z.number(),
  householdCount: z.number(),
  /** Its building heads (楼栋长), or unit heads when `unitId` is set: they read the residents of these places only. */
  heads: z.array(z.object({ accountId: z.number(), name: z.string(), unitId: z.number().nullable(), unitName: z.string().nullable() })),
});
export const createBuildingSchema = z.object({
  compoundId: idSchema,
  name: z.string().trim().min(1).max(40),
  floors: z.number().int().min(1).max(200).nullable().optional(),
});
export const updateBuildingSchema = createBuildingSchema.omit({ compoundId: true }).partial();
/** Replaces a building's heads: each a building_head account of the community, for the whole building or one unit. */
export const setBuildingHeadsSchema = z.object({
  heads: z.array(z.object({ accountId: idSchema, unitId: idSchema.nullable().optional() })).max(20),
});
export type SetBuildingHeadsInput = z.infer<typeof setBuildingHeadsSchema>;

export const unitSchema = z.object({ id: z.number(), buildingId: z.number(), name: z.string(), householdCount: z.number() });
export const createUnitSchema = z.object({ buildingId: idSchema, name: z.string().trim().min(1).max(40) });

export const householdSchema = z.object({
  id: z.number(),
  unitId: z.number(),
  roomNo: z.string(),
  label: z.string(),
  residentCount: z.number(),
});
export const createHouseholdSchema = z.object({ unitId: idSchema, roomNo: z.string().trim().min(1).max(20) });

/** Tags anyone who may read residents sees. */
export const publicTags = ['living_alone', 'advanced_age', 'veteran', 'party_member', 'left_behind_child', 'unemployed', 'empty_nest'] as const;
/** Tags that are personal data (health, 低保): encrypted, shown only with the full view, which is logged. */
export const sensitiveTags = ['disabled', 'low_income', 'serious_illness', 'hardship'] as const;
/**
 * A tag code: a built-in one above, or one a community added to its tag dictionary (`t<id>`, ADR 0031). Which codes
 * a community may use, and whether one is sensitive, is checked against its dictionary by the service.
 */
export const tagCodeSchema = z.string().refine((v) => /^[a-z][a-z0-9_]{0,39}$/.test(v), { params: { rule: 'invalid_option' } });
export const residentTagSchema = tagCodeSchema;
export const sensitiveTagSchema = tagCodeSchema;
export const tagLabels: Record<'zh-CN' | 'en', Record<string, string>> = {
  'zh-CN': {
    living_alone: '独居老人',
    advanced_age: '高龄老人',
    veteran: '退役军人',
    party_member: '党员',
    left_behind_child: '留守儿童',
    unemployed: '失业人员',
    empty_nest: '空巢老人',
    disabled: '残疾人',
    low_income: '低保户',
    serious_illness: '大病',
    hardship: '困难家庭',
  },
  en: {
    living_alone: 'Living alone',
    advanced_age: 'Advanced age',
    veteran: 'Veteran',
    party_member: 'Party member',
    left_behind_child: 'Left-behind child',
    unemployed: 'Unemployed',
    empty_nest: 'Empty-nest elder',
    disabled: 'Disabled',
    low_income: 'Low income (dibao)',
    serious_illness: 'Serious illness',
    hardship: 'Family in hardship',
  },
};

export const genderSchema = z.enum(['male', 'female']);

export const residentSchema = z.object({
  id: z.number(),
  communityId: z.number(),
  householdId: z.number().nullable(),
  address: z.string().nullable(),
  name: z.string(),
  gender: genderSchema.nullable(),
  birthDate: z.string().nullable(),
  age: z.number().nullable(),
  phoneMasked: z.string().nullable(),
  idCardMasked: z.string().nullable(),
  hukouLocal: z.boolean(),
  tags: z.array(z.string()),
  relation: z.string().nullable(),
  notes: z.string().nullable(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Resident = z.infer<typeof residentSchema>;

/** The full view of a resident's personal data. Every read of it is written to the access log. */
export const residentPiiSchema = z.object({
  id: z.number(),
  phone: z.string().nullable(),
  idCard: z.string().nullable(),
  sensitiveTags: z.array(z.string()),
});
export type ResidentPii = z.infer<typeof residentPiiSchema>;

export const residentListQuerySchema = pageQuerySchema.extend({
  communityId: idSchema.optional(),
  compoundId: idSchema.optional(),
  buildingId: idSchema.optional(),
  unitId: idSchema.optional(),
  householdId: idSchema.optional(),
  tag: residentTagSchema.optional(),
  hukouLocal: z.enum(['true', 'false']).optional(),
  includeArchived: z.enum(['true', 'false']).optional(),
});
export type ResidentListQuery = z.infer<typeof residentListQuerySchema>;

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/** Resident fields without defaults, so that an update leaves out what it does not name. */
const residentFields = z.object({
  householdId: idSchema.nullable().optional(),
  name: z.string().trim().min(1).max(40),
  gender: genderSchema.nullable().optional(),
  birthDate: dateSchema.nullable().optional(),
  phone: phoneSchema.nullable().optional(),
  idCard: idCardSchema.nullable().optional(),
  hukouLocal: z.boolean(),
  tags: z.array(residentTagSchema).max(10),
  sensitiveTags: z.array(sensitiveTagSchema).max(5),
  relation: optionalText(20),
  notes: optionalText(500),
});
export const createResidentSchema = residentFields.extend({
  communityId: idSchema.optional(),
  hukouLocal: z.boolean().default(true),
  tags: z.array(residentTagSchema).max(10).default([]),
  sensitiveTags: z.array(sensitiveTagSchema).max(5).default([]),
});
export type CreateResidentInput = z.infer<typeof createResidentSchema>;
export const updateResidentSchema = residentFields.partial();
export type UpdateResidentInput = z.infer<typeof updateResidentSchema>;
export const archiveSchema = z.object({ reason: z.string().trim().min(1).max(200) });

export const accessLogEntrySchema = z.object({
  id: z.number(),
  actorId: z.number(),
  actorName: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  fields: z.array(z.string()),
  requestId: z.string().nullable(),
  createdAt: z.string(),
});
export type AccessLogEntry = z.infer<typeof accessLogEntrySchema>;
export const accessLogListSchema = z.object({ items: z.array(accessLogEntrySchema) });

/** Roster import (花名册). */
export const importRowErrorSchema = z.object({
  row: z.number(),
  field: z.string(),
  rule: z.string(),
  /** The cell as written (an ID or phone number masked: the errors are kept in the clear). */
  value: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ImportRowError = z.infer<typeof importRowErrorSchema>;
export const importStatusSchema = z.enum(['validating', 'ready', 'importing', 'done', 'discarded', 'failed']);
export const importJobSchema = z.object({
  id: z.number(),
  communityId: z.number(),
  fileName: z.string(),
  status: importStatusSchema,
  totalRows: z.number(),
  validRows: z.number(),
  errorRows: z.number(),
  processedRows: z.number(),
  importedRows: z.number(),
  /** Matched against the residents already registered: planned by the preview, then what the commit did (ADR 0031). */
  createdRows: z.number(),
  updatedRows: z.number(),
  unchangedRows: z.number(),
  /** Why a failed import wrote nothing (an error code of `importFailureReasons`). */
  failureReason: z.string().nullable(),
  errors: z.array(importRowErrorSchema),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof importJobSchema>;

/** Columns of the roster template, in order. Header cells carry the zh-CN label. */
export const rosterColumns = [
  { key: 'name', header: '姓名', required: true },
  { key: 'gender', header: '性别' },
  { key: 'birthDate', header: '出生日期' },
  { key: 'phone', header: '手机号' },
  { key: 'idCard', header: '身份证号' },
  { key: 'compound', header: '小区', required: true },
  { key: 'building', header: '楼栋', required: true },
  { key: 'unit', header: '单元', required: true },
  { key: 'room', header: '房号', required: true },
  { key: 'relation', header: '与户主关系' },
  { key: 'householdType', header: '户类型' },
  { key: 'hukouLocal', header: '本地户籍' },
  { key: 'tags', header: '标签' },
  { key: 'notes', header: '备注' },
] as const;
