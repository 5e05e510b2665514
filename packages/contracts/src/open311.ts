import { z } from 'zod';
import { idSchema } from './common.js';
import { dateRange } from './hygiene.js';
import { ticketTextLimits } from './tickets.js';

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

const field = (max: number) => z.string().max(max);
/** Open311 clients send CRLF; the cap counts the text as it is stored, with LF. */
const storedText = (max: number) => z.string().refine((v) => v.replace(/\r\n/g, '\n').trim().length <= max, { params: { rule: 'too_long', max } });
const joinedLength = (...parts: Array<string | undefined>) => parts.filter(Boolean).join(' ').length;
/** Any other field a client sends (Open311 lets clients add their own): a string of sane size. */
const otherField = field(1000);

/**
 * The fields of an Open311 POST, query and form together, with the caps of the app's own ticket forms
 * (`ticketTextLimits`): the description, the address (building and address_string joined; lat/long are kept apart) and the name
 * (last_name and first_name joined) can be no longer than through the console or the public form.
 */
export const open311RequestFieldsSchema = z
  .object({
    api_key: field(200).optional(),
    jurisdiction_id: field(ticketTextLimits.communityCode).optional(),
    service_code: field(40).optional(),
    description: storedText(ticketTextLimits.description).optional(),
    address_string: storedText(ticketTextLimits.addressText).optional(),
    'attribute[building]': storedText(40).optional(),
    'attribute[compound]': z
      .string()
      .regex(/^\d{1,15}$/)
      .optional(),
    lat: z
      .string()
      .regex(/^-?\d{1,3}(\.\d{1,12})?$/)
      .optional(),
    long: z
      .string()
      .regex(/^-?\d{1,3}(\.\d{1,12})?$/)
      .optional(),
    first_name: field(ticketTextLimits.reporterName).optional(),
    last_name: field(ticketTextLimits.reporterName).optional(),
    phone: field(20).optional(),
    email: field(254).optional(),
  })
  .catchall(otherField)
  .superRefine((f, ctx) => {
    if (joinedLength(f['attribute[building]'], f.address_string) > ticketTextLimits.addressText) {
      ctx.addIssue({ code: 'custom', path: ['address_string'], params: { rule: 'too_long', max: ticketTextLimits.addressText } });
    }
    if ([f.last_name, f.first_name].filter(Boolean).join('').length > ticketTextLimits.reporterName) {
      ctx.addIssue({ code: 'custom', path: ['first_name'], params: { rule: 'too_long', max: ticketTextLimits.reporterName } });
    }
  });
export type Open311RequestFields = z.infer<typeof open311RequestFieldsSchema>;

/** An Open311 date-time parameter (start_date, end_date): any form Date.parse reads, within `dateRange`. */
const open311DateSchema = field(40).refine(
  (v) => {
    const t = Date.parse(v);
    return t >= Date.parse(`${dateRange.min}T00:00:00Z`) && t <= Date.parse(`${dateRange.max}T23:59:59Z`);
  },
  { params: { rule: 'date_out_of_range', min: dateRange.min, max: dateRange.max } },
);

/** The query of every Open311 GET. */
export const open311QuerySchema = z
  .object({
    jurisdiction_id: field(ticketTextLimits.communityCode).optional(),
    service_request_id: field(2000).optional(),
    service_code: field(40).optional(),
    status: field(20).optional(),
    start_date: open311DateSchema.optional(),
    end_date: open311DateSchema.optional(),
  })
  .catchall(otherField);
