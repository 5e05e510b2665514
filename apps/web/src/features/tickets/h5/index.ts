// The phone screens of tickets: the resident's report and tracking pages, and the helper's tasks and door visit.
export { COMMUNITY_KEY, keyFromHash, NoCommunityHint, ReportPage } from './report-page.js';
export { LookupBox, TrackPage } from './track-page.js';
export { HelperHome } from './helper-home.js';
export { TaskPage, TasksPage } from './tasks.js';
export { VisitPage } from './door-visit.js';
