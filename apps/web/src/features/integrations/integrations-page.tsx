import { roleCan } from '@linli/contracts';
import { useSession } from '../../lib/session.js';
import { Open311Card } from './open311-keys.js';
import { WebhooksCard } from './webhooks.js';

/** Where a community connects outside systems: Open311 keys for hotlines, and webhooks for group bots. */
export function IntegrationsPage() {
  const { me } = useSession();
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }} data-testid="integrations-page">
      {roleCan(me.role, 'open311.manage') && <Open311Card />}
      {roleCan(me.role, 'webhooks.manage') && <WebhooksCard />}
    </div>
  );
}
