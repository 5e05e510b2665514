export { SuggestionsPanel } from './suggestions-panel.js';
export { MatchOrdersPage } from './orders-page.js';
export { MyOrdersPage } from './h5-orders.js';
