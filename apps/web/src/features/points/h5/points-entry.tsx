import type { Me } from '@linli/contracts';
import { roleCan } from '@linli/contracts/permissions';
import { useT } from '../../../lib/i18n.js';
import { Go, type Navigate } from '../../../components/go.js';
import '../messages.js';

/** The home entries: my points and perks for volunteers, the code counter for a merchant's contact. */
export function PointsEntry({ me, navigate }: { me: Me; navigate: Navigate }) {
  const { t } = useT();
  if (roleCan(me.role, 'redemptions.confirm') && me.role === 'partner_contact')
    return (
      <nav className="entries">
        <Go className="entry" to="/h5/merchant" navigate={navigate} testId="h5-merchant-link">
          <span className="entry-title">{t('points.merchantTitle')}</span>
          <span className="entry-hint">{t('points.merchantHint')}</span>
        </Go>
      </nav>
    );
  if (!roleCan(me.role, 'points.own')) return null;
  return (
    <nav className="entries">
      <Go className="entry" to="/h5/points" navigate={navigate} testId="h5-points-link">
        <span className="entry-title">{t('points.myPoints')}</span>
        <span className="entry-hint">{t('points.myPointsHint')}</span>
      </Go>
      <Go className="entry" to="/h5/perks" navigate={navigate} testId="h5-perks-link">
        <span className="entry-title">{t('points.perks')}</span>
        <span className="entry-hint">{t('points.perksHint')}</span>
      </Go>
    </nav>
  );
}
