import { useEffect, useState } from 'react';
import { Button } from 'antd';
import type { LedgerExport } from '@linli/contracts';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { client, unwrap } from '../../lib/api.js';
import { exportFileUrl, fetchExport } from '../ledger/api.js';

/** Prints a member's 双报到 反馈表 through the ledger workbook (register party_feedback, filtered by member). */
export function FeedbackButton({ partyMemberId }: { partyMemberId: number }) {
  const { t } = useT();
  const { communityId } = useSession();
  const [job, setJob] = useState<LedgerExport | null>(null);
  useEffect(() => {
    if (job?.status !== 'running') return;
    const timer = setInterval(async () => setJob(await fetchExport(job.id)), 700);
    return () => clearInterval(timer);
  }, [job?.id, job?.status]);
  if (job?.status === 'done') return <a href={exportFileUrl(job.id)}>{t('party.download')}</a>;
  return (
    <Button
      size="small"
      loading={job?.status === 'running'}
      onClick={async () =>
        setJob(await unwrap(client.POST('/api/ledger/exports', { body: { communityId: communityId ?? undefined, register: 'party_feedback', partyMemberId } })))
      }
    >
      {t('party.feedback')}
    </Button>
  );
}
