import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { roleCan } from '@linli/contracts/permissions';
import { dutyWeekdayLabels } from '@linli/contracts/duty-labels';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { applyApiError, clearErrorsOnChange, requiredRule } from '../../components/forms.js';
import {
  archiveTemplate,
  createTemplate,
  dutyKeys,
  fetchAccountOptions,
  fetchStationOptions,
  fetchTeamOptions,
  fetchTemplates,
  updateTemplate,
  type ShiftTemplate,
  type TemplateInput,
} from './api.js';

/** 值守模板: each post's weekly shifts (weekday, times, people needed, squad or named people) that generate the weeks. */
export function TemplatesTab() {
  const { t, locale } = useT();
  const { me, communityId } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<TemplateInput>();
  const [editing, setEditing] = useState<ShiftTemplate | 'new' | null>(null);
  const canWrite = roleCan(me.role, 'shifts.write');
  const templates = useQuery({ queryKey: dutyKeys.templates(communityId), queryFn: () => fetchTemplates(communityId) });
  const stations = useQuery({ queryKey: dutyKeys.stations(communityId), queryFn: () => fetchStationOptions(communityId), enabled: editing !== null });
  const teams = useQuery({ queryKey: dutyKeys.teams(communityId), queryFn: () => fetchTeamOptions(communityId), enabled: editing !== null });
  const accounts = useQuery({
    queryKey: dutyKeys.accounts(communityId),
    queryFn: () => fetchAccountOptions(communityId),
    enabled: editing !== null && roleCan(me.role, 'accounts.read'),
  });
  const labels = {
    stationId: t('duty.station'),
    weekday: t('duty.weekday'),
    startsAt: t('duty.startsAt'),
    endsAt: t('duty.endsAt'),
    headcount: t('duty.needed'),
    teamId: t('duty.squad'),
    accountIds: t('duty.namedPeople'),
    note: t('duty.note'),
  };
  const save = useMutation({
    mutationFn: (v: TemplateInput) => {
      const body = { ...v, teamId: v.teamId ?? null, accountIds: v.accountIds ?? [], note: v.note || null, communityId: communityId ?? undefined };
      return editing && editing !== 'new' ? updateTemplate(editing.id, body) : createTemplate(body);
    },
    onSuccess: () => (setEditing(null), form.resetFields(), void qc.invalidateQueries({ queryKey: dutyKeys.all })),
    onError: (err) => {
      const rest = applyApiError(form, err, labels);
      if (rest) message.error(rest);
    },
  });
  const archive = useMutation({
    mutationFn: (id: number) => archiveTemplate(id, communityId),
    onSuccess: () => void qc.invalidateQueries({ queryKey: dutyKeys.all }),
    onError: (err) => message.error(applyApiError(undefined, err)),
  });
  const openForm = (tpl: ShiftTemplate | 'new') => {
    form.resetFields();
    if (tpl !== 'new')
      form.setFieldsValue({
        stationId: tpl.stationId,
        weekday: tpl.weekday,
        startsAt: tpl.startsAt,
        endsAt: tpl.endsAt,
        headcount: tpl.headcount,
        teamId: tpl.teamId,
        accountIds: tpl.accountIds,
        note: tpl.note,
      });
    setEditing(tpl);
  };
  return (
    <>
      {canWrite && (
        <Button type="primary" onClick={() => openForm('new')} style={{ marginBottom: 12 }} data-testid="duty-new-template">
          {t('duty.newTemplate')}
        </Button>
      )}
      <Table<ShiftTemplate>
        rowKey="id"
        size="small"
        loading={templates.isLoading}
        dataSource={templates.data?.items ?? []}
        pagination={{ pageSize: 50 }}
        data-testid="duty-templates"
        columns={[
          { title: t('duty.station'), dataIndex: 'stationName' },
          { title: t('duty.weekday'), render: (_, x) => dutyWeekdayLabels[locale][x.weekday] },
          { title: t('duty.shift'), render: (_, x) => `${x.startsAt}–${x.endsAt}` },
          { title: t('duty.needed'), dataIndex: 'headcount' },
          { title: t('duty.squad'), render: (_, x) => x.teamName ?? '' },
          { title: t('duty.namedPeople'), render: (_, x) => x.accountNames.join('、') },
          { title: t('duty.note'), render: (_, x) => x.note ?? '' },
          ...(canWrite
            ? [
                {
                  key: 'actions',
                  render: (_: unknown, x: ShiftTemplate) => (
                    <Space>
                      <Button size="small" onClick={() => openForm(x)} data-testid="duty-edit-template">
                        {t('duty.edit')}
                      </Button>
                      <Popconfirm title={t('duty.archiveConfirm')} onConfirm={() => archive.mutate(x.id)}>
                        <Button size="small" danger data-testid="duty-archive-template">
                          {t('duty.archive')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('duty.newTemplate') : t('duty.editTemplate')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        okButtonProps={{ 'data-testid': 'duty-template-save' } as never}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => save.mutate(v)}
          onValuesChange={clearErrorsOnChange(form)}
          initialValues={{ headcount: 2, accountIds: [] }}
        >
          <Form.Item name="stationId" label={labels.stationId} rules={[requiredRule(t, labels.stationId, 'choose')]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={(stations.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
              data-testid="duty-template-station"
            />
          </Form.Item>
          <Space wrap>
            <Form.Item name="weekday" label={labels.weekday} rules={[requiredRule(t, labels.weekday, 'choose')]}>
              <Select
                style={{ width: 100 }}
                options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: dutyWeekdayLabels[locale][d] }))}
                data-testid="duty-template-weekday"
              />
            </Form.Item>
            <Form.Item name="startsAt" label={labels.startsAt} rules={[requiredRule(t, labels.startsAt)]}>
              <Input style={{ width: 100 }} placeholder={t('duty.hhmm')} maxLength={5} data-testid="duty-template-starts" />
            </Form.Item>
            <Form.Item name="endsAt" label={labels.endsAt} rules={[requiredRule(t, labels.endsAt)]}>
              <Input style={{ width: 100 }} placeholder={t('duty.hhmm')} maxLength={5} data-testid="duty-template-ends" />
            </Form.Item>
            <Form.Item name="headcount" label={labels.headcount} rules={[requiredRule(t, labels.headcount)]}>
              <InputNumber min={1} max={100} data-testid="duty-template-headcount" />
            </Form.Item>
          </Space>
          <Form.Item name="teamId" label={labels.teamId}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              options={(teams.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))}
              data-testid="duty-template-squad"
            />
          </Form.Item>
          {roleCan(me.role, 'accounts.read') && (
            <Form.Item name="accountIds" label={labels.accountIds}>
              <Select
                mode="multiple"
                showSearch
                optionFilterProp="label"
                options={(accounts.data?.items ?? []).map((x) => ({ value: x.id, label: x.displayName }))}
                data-testid="duty-template-people"
              />
            </Form.Item>
          )}
          <Form.Item name="note" label={labels.note}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
