import { z } from 'zod';
import { idSchema } from './common.js';

export const webhookFormats = ['json', 'wecom', 'dingtalk', 'feishu'] as const;
export const webhookPauseReasons = ['consecutive_failures', 'failing_for_an_hour', 'address_refused'] as const;
export const webhookSchema = z.object({
  id: z.number(),
  communityId: z.number(),
  name: z.string(),
  url: z.string(),
  format: z.enum(webhookFormats),
  hasSecret: z.boolean(),
  isActive: z.boolean(),
  createdAt: z.string(),
  /** Failed deliveries in a row (0 after any success); the circuit breaker backs off and then pauses on it. */
  consecutiveFailures: z.number(),
  lastError: z.string().nullable(),
  /** Set when the breaker paused the webhook: nothing is sent until the secretary resumes it. */
  pausedAt: z.string().nullable(),
  pauseReason: z.enum(webhookPauseReasons).nullable(),
});
export type Webhook = z.infer<typeof webhookSchema>;
export const createWebhookSchema = z.object({
  communityId: idSchema.optional(),
  name: z.string().trim().min(1).max(60),
  url: z.url({ protocol: /^https?$/ }).max(500),
  format: z.enum(webhookFormats),
  secret: z.string().trim().max(200).nullable().optional(),
});
export const updateWebhookSchema = createWebhookSchema.omit({ communityId: true }).partial().extend({ isActive: z.boolean().optional() });
export const webhookDeliverySchema = z.object({
  id: z.number(),
  event: z.string(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number(),
  nextAttemptAt: z.string(),
  lastStatusCode: z.number().nullable(),
  lastError: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;
