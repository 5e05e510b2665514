import type { AppContext } from '../../../platform/context.js';
import { limitAddressOf } from '../../../platform/limits/client-address.js';
import { consumeLimit } from '../../../platform/limits/limits.js';

const WINDOW_MS = 10 * 60_000;

/**
 * Anonymous reports are limited per client address and per community link (community code and compound),
 * with counters in the database so the limits hold across API processes (ADR 0011).
 * Over either limit: 429 TOO_MANY_REPORTS, saying in how many minutes to retry.
 */
export async function checkPublicReportLimits(ctx: AppContext, ip: string, input: { communityCode: string; compoundId?: number | null }): Promise<void> {
  const { publicReportsPerAddress, publicReportsPerLink } = ctx.config.limits;
  await consumeLimit(ctx.db, { key: `report:address:${limitAddressOf(ip)}`, max: publicReportsPerAddress, windowMs: WINDOW_MS, code: 'TOO_MANY_REPORTS' });
  const link = `${input.communityCode.trim().toLowerCase()}:${input.compoundId ?? '-'}`;
  await consumeLimit(ctx.db, { key: `report:link:${link}`, max: publicReportsPerLink, windowMs: WINDOW_MS, code: 'TOO_MANY_REPORTS' });
}
