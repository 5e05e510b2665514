export { authRoutes } from './auth.routes.js';
export { registerAuthentication } from './authenticate.js';
export { hashPassword } from './auth.service.js';
