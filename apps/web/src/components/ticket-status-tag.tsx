import { Tag } from 'antd';
import { ticketStatusLabels, type TicketStatus } from '@linli/contracts/labels';
import { useT } from '../lib/i18n.js';

const statusColor: Record<TicketStatus, string> = {
  submitted: 'gold',
  accepted: 'blue',
  assigned: 'geekblue',
  in_progress: 'processing',
  escalated: 'purple',
  resolved: 'green',
  closed: 'default',
  rejected: 'red',
  merged: 'default',
  reviewing: 'volcano',
};

/** A ticket's state as a coloured tag, in the UI's language. */
export function TicketStatusTag({ status, testId }: { status: TicketStatus; testId?: string }) {
  const { locale } = useT();
  return (
    <Tag color={statusColor[status]} data-testid={testId}>
      {ticketStatusLabels[locale][status]}
    </Tag>
  );
}
