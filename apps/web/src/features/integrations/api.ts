import type { IssuedOpen311Client, Open311Client, Webhook, WebhookDelivery } from '@linli/contracts';
import { client, unwrap } from '../../lib/api.js';

type Id = number | null | undefined;
/** Every query key of the integrations (Open311 keys, webhooks) starts with 'integrations'. */
export const integrationsKeys = {
  all: ['integrations'] as const,
  open311: ['integrations', 'open311-clients'] as const,
  open311Of: (communityId: Id) => ['integrations', 'open311-clients', communityId] as const,
  webhooks: ['integrations', 'webhooks'] as const,
  webhooksOf: (communityId: Id) => ['integrations', 'webhooks', communityId] as const,
  deliveries: (id: number) => ['integrations', 'webhooks', 'deliveries', id] as const,
};

export const fetchOpen311Clients = (communityId: Id): Promise<{ items: Open311Client[] }> =>
  unwrap(client.GET('/api/open311-clients', { params: { query: { communityId: communityId ?? undefined } } }));
export const issueOpen311Key = (communityId: Id, name: string): Promise<IssuedOpen311Client> =>
  unwrap(client.POST('/api/open311-clients', { body: { communityId: communityId ?? undefined, name } }));
export const revokeOpen311Key = (id: number) => unwrap(client.POST('/api/open311-clients/{id}/revoke', { params: { path: { id } } }));

export const fetchWebhooks = (communityId: Id): Promise<{ items: Webhook[] }> =>
  unwrap(client.GET('/api/webhooks', { params: { query: { communityId: communityId ?? undefined } } }));
type Body = Record<string, unknown>;
export const createWebhook = (body: Body): Promise<Webhook> => unwrap(client.POST('/api/webhooks', { body: body as never }));
export const updateWebhook = (id: number, body: Body): Promise<Webhook> =>
  unwrap(client.PATCH('/api/webhooks/{id}', { params: { path: { id } }, body: body as never }));
export const resumeWebhook = (id: number): Promise<Webhook> => unwrap(client.POST('/api/webhooks/{id}/resume', { params: { path: { id } } }));
export const fetchDeliveries = (id: number): Promise<{ items: WebhookDelivery[] }> =>
  unwrap(client.GET('/api/webhooks/{id}/deliveries', { params: { path: { id } } }));
