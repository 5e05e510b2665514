import type { PeriodicJob } from '../../platform/jobs/scheduler.js';
import { sendEscalationReminders } from './reminders.js';

export { escalationsRoutes } from './escalations.routes.js';
export { sendEscalationReminders } from './reminders.js';
/** The departments' ranking (吹哨报到) for the dashboard, beside the communities' ranking. */
export { departmentRanking } from './reading.js';
/** The escalations ledger's rows (台账), for the ledger module to print. */
export { escalationLedgerRows, type EscalationLedgerRow } from './ledger-rows.js';

export const escalationJobs: PeriodicJob[] = [
  { name: 'escalations.remind', everyMs: 60_000, run: async (ctx, now) => void (await sendEscalationReminders(ctx, now)) },
];
/** 书记面对面 sessions (ADR 0029): their routes, and the commitments read model (overdue first). */
export { sessionsRoutes, sessionCommitments } from './sessions/index.js';
