export { wishesRoutes } from './wishes.routes.js';
export { publicWishRoutes } from './public.routes.js';
export { wishJobs, expireWishes, remindClaimants } from './jobs.js';
/** For the matching module: a wish's text, category and compound (ADR 0036). */
export { wishNeed } from './need.js';
/** The wishes register's read model and the dashboard's counts for the ledger module. */
export * as wishLedger from './ledger.js';
