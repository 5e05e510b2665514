export { WishesPage } from './wishes-page.js';
