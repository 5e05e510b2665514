export { VotePhonePage } from './vote-page.js';
export { ConventionPhonePage } from './convention-page.js';
export { PublishedVotesPage } from './published-votes.js';
