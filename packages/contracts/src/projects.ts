import { z } from 'zod';
import { idSchema, phoneSchema } from './common.js';
import { dateSchema } from './hygiene.js';
import { projectSourceKinds, projectStatuses, projectUnitKinds } from './project-labels.js';

export * from './project-labels.js';

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const projectSchema = z.object({
  id: z.number(),
  communityId: z.number(),
  title: z.string(),
  content: z.string(),
  sourceKind: z.enum(projectSourceKinds),
  sourceId: z.number().nullable(),
  status: z.enum(projectStatuses),
  percent: z.number(),
  plannedStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  claimEvent: z.string().nullable(),
  completedAt: z.string().nullable(),
  funding: z.array(z.object({ id: z.number(), source: z.string(), amountYuan: z.number() })),
  milestones: z.array(z.object({ id: z.number(), title: z.string(), dueOn: z.string().nullable(), doneAt: z.string().nullable() })),
  claims: z.array(
    z.object({ id: z.number(), unitKind: z.enum(projectUnitKinds), unitId: z.number().nullable(), unitName: z.string(), role: z.enum(['lead', 'co']) }),
  ),
  rating: z.object({ count: z.number(), average: z.number().nullable() }),
});
export type Project = z.infer<typeof projectSchema>;
export const projectListSchema = z.object({ items: z.array(projectSchema) });
export const projectListQuerySchema = z.object({ communityId: idSchema.optional(), status: z.enum(projectStatuses).optional() });

export const createProjectSchema = z.object({
  communityId: idSchema.optional(),
  title: z.string().trim().min(1).max(80),
  content: z.string().trim().min(1).max(2000),
  sourceKind: z.enum(projectSourceKinds).default('staff'),
  sourceId: idSchema.nullable().optional(),
  plannedStart: dateSchema.nullable().optional(),
  plannedEnd: dateSchema.nullable().optional(),
  funding: z
    .array(z.object({ source: z.string().trim().min(1).max(60), amountYuan: z.number().min(0).max(1e9) }))
    .max(20)
    .default([]),
});
export type CreateProjectInput = z.infer<typeof createProjectSchema>;

export const projectStepSchema = z.object({ note: optionalText(500) });
export const claimProjectSchema = z.object({
  unitKind: z.enum(projectUnitKinds),
  unitId: idSchema.nullable().optional(),
  unitName: z.string().trim().min(1).max(80),
  role: z.enum(['lead', 'co']).default('lead'),
  /** The claiming event at which it was claimed (民生项目认领会), if any. */
  claimEvent: optionalText(80),
});
/** Progress: the percent is checked by the service so 120 gets PROJECT_PERCENT_OUT_OF_RANGE naming `percent`. */
export const projectProgressSchema = z.object({ percent: z.number(), note: optionalText(500) });
export const addMilestoneSchema = z.object({ title: z.string().trim().min(1).max(80), dueOn: dateSchema.nullable().optional() });
export const milestoneParamsSchema = z.object({ id: idSchema, milestoneId: idSchema });

/** A resident rates a completed project from the phone: one rating per phone number (only its hash is kept). */
export const rateProjectSchema = z.object({
  communityCode: z.string().trim().min(1).max(40),
  rating: z.number().int().min(1).max(5),
  comment: optionalText(300),
  phone: phoneSchema,
});
export const publicProjectListSchema = z.object({
  communityName: z.string(),
  items: z.array(
    z.object({
      id: z.number(),
      title: z.string(),
      content: z.string(),
      status: z.enum(projectStatuses),
      percent: z.number(),
      plannedEnd: z.string().nullable(),
      leadUnit: z.string().nullable(),
      milestones: z.array(z.object({ title: z.string(), done: z.boolean() })),
      rating: z.object({ count: z.number(), average: z.number().nullable() }),
    }),
  ),
});
