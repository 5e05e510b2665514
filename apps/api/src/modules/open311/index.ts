export { open311Routes } from './open311.routes.js';
export { issueClientKey } from './open311.service.js';
