import { Card, Col, Row, Statistic } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { inboxViews } from '@linli/contracts/labels';
import { useT } from '../../lib/i18n.js';
import { fetchInbox, ticketsKeys } from './api.js';
import './loop-messages.js';

const danger = new Set(['overdue', 'dissatisfied']);

/** The secretary's inbox on the overview: each count opens the ticket list filtered the same way on the server. */
export function TicketInboxCard({ communityId }: { communityId: number | null }) {
  const { t } = useT();
  const q = useQuery({ queryKey: ticketsKeys.inbox(communityId), queryFn: () => fetchInbox(communityId), refetchInterval: 60_000 });
  return (
    <Card title={t('loop.inbox')} style={{ marginBottom: 16 }} data-testid="ticket-inbox">
      <Row gutter={16}>
        {inboxViews.map((v) => (
          <Col key={v} flex="1">
            <Link to={`/tickets?inbox=${v}`} data-testid={`inbox-${v}`}>
              <Statistic
                title={t(`loop.inbox.${v}`)}
                value={q.data?.[v] ?? '–'}
                valueStyle={danger.has(v) && (q.data?.[v] ?? 0) > 0 ? { color: '#cf1322' } : undefined}
              />
            </Link>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
