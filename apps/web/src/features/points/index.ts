export { PerksPage } from './perks-page.js';
export { PointsPanel } from './points-panel.js';
