import { useT } from '../../../lib/i18n.js';
import { Go, type Navigate } from '../../../components/go.js';
import './messages.js';

/** The helper home's line to /h5/party (shown to whoever may serve: party members and staff). */
export function PartyEntry({ navigate }: { navigate: Navigate }) {
  const { t } = useT();
  return (
    <nav className="entries">
      <Go className="entry" to="/h5/party" navigate={navigate} testId="h5-party-link">
        <span className="entry-title">{t('partyH5.entry')}</span>
        <span className="entry-hint">{t('partyH5.hint')}</span>
      </Go>
    </nav>
  );
}
