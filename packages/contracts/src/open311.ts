import { z } from 'zod';
import { idSchema } from './common.js';

/** An Open311 client of a community, as the console lists it; the key itself is never answered again after issue. */
export const open311ClientSchema = z.object({
  id: z.number(),
  name: z.string(),
  /** The first characters of the key, so a secretary can tell keys apart; null for keys issued before prefixes were kept. */
  keyPrefix: z.string().nullable(),
  isActive: z.boolean(),
  createdAt: z.string(),
});
export type Open311Client = z.infer<typeof open311ClientSchema>;

export const createOpen311ClientSchema = z.object({ communityId: idSchema.optional(), name: z.string().trim().min(1).max(60) });
export type CreateOpen311ClientInput = z.infer<typeof createOpen311ClientSchema>;

/** The answer to issuing a key: the only time the whole key is shown. */
export const issuedOpen311ClientSchema = z.object({ id: z.number(), name: z.string(), keyPrefix: z.string(), apiKey: z.string() });
export type IssuedOpen311Client = z.infer<typeof issuedOpen311ClientSchema>;
