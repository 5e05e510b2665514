// The places feature's public face: the app mounts its pages, other features import its api.ts or pickers.tsx directly (so a page's chunk stays its own).
export { OverviewPage } from './overview-page.js';
export { PlacesPage } from './places-page.js';
export { ResidentsPage } from './residents-page.js';
export { ImportPage } from './import-page.js';
