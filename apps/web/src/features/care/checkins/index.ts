export { CheckinsTodayPanel } from './today-panel.js';
export { CheckinPage, checkinTokenFromHash } from './h5/checkin-page.js';
export { CheckinChaseList } from './h5/chase-list.js';
export { CheckinLinksSection } from './links-section.js';
