import { z } from 'zod';
import { roleSchema } from './common.js';
import { idSchema, pageOf, pageQuerySchema, phoneSchema } from './common.js';
import { dateSchema } from './hygiene.js';
import { genderSchema } from './places.js';
import { passwordSchema, refinePasswordAgainstUsername } from './password.js';

type Locale = 'zh-CN' | 'en';

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

// ---------------------------------------------------------------- party members (党员)

export const partyMemberStatuses = ['registered', 'in_service', 'outside'] as const;
export const partyMemberStatusSchema = z.enum(partyMemberStatuses);
export type PartyMemberStatus = z.infer<typeof partyMemberStatusSchema>;
export const partyMemberStatusLabels: Record<Locale, Record<PartyMemberStatus, string>> = {
  'zh-CN': { registered: '在册党员', in_service: '在职党员(双报到)', outside: '组织关系不在本社区' },
  en: { registered: 'Registered here', in_service: 'In-service (dual reporting)', outside: 'Membership held elsewhere' },
};

export const partyMemberSchema = z.object({
  id: z.number(),
  communityId: z.number(),
  residentId: z.number(),
  name: z.string(),
  gender: genderSchema.nullable(),
  phoneMasked: z.string().nullable(),
  status: partyMemberStatusSchema,
  workUnit: z.string().nullable(),
  gridId: z.number().nullable(),
  gridName: z.string().nullable(),
  /** Household label (小区 楼栋 单元 房号) or null when the resident has no household. */
  address: z.string().nullable(),
  joinedOn: z.string().nullable(),
  archivedAt: z.string().nullable(),
  /** The compound party branch (小区党支部) the member belongs to, and their role in it. */
  branchName: z.string().nullable(),
  branchRole: z.enum(['secretary', 'committee', 'member']).nullable(),
});
export type PartyMember = z.infer<typeof partyMemberSchema>;
export const partyMemberPageSchema = pageOf(partyMemberSchema);

export const createPartyMemberSchema = z.object({
  communityId: idSchema.optional(),
  residentId: idSchema,
  status: partyMemberStatusSchema,
  workUnit: optionalText(100),
  gridId: idSchema.nullable().optional(),
  joinedOn: dateSchema.nullable().optional(),
});
export type CreatePartyMemberInput = z.infer<typeof createPartyMemberSchema>;
export const updatePartyMemberSchema = createPartyMemberSchema.omit({ communityId: true, residentId: true }).partial();
export type UpdatePartyMemberInput = z.infer<typeof updatePartyMemberSchema>;

export const partyMemberSorts = ['name', 'status', 'joinedOn', 'gridName', 'id'] as const;
export const partyMemberListQuerySchema = pageQuerySchema.extend({
  communityId: idSchema.optional(),
  status: partyMemberStatusSchema.optional(),
  gridId: idSchema.optional(),
  sort: z.enum(partyMemberSorts).optional(),
  includeArchived: z.enum(['true', 'false']).optional(),
});
export type PartyMemberListQuery = z.infer<typeof partyMemberListQuerySchema>;
/** Same as partyMemberListQuerySchema (earlier name). */
export const partyMemberQuerySchema = partyMemberListQuerySchema;

// ---------------------------------------------------------------- teams (队伍 / 编组)

export const teamKinds = ['pioneer', 'volunteer', 'arts', 'squad', 'heads'] as const;
export const teamKindSchema = z.enum(teamKinds);
export type TeamKind = z.infer<typeof teamKindSchema>;
export const teamKindLabels: Record<Locale, Record<TeamKind, string>> = {
  'zh-CN': { pioneer: '先锋队', volunteer: '志愿服务队', arts: '民间艺术团队', squad: '编组队伍', heads: '三长' },
  en: { pioneer: 'Pioneer team', volunteer: 'Volunteer team', arts: 'Folk arts troupe', squad: 'Duty squad', heads: 'Building/unit/floor heads' },
};

