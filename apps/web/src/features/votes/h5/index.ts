export { VotePhonePage } from './vote-page.js';
export { ConventionPhonePage } from './convention-page.js';
