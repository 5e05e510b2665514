import { roleCan } from '@linli/contracts';
import { registerMessages } from '../../lib/i18n.js';
import { useSession } from '../session.js';
import { Open311Card } from './integrations/open311-keys.js';
import { WebhooksCard } from './integrations/webhooks.js';

registerMessages({ 'nav.integrations': '系统对接' }, { 'nav.integrations': 'Integrations' });

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