export const teamSchema = z.object({
  id: z.number(),
  communityId: z.number(),
  name: z.string(),
  kind: teamKindSchema,
  description: z.string().nullable(),
  /** Current members (not those who left). */
  memberCount: z.number(),
  leaderNames: z.array(z.string()),
  archivedAt: z.string().nullable(),
});
export type Team = z.infer<typeof teamSchema>;
export const teamPageSchema = pageOf(teamSchema);

export const teamMemberSchema = z.object({
  id: z.number(),
  /** Exactly one of residentId and volunteerId: a volunteer (a student, a cadre) need not live in the community. */
  residentId: z.number().nullable(),
  volunteerId: z.number().nullable(),
  /** For a volunteer: 在校学生, 机关干部 … (volunteer-labels' origins) and their school or unit. */
  origin: z.string().nullable(),
  affiliation: z.string().nullable(),
  name: z.string(),
  phoneMasked: z.string().nullable(),
  isLeader: z.boolean(),
  joinedAt: z.string(),
});
export type TeamMember = z.infer<typeof teamMemberSchema>;
export const teamDetailSchema = teamSchema.extend({ members: z.array(teamMemberSchema) });
export type TeamDetail = z.infer<typeof teamDetailSchema>;

export const createTeamSchema = z.object({
  communityId: idSchema.optional(),
  name: z.string().trim().min(1).max(60),
  kind: teamKindSchema,
  description: optionalText(500),
});
export type CreateTeamInput = z.infer<typeof createTeamSchema>;
export const updateTeamSchema = createTeamSchema.omit({ communityId: true }).partial();
export type UpdateTeamInput = z.infer<typeof updateTeamSchema>;
/** A resident of the community, or a registered volunteer who need not live here: exactly one (checked by the service). */
export const addTeamMemberSchema = z.object({ residentId: idSchema.optional(), volunteerId: idSchema.optional(), isLeader: z.boolean().default(false) });
export type AddTeamMemberInput = z.infer<typeof addTeamMemberSchema>;
export const teamMemberParamsSchema = z.object({ id: idSchema, memberId: idSchema });

export const teamSorts = ['name', 'kind', 'memberCount', 'id'] as const;
export const teamListQuerySchema = pageQuerySchema.extend({
  communityId: idSchema.optional(),
  kind: teamKindSchema.optional(),
  sort: z.enum(teamSorts).optional(),
  includeArchived: z.enum(['true', 'false']).optional(),
});
export type TeamListQuery = z.infer<typeof teamListQuerySchema>;
/** Same as teamListQuerySchema (earlier name). */
export const teamQuerySchema = teamListQuerySchema;

// ---------------------------------------------------------------- stations (阵地 / 服务站 / 驿站)

export const stationKinds = ['party_post', 'service_station', 'post_house', 'commune', 'other'] as const;
export const stationKindSchema = z.enum(stationKinds);
export type StationKind = z.infer<typeof stationKindSchema>;
export const stationKindLabels: Record<Locale, Record<StationKind, string>> = {
  'zh-CN': { party_post: '党员阵地', service_station: '党群服务站', post_house: '驿站', commune: '社区公社', other: '其他' },
  en: { party_post: 'Party post', service_station: 'Party-mass service station', post_house: 'Rest station', commune: 'Community commune', other: 'Other' },
};

export const stationSchema = z.object({
  id: z.number(),
  communityId: z.number(),
  compoundId: z.number().nullable(),
  compoundName: z.string().nullable(),
  name: z.string(),
  kind: stationKindSchema,
  address: z.string().nullable(),
  openingHours: z.string().nullable(),
  /** A public desk number, not personal data. */
  phone: z.string().nullable(),
  description: z.string().nullable(),
  archivedAt: z.string().nullable(),
});
export type Station = z.infer<typeof stationSchema>;
export const stationPageSchema = pageOf(stationSchema);

