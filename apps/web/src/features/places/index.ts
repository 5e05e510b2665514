// The places feature's public face: the app mounts its pages, other features reuse its pickers.
export { OverviewPage } from './overview-page.js';
export { PlacesPage } from './places-page.js';
export { ResidentsPage } from './residents-page.js';
export { ImportPage } from './import-page.js';
export { CompoundSelect, GridSelect, ResidentPicker } from './pickers.js';
