import { channelLabels, ledgerColumns, ratingLabels, type Channel, type LedgerColumn, type LedgerFilter, type LedgerRow, type Rating } from '@linli/contracts';
import type { CommunityId } from '../../../platform/db/scope.js';
import { ticketLedgerRows as ticketRows } from '../../tickets/index.js';
import { periodOf } from '../dashboard.service.js';
import type { LedgerRegister, RegisterColumn } from '../register.js';
import { stepLine } from './ticket-steps.js';

const BATCH = 1000;

/** The filter of one community's ledger (the community already checked against the actor). */
export function whereIn(communityId: CommunityId, f: LedgerFilter): ticketRows.LedgerWhere {
  const p = f.from || f.to ? periodOf(f.from, f.to) : undefined;
  return { communityId, from: p?.from, to: p?.to, status: f.status, categoryId: f.categoryId, compoundId: f.compoundId, channel: f.channel };
}

/** Rows as the ledger prints them: Beijing times, masked contacts, the timeline condensed into one cell, in words. */
export function toRows(rows: ticketRows.LedgerDbRow[], events: Awaited<ReturnType<typeof ticketRows.eventsOf>>): LedgerRow[] {
  const byTicket = new Map<number, string[]>();
  for (const e of events) {
    const line = stepLine(e);
    const lines = byTicket.get(e.ticket_id);
    if (lines) lines.push(line);
    else byTicket.set(e.ticket_id, [line]);
  }
  return rows.map((r) => ({
    code: r.code,
    raisedAt: r.raised_at ?? '',
    channel: channelLabels['zh-CN'][r.channel as Channel] ?? r.channel,
    reporter: r.is_anonymous ? '匿名' : (r.reporter_name ?? ''),
    contact: r.is_anonymous ? '' : (r.reporter_phone_masked ?? ''),
    place: [r.compound_name, r.building_name, r.address_text].filter(Boolean).join(' '),
    category: r.category,
    description: r.description,
    acceptedAt: r.accepted_at ?? '',
    handler: [r.assignee, r.escalated_to].filter(Boolean).join(' / '),
    process: (byTicket.get(r.id) ?? []).join('\n'),
    resolvedAt: r.resolved_at ?? '',
    result: r.result_text ?? '',
    followUpAt: r.follow_up_at ?? '',
    satisfaction: r.rating ? ratingLabels['zh-CN'][r.rating as Rating] : r.close_reason === 'unrated_timeout' ? '未评价' : '',
    overdue: r.overdue ? '是' : '否',
  }));
}

// Widths in characters, about 180 in all: A4 landscape one page wide prints them at about three quarters of 9 pt.
// The dates of the deed (raised, accepted) show the time; resolution and follow-up the day (the cell keeps the time).
const layout: Record<LedgerColumn, Pick<RegisterColumn, 'width' | 'type'>> = {
  code: { width: 12, type: 'short' },
  raisedAt: { width: 14, type: 'datetime' },
  channel: { width: 6, type: 'short' },
  reporter: { width: 6, type: 'short' },
  contact: { width: 10, type: 'short' },
  place: { width: 10 },
  category: { width: 7, type: 'short' },
  description: { width: 18 },
  acceptedAt: { width: 14, type: 'datetime' },
  handler: { width: 8 },
  process: { width: 26 },
  resolvedAt: { width: 10, type: 'date' },
  result: { width: 14 },
  followUpAt: { width: 10, type: 'date' },
  satisfaction: { width: 6, type: 'short' },
  overdue: { width: 5, type: 'short' },
};

/** 诉求工单台账: the tickets' read model (tickets/index.ts ticketLedgerRows), read by id in batches. */
export const ticketsRegister: LedgerRegister = {
  key: 'tickets',
  title: '诉求工单台账',
  permission: 'tickets.readAll',
  byPeriod: true,
  columns: ledgerColumns.map(([key, header]) => ({ key, header, ...layout[key] })),
  count: (ctx, q) => ticketRows.countLedger(ctx.db, whereIn(q.communityId, q.filter)),
  async *rows(ctx, q) {
    const w = whereIn(q.communityId, q.filter);
    const ids = await ticketRows.ledgerIds(ctx.db, w);
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = ids.slice(i, i + BATCH);
      const [rows, events] = await Promise.all([ticketRows.ledgerRowsOf(ctx.db, batch), ticketRows.eventsOf(ctx.db, w.communityId, batch)]);
      yield toRows(rows, events);
    }
  },
};
