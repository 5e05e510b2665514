import { useState } from 'react';
import { Alert, App, Button, Form, Modal, Select, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { buildingSchema, SetBuildingHeadsInput } from '@linli/contracts';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { applyApiError, requiredRule } from '../../components/forms.js';
import { fetchHeadAccounts, fetchUnits, placesKeys, setBuildingHeads } from './api.js';

type Building = z.infer<typeof buildingSchema>;

/** Who looks after a building, as a short text: "冯阿姨、李叔（2单元）". */
export function HeadsText({ building }: { building: Building }) {
  const { t } = useT();
  if (building.heads.length === 0) return <Typography.Text type="secondary">{t('places.noHeads')}</Typography.Text>;
  return <>{building.heads.map((h) => (h.unitName ? `${h.name}（${h.unitName}）` : h.name)).join('、')}</>;
}

/** Staff choose the building's heads (楼栋长) or unit heads (单元长) among the community's building-head accounts. */
export function BuildingHeadsButton({ building }: { building: Building }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="link" size="small" onClick={() => setOpen(true)} data-testid={`building-heads-${building.id}`}>
        {t('places.setHeads')}
      </Button>
      {open && <BuildingHeadsDialog building={building} onClose={() => setOpen(false)} />}
    </>
  );
}

function BuildingHeadsDialog({ building, onClose }: { building: Building; onClose: () => void }) {
  const { t } = useT();
  const { message } = App.useApp();
  const { communityId } = useSession();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ heads: Array<{ accountId?: number; unitId?: number | null }> }>();
  const accounts = useQuery({
    queryKey: placesKeys.headAccounts(communityId),
    queryFn: () => fetchHeadAccounts(communityId),
  });
  const units = useQuery({ queryKey: placesKeys.units(building.id), queryFn: () => fetchUnits(building.id) });
  const save = useMutation({
    mutationFn: (body: SetBuildingHeadsInput) => setBuildingHeads(building.id, body),
    onSuccess: () => {
      message.success(t('common.saved'));
      void qc.invalidateQueries({ queryKey: placesKeys.all });
      onClose();
    },
    // The field paths (heads.0.accountId) name rows of a list, so the translated message is shown whole.
    onError: (err) => message.error(applyApiError(undefined, err)),
  });
  const unitOptions = [{ value: 0, label: t('places.wholeBuilding') }, ...(units.data?.items.map((u) => ({ value: u.id, label: u.name })) ?? [])];
  return (
    <Modal
      open
      title={`${t('places.setHeads')} · ${building.name}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'building-heads-save' } as Record<`data-${string}`, string>}
    >
      <Alert type="info" showIcon message={t('places.headsHint')} style={{ marginBottom: 16 }} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ heads: building.heads.map((h) => ({ accountId: h.accountId, unitId: h.unitId ?? 0 })) }}
        onFinish={(v) =>
          save.mutate({ heads: (v.heads ?? []).filter((h) => h.accountId).map((h) => ({ accountId: h.accountId!, unitId: h.unitId ? h.unitId : null })) })
        }
      >
        <Form.List name="heads">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'accountId']} label={t('places.headAccount')} rules={[requiredRule(t, t('places.headAccount'), 'choose')]}>
                    <Select
                      style={{ width: 240 }}
                      showSearch
                      optionFilterProp="label"
                      loading={accounts.isLoading}
                      data-testid={`building-head-account-${f.name}`}
                      options={accounts.data?.items.map((a) => ({ value: a.id, label: a.name }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'unitId']} label={t('places.headUnit')}>
                    <Select style={{ width: 140 }} options={unitOptions} data-testid={`building-head-unit-${f.name}`} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ unitId: 0 })} data-testid="building-head-add">
                {t('places.addHead')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
