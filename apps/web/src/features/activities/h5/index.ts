export { ActivitiesListPage, ActivityPage, MySignupPage, signupKeyFromHash } from './pages.js';
export { ActivitiesEntry } from './entry.js';
