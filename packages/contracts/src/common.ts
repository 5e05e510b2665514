import { z } from 'zod';
import { roles } from './roles.js';

export const idSchema = z.coerce.number().int().positive();
export const idParamsSchema = z.object({ id: idSchema });

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  q: z.string().trim().max(100).optional(),
  sort: z.string().max(40).optional(),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Mainland mobile number: 11 digits starting with 1[3-9]. */
export const phoneSchema = z
  .string()
  .trim()
  .refine((v) => /^1[3-9]\d{9}$/.test(v), { params: { rule: 'invalid_phone' } });

/** 18-character resident ID with its ISO 7064 check digit. */
export function isValidIdCard(value: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(value)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const checks = '10X98765432';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(value[i]) * weights[i]!;
  return checks[sum % 11] === value[17]!.toUpperCase();
}
export const idCardSchema = z
  .string()
  .trim()
  .refine(isValidIdCard, { params: { rule: 'invalid_id_card' } });

export const okSchema = z.object({ ok: z.literal(true) });

export const auditEntrySchema = z.object({
  id: z.number(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  actorId: z.number().nullable(),
  actorName: z.string().nullable(),
  changes: z.record(z.string(), z.unknown()).nullable(),
  reason: z.string().nullable(),
  requestId: z.string().nullable(),
  createdAt: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export const auditQuerySchema = z.object({
  entityType: z.string().min(1).max(40),
  entityId: z.string().min(1).max(40),
});
export const auditListSchema = z.object({ items: z.array(auditEntrySchema) });

/** Turns one zod issue into the field issue the UI translates (see `fieldRules`). */
export function toFieldIssue(issue: {
  code: string;
  path: PropertyKey[];
  input?: unknown;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  params?: Record<string, unknown>;
}): { field: string; rule: string; params?: Record<string, string | number> } {
  const field = issue.path.map(String).join('.') || 'body';
  switch (issue.code) {
    case 'invalid_type':
      return { field, rule: issue.input === undefined || issue.input === null ? 'required' : 'invalid' };
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? { field, rule: 'required' } : { field, rule: 'too_short', params: { min: Number(issue.minimum) } };
      }
      return { field, rule: 'too_small', params: { min: Number(issue.minimum) } };
    case 'too_big':
      return issue.origin === 'string'
        ? { field, rule: 'too_long', params: { max: Number(issue.maximum) } }
        : { field, rule: 'too_big', params: { max: Number(issue.maximum) } };
    case 'invalid_value':
      return { field, rule: 'invalid_option' };
    case 'custom': {
      if (typeof issue.params?.rule !== 'string') return { field, rule: 'invalid' };
      const { rule, ...rest } = issue.params;
      const params = Object.fromEntries(
        Object.entries(rest).filter((e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number'),
      );
      return Object.keys(params).length ? { field, rule, params } : { field, rule };
    }
    default:
      return { field, rule: 'invalid' };
  }
}

export const roleSchema = z.enum(roles);
