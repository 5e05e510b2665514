import { z } from 'zod';
import { idSchema } from './common.js';
import { dateSchema } from './hygiene.js';
import { channelSchema } from './tickets.js';
import { ticketStatuses } from './ticket-labels.js';

/** Filters of the ledger (台账), the same for the list and the export. */
export const ledgerFilterSchema = z.object({
  communityId: idSchema.optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  status: z.enum(ticketStatuses).optional(),
  categoryId: idSchema.optional(),
  compoundId: idSchema.optional(),
  channel: channelSchema.optional(),
  /** The 双报到 feedback sheet of one party member (party_feedback). */
  partyMemberId: idSchema.optional(),
});
export type LedgerFilter = z.infer<typeof ledgerFilterSchema>;
export const ledgerQuerySchema = ledgerFilterSchema.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

/** The columns real ledgers use, in order, with their zh-CN headers. */
export const ledgerColumns = [
  ['code', '编号'],
  ['raisedAt', '提出时间'],
  ['channel', '渠道'],
  ['reporter', '诉求人'],
  ['contact', '联系方式'],
  ['place', '小区/楼栋'],
  ['category', '类别'],
  ['description', '诉求内容'],
  ['acceptedAt', '受理时间'],
  ['handler', '承办人/单位'],
  ['process', '办理过程'],
  ['resolvedAt', '办结时间'],
  ['result', '办理结果'],
  ['followUpAt', '回访时间'],
  ['satisfaction', '满意度'],
  ['overdue', '是否超期'],
] as const;
export type LedgerColumn = (typeof ledgerColumns)[number][0];
export const ledgerRowSchema = z.object(Object.fromEntries(ledgerColumns.map(([k]) => [k, z.string()])) as Record<LedgerColumn, z.ZodString>);
export type LedgerRow = z.infer<typeof ledgerRowSchema>;
export const ledgerPageSchema = z.object({ items: z.array(ledgerRowSchema), total: z.number(), page: z.number(), pageSize: z.number() });

/** The registers (台账) the ledger module prints; a module adds its key here and its register in ledger/registers/. */
export const ledgerRegisterKeys = [
  'tickets',
  'residents',
  'party_members',
  'teams',
  'partners',
  'escalations',
  'resources',
  'agreements',
  'contributions',
  'wishes',
  'help',
  'care',
  'meetings',
  'meeting_minutes',
  'venue_usage',
  'volunteers',
  'service_hours',
  'duty',
  'points',
  'redemptions',
  'activities',
  'party_reports',
  'pioneer_claims',
  'party_feedback',
  'projects',
] as const;
export type LedgerRegisterKey = (typeof ledgerRegisterKeys)[number];
export const ledgerRegisterKeySchema = z.enum(ledgerRegisterKeys);
/** An export: which register, and the filters (the period filters registers by date; the others print as of today). */
export const ledgerExportBodySchema = ledgerFilterSchema.extend({ register: ledgerRegisterKeySchema.default('tickets') });
export type LedgerExportBody = z.input<typeof ledgerExportBodySchema>;
export const ledgerRegisterListSchema = z.object({
  items: z.array(z.object({ key: ledgerRegisterKeySchema, title: z.string(), byPeriod: z.boolean(), columns: z.array(z.string()) })),
});
export type LedgerRegisterInfo = z.infer<typeof ledgerRegisterListSchema>['items'][number];

export const ledgerExportSchema = z.object({
  id: z.number(),
  register: ledgerRegisterKeySchema,
  status: z.enum(['running', 'done', 'failed']),
  total: z.number(),
  processed: z.number(),
  fileName: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type LedgerExport = z.infer<typeof ledgerExportSchema>;
