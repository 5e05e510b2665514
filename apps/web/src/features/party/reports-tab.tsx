import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { partyPostClasses, partyPostClassLabels } from '@linli/contracts/party-labels';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { applyApiError, requiredRule } from '../../components/forms.js';
import { fetchDue, fetchMembers, fetchReports, partyKeys, recordReport, type DueMember, type PartyReport, type ReportInput } from './api.js';
import { FeedbackButton } from './feedback-button.js';

/** A select of the community's party members (the first hundred by name). */
export function MemberSelect(props: { value?: number; onChange?: (v: number) => void }) {
  const { communityId } = useSession();
  const members = useQuery({ queryKey: partyKeys.members(communityId), queryFn: () => fetchMembers(communityId) });
  return (
    <Select
      showSearch
      optionFilterProp="label"
      style={{ minWidth: 180 }}
      {...props}
      options={(members.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }))}
    />
  );
}

type ReportForm = Omit<ReportInput, 'slipReceivedOn'> & { partyMemberId: number; slipReceivedOn: { format: (f: string) => string } };

/** 报到登记: the reports with their 回执, the form to record one, and who is due to report (again). */
export function ReportsTab() {
  const { t, locale } = useT();
  const { communityId } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<ReportForm>();
  const [open, setOpen] = useState(false);
  const reports = useQuery({ queryKey: partyKeys.reports(communityId), queryFn: () => fetchReports(communityId) });
  const due = useQuery({ queryKey: partyKeys.due(communityId), queryFn: () => fetchDue(communityId) });
  const save = useMutation({
    mutationFn: ({ partyMemberId, slipReceivedOn, ...rest }: ReportForm) =>
      recordReport(partyMemberId, { ...rest, slipReceivedOn: slipReceivedOn.format('YYYY-MM-DD') }),
    onSuccess: (r) => {
      message.success(t('party.recorded', { no: r.receiptNo }));
      setOpen(false);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: partyKeys.all });
    },
    onError: (err) => message.error(applyApiError(form, err)),
  });
  const classLabel = (c: PartyReport['preferredClasses'][number]) => partyPostClassLabels[locale][c];
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} style={{ marginBottom: 12 }} data-testid="party-record">
        {t('party.record')}
      </Button>
      <Table<PartyReport>
        rowKey="id"
        size="small"
        loading={reports.isLoading}
        dataSource={reports.data?.items ?? []}
        columns={[
          { title: t('party.member'), dataIndex: 'memberName' },
          { title: t('party.workUnit'), dataIndex: 'workUnit' },
          { title: t('party.reportedOn'), dataIndex: 'reportedOn' },
          { title: t('party.receiptNo'), dataIndex: 'receiptNo' },
          { title: t('party.nextDueOn'), dataIndex: 'nextDueOn' },
          { title: t('party.preferredClasses'), render: (_, r) => r.preferredClasses.map((c) => <Tag key={c}>{classLabel(c)}</Tag>) },
          { title: '', render: (_, r) => <FeedbackButton partyMemberId={r.partyMemberId} /> },
        ]}
      />
      <h4>{t('party.due')}</h4>
      <Table<DueMember>
        rowKey="partyMemberId"
        size="small"
        loading={due.isLoading}
        dataSource={due.data?.items ?? []}
        columns={[
          { title: t('party.member'), dataIndex: 'memberName' },
          { title: t('party.workUnit'), dataIndex: 'workUnit' },
          { title: t('party.lastReportedOn'), render: (_, r) => r.lastReportedOn ?? t('party.never') },
          { title: t('party.nextDueOn'), render: (_, r) => (r.overdue ? <Tag color="red">{t('party.overdue')}</Tag> : r.dueOn) },
        ]}
      />
      <Modal open={open} title={t('party.record')} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={save.isPending}>
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Form.Item name="partyMemberId" label={t('party.member')} rules={[requiredRule(t, t('party.member'), 'choose')]}>
            <MemberSelect />
          </Form.Item>
          <Form.Item name="workUnit" label={t('party.workUnit')} rules={[requiredRule(t, t('party.workUnit'))]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="workUnitPartyOrg" label={t('party.workUnitPartyOrg')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="slipReceivedOn" label={t('party.slipReceivedOn')} rules={[requiredRule(t, t('party.slipReceivedOn'), 'choose')]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="skills" label={t('party.skills')}>
            <Select mode="tags" />
          </Form.Item>
          <Form.Item name="preferredClasses" label={t('party.preferredClasses')}>
            <Select mode="multiple" options={partyPostClasses.map((c) => ({ value: c, label: partyPostClassLabels[locale][c] }))} />
          </Form.Item>
          <Form.Item name="contactPhone" label={t('party.contactPhone')}>
            <Input maxLength={20} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
