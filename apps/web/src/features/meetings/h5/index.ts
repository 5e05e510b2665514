export { UpcomingMeetingsPage } from './upcoming.js';
