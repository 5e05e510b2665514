export { MeetingsPage } from './meetings-page.js';
