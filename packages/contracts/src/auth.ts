import { z } from 'zod';
import { roleSchema } from './common.js';
import { passwordSchema } from './password.js';

export const loginSchema = z.object({
  login: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(128),
});
export type LoginInput = z.infer<typeof loginSchema>;

export const meSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  communityId: z.number().nullable(),
  communityName: z.string().nullable(),
  subdistrictId: z.number().nullable(),
  subdistrictName: z.string().nullable(),
  /** A contact account's organisation (ADR 0027). */
  organisationId: z.number().nullable().optional(),
  locale: z.enum(['zh-CN', 'en']),
});
export type Me = z.infer<typeof meSchema>;

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1).max(128),
  newPassword: passwordSchema,
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const healthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgresql']),
  version: z.string(),
});
