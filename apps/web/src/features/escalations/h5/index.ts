// The phone screens of escalations: the contact's queue and the grid worker's request (no antd here).
export { EscalationQueuePage } from './queue.js';
export { RequestEscalation } from './request-escalation.js';
