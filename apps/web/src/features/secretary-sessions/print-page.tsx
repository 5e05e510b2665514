import { Button, Empty, Space, Spin } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { commitmentStateLabels } from '@linli/contracts';
import { useT } from '../../lib/i18n.js';
import { formatTime } from '../../components/time.js';
import { fetchSession, sessionsKeys } from './api.js';
import './messages.js';

// On paper only the record shows: the console's menu, header and this page's buttons are hidden.
const printCss = `
@media print {
  .ant-layout-sider, .ant-layout-header, .session-print-toolbar { display: none !important; }
  .ant-layout-content { padding: 0 !important; }
  body, .ant-layout { background: #fff !important; }
  @page { size: A4; margin: 16mm; }
}
.session-record { max-width: 800px; margin: 0 auto; background: #fff; padding: 24px 32px; color: #000; font-size: 14px; line-height: 1.7; }
.session-record h1 { text-align: center; font-size: 20px; margin: 0 0 16px; }
.session-record table { width: 100%; border-collapse: collapse; margin: 8px 0 16px; }
.session-record th, .session-record td { border: 1px solid #000; padding: 4px 6px; vertical-align: top; text-align: left; }
.session-record th { background: #f5f5f5; white-space: nowrap; }
.session-record .sign { display: grid; grid-template-columns: 1fr 1fr; gap: 28px 40px; margin-top: 24px; }
.session-record .sign div { border-bottom: 1px solid #000; padding-bottom: 28px; }
.session-record .foot { margin-top: 16px; font-size: 12px; color: #555; text-align: right; }
`;

/** The session as a paper record (会议记录): title, date, place, attendees, items, answers, commitments, sign-off lines. */
export function SecretarySessionPrintPage() {
  const { t, locale } = useT();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const q = useQuery({ queryKey: sessionsKeys.detail(id), queryFn: () => fetchSession(id) });
  const s = q.data;
  if (!s) return q.isLoading ? <Spin /> : <Empty />;
  return (
    <>
      <style>{printCss}</style>
      <Space className="session-print-toolbar" style={{ marginBottom: 12 }}>
        <Button onClick={() => navigate(`/secretary-sessions/${s.id}`)}>{t('sessions.back')}</Button>
        <Button type="primary" onClick={() => window.print()} data-testid="print-now">
          {t('sessions.printNow')}
        </Button>
      </Space>
      <div className="session-record" data-testid="session-record">
        <h1>
          {s.communityName} {s.title} {t('sessions.record')}
        </h1>
        <table>
          <tbody>
            <tr>
              <th>{t('sessions.heldOn')}</th>
              <td>{`${s.heldOn}${s.startsAt ? ` ${s.startsAt}` : ''}`}</td>
              <th>{t('sessions.place')}</th>
              <td>{s.place}</td>
            </tr>
            <tr>
              <th>{t('sessions.host')}</th>
              <td colSpan={3}>{s.hostName}</td>
            </tr>
            <tr>
              <th>{t('sessions.attendees')}</th>
              <td colSpan={3}>
                {s.attendees.map((a) => `${a.organisationName} ${a.attendeeName}${a.attendeeTitle ? `（${a.attendeeTitle}）` : ''}`).join('；')}
              </td>
            </tr>
            {s.otherAttendees && (
              <tr>
                <th>{t('sessions.otherAttendees')}</th>
                <td colSpan={3}>{s.otherAttendees}</td>
              </tr>
            )}
          </tbody>
        </table>
        <table data-testid="record-items">
          <thead>
            <tr>
              <th>#</th>
              <th>{t('sessions.subject')}</th>
              <th>{t('sessions.organisation')}</th>
              <th>{t('sessions.answer')}</th>
              <th>{t('sessions.commitment')}</th>
              <th>{t('sessions.promisedOn')}</th>
              <th>{t('sessions.state')}</th>
            </tr>
          </thead>
          <tbody>
            {s.items.length === 0 && (
              <tr>
                <td colSpan={7}>{t('sessions.noItems')}</td>
              </tr>
            )}
            {s.items.map((item, i) => (
              <tr key={item.id}>
                <td>{i + 1}</td>
                <td>
                  {item.subject}
                  {item.ticketCode ? `（${item.ticketCode}）` : ''}
                  {item.detail ? <div style={{ color: '#555' }}>{item.detail}</div> : null}
                </td>
                <td>{item.organisationName}</td>
                <td>{item.answer ?? ''}</td>
                <td>{item.commitment ?? ''}</td>
                <td>{item.promisedOn ?? ''}</td>
                <td>
                  {commitmentStateLabels[locale][item.commitmentState]}
                  {item.followUps.map((f) => (
                    <div key={f.id} style={{ fontSize: 12 }}>
                      {formatTime(locale, f.at, 'short')} {f.byName ?? ''}：{f.note}
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {s.notes && (
          <>
            <strong>{t('sessions.notes')}</strong>
            <p style={{ whiteSpace: 'pre-wrap' }}>{s.notes}</p>
          </>
        )}
        <strong>{t('sessions.signOff')}</strong>
        <div className="sign">
          <div>{t('sessions.signHost')}</div>
          <div>{t('sessions.signDate')}</div>
          {s.attendees.map((a) => (
            <div key={a.organisationId}>{t('sessions.signDept', { name: a.organisationName })}</div>
          ))}
        </div>
        <div className="foot">{t('sessions.printedAt', { time: formatTime(locale, new Date().toISOString()) })}</div>
      </div>
    </>
  );
}
