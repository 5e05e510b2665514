import type { CreateHelpNeedInput, HelpActionInput, HelpHelperInput, HelpStepInput } from '@linli/contracts';
import type { paths } from '@linli/contracts/openapi';
import { client, unwrap } from '../../lib/api.js';

/** Every query key of the help feature starts with 'help'. */
export const helpKeys = {
  all: ['help'] as const,
  list: (query: object) => ['help', 'list', query] as const,
  detail: (id: number) => ['help', 'detail', id] as const,
};
type ListQuery = NonNullable<paths['/api/help-needs']['get']['parameters']['query']>;
const path = (id: number) => ({ params: { path: { id } } });

export const fetchHelpNeeds = (query: ListQuery) => unwrap(client.GET('/api/help-needs', { params: { query } }));
export const fetchHelpNeed = (id: number) => unwrap(client.GET('/api/help-needs/{id}', path(id)));
/** The full view: logged on the server each time. */
export const fetchHelpNeedFull = (id: number) => unwrap(client.GET('/api/help-needs/{id}/full', path(id)));
export const createHelpNeed = (body: CreateHelpNeedInput) => unwrap(client.POST('/api/help-needs', { body }));
export const addHelpAction = (id: number, body: HelpActionInput) => unwrap(client.POST('/api/help-needs/{id}/actions', { ...path(id), body }));
export const stepHelpNeed = (id: number, body: HelpStepInput) => unwrap(client.POST('/api/help-needs/{id}/steps', { ...path(id), body }));
export const setHelpHelper = (id: number, body: HelpHelperInput) => unwrap(client.POST('/api/help-needs/{id}/helper', { ...path(id), body }));
