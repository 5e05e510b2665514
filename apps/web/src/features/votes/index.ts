export { VotesPage } from './votes-page.js';
export { ConventionsPage } from './conventions-page.js';
