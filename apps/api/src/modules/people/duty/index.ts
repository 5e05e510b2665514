export { dutyRoutes } from './duty.routes.js';
export { dutyJobs, flagUncoveredShifts } from './uncovered.js';