export const createStationSchema = z.object({
  communityId: idSchema.optional(),
  compoundId: idSchema.nullable().optional(),
  name: z.string().trim().min(1).max(60),
  kind: stationKindSchema,
  address: optionalText(200),
  openingHours: optionalText(100),
  phone: optionalText(30),
  description: optionalText(500),
});
export type CreateStationInput = z.infer<typeof createStationSchema>;
export const updateStationSchema = createStationSchema.omit({ communityId: true }).partial();
export type UpdateStationInput = z.infer<typeof updateStationSchema>;

export const stationSorts = ['name', 'kind', 'compoundName', 'id'] as const;
export const stationListQuerySchema = pageQuerySchema.extend({
  communityId: idSchema.optional(),
  kind: stationKindSchema.optional(),
  compoundId: idSchema.optional(),
  sort: z.enum(stationSorts).optional(),
  includeArchived: z.enum(['true', 'false']).optional(),
});
export type StationListQuery = z.infer<typeof stationListQuerySchema>;
/** Same as stationListQuerySchema (earlier name). */
export const stationQuerySchema = stationListQuerySchema;

// ---------------------------------------------------------------- accounts

export const accountSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  communityId: z.number().nullable(),
  subdistrictId: z.number().nullable(),
  /** A contact account's organisation (department_contact, partner_contact). */
  organisationId: z.number().nullable(),
  phoneMasked: z.string().nullable(),
  isActive: z.boolean(),
  createdAt: z.string(),
  /** Set while failed logins keep the account locked (ADR 0011); an administrator may unlock it. */
  lockedUntil: z.string().nullable(),
});
export type Account = z.infer<typeof accountSchema>;
export const accountPageSchema = pageOf(accountSchema);

export const usernameSchema = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .refine((v) => /^[A-Za-z0-9_.-]+$/.test(v), { params: { rule: 'invalid_username' } });

export const createAccountSchema = z
  .object({
    username: usernameSchema,
    displayName: z.string().trim().min(1).max(40),
    role: roleSchema,
    password: passwordSchema,
    phone: phoneSchema.nullable().optional(),
    /** Required for community roles; a secretary's own community when left out. */
    communityId: idSchema.nullable().optional(),
    /** Only for subdistrict_admin; taken from communityId's subdistrict when left out. */
    subdistrictId: idSchema.nullable().optional(),
    /** Required for department_contact (a department or subdistrict office) and partner_contact (a property company or partner unit of the community). */
    organisationId: idSchema.nullable().optional(),
  })
  .superRefine(refinePasswordAgainstUsername);
export type CreateAccountInput = z.infer<typeof createAccountSchema>;
export const updateAccountSchema = z.object({
  displayName: z.string().trim().min(1).max(40).optional(),
  role: roleSchema.optional(),
  isActive: z.boolean().optional(),
});
export type UpdateAccountInput = z.infer<typeof updateAccountSchema>;
export const resetPasswordSchema = z.object({ newPassword: passwordSchema });
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

/** The first system administrator of an installation with no account; `setupToken` is printed in the server log. */
export const firstAdminSchema = z
  .object({
    setupToken: z.string().trim().min(1).max(200),
    username: usernameSchema,
    displayName: z.string().trim().min(1).max(40),
    password: passwordSchema,
  })
  .superRefine(refinePasswordAgainstUsername);
export type FirstAdminInput = z.infer<typeof firstAdminSchema>;
/** Answered while no account exists; afterwards GET /api/setup is 404. */
export const setupStatusSchema = z.object({ needed: z.literal(true) });

export const accountSorts = ['username', 'displayName', 'role', 'createdAt', 'id'] as const;
export const accountListQuerySchema = pageQuerySchema.extend({
  communityId: idSchema.optional(),
  role: roleSchema.optional(),
  isActive: z.enum(['true', 'false']).optional(),
  sort: z.enum(accountSorts).optional(),
});
export type AccountListQuery = z.infer<typeof accountListQuerySchema>;
