// 书记面对面 sessions, a part of the escalations module (ADR 0029). escalations/index.ts re-exports this face.
export { sessionsRoutes } from './sessions.routes.js';
export { listCommitments as sessionCommitments } from './sessions.service.js';
