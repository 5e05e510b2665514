import { useState } from 'react';
import { App, Breadcrumb, Button, Card, Form, Input, InputNumber, Modal, Space, Table } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { roleCan, type buildingSchema, type Compound, type householdSchema, type unitSchema } from '@linli/contracts';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { applyApiError, clearErrorsOnChange } from '../../components/forms.js';
import './messages.js';
import { ResidentsTable } from './residents-page.js';
import { EntityForm, fieldLabels, type EntityApi, type FieldDef } from '../../components/entity-page.js';
import { BuildingHeadsButton, HeadsText } from './building-heads.js';
import { GridSelect } from './pickers.js';
import { fetchBuildings, fetchCompound, fetchCompounds, fetchHousehold, fetchHouseholds, fetchUnits, placesKeys, placeWriters } from './api.js';

type Building = z.infer<typeof buildingSchema>;
type Unit = z.infer<typeof unitSchema>;
type Household = z.infer<typeof householdSchema>;

/** A small create dialog: fields in, POST, refresh the list. */
function CreateButton({
  title,
  create: send,
  extra,
  fields,
  testId,
}: {
  title: string;
  create(body: Record<string, unknown>): Promise<unknown>;
  extra: Record<string, unknown>;
  testId: string;
  fields: Array<{ name: string; label: string; number?: boolean }>;
}) {
  const { t } = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const create = useMutation({
    mutationFn: (v: Record<string, unknown>) => send({ ...extra, ...v }),
    onSuccess: () => {
      message.success(t('common.saved'));
      setOpen(false);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: placesKeys.all });
    },
    onError: (err) => {
      const rest = applyApiError(form, err, fieldLabels(fields));
      if (rest) message.error(rest);
    },
  });
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid={testId}>
        {title}
      </Button>
      <Modal
        open={open}
        title={title}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
      >
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)} onValuesChange={clearErrorsOnChange(form)}>
          {fields.map((f) => (
            <Form.Item key={f.name} name={f.name} label={f.label}>
              {f.number ? <InputNumber min={1} style={{ width: '100%' }} /> : <Input />}
            </Form.Item>
          ))}
        </Form>
      </Modal>
    </>
  );
}

/** An "edit" link opening the generic form for one row. */
function EditLink({
  api,
  row,
  fields,
  testId,
}: {
  api: Pick<EntityApi<unknown>, 'create' | 'update'>;
  row: Record<string, unknown> & { id: number };
  fields: FieldDef[];
  testId: string;
}) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="link" size="small" onClick={() => setOpen(true)} data-testid={`${testId}-edit-${row.id}`}>
        {t('common.edit')}
      </Button>
      {open && (
        <EntityForm title={t('common.edit')} api={api} fields={fields} row={row} testId={testId} invalidate={[placesKeys.all]} onClose={() => setOpen(false)} />
      )}
    </>
  );
}

export function PlacesPage() {
  const { level, id } = useParams();
  const numericId = Number(id);
  if (level === 'compound') return <CompoundView id={numericId} />;
  if (level === 'building') return <BuildingView id={numericId} />;
  if (level === 'household') return <HouseholdView id={numericId} />;
  return <CompoundList />;
}

function CompoundList() {
  const { t } = useT();
  const { communityId, community, me } = useSession();
  const q = useQuery({ queryKey: placesKeys.compounds(communityId), queryFn: () => fetchCompounds(communityId) });
  return (
    <Card
      title={<Breadcrumb items={[{ title: community?.name }, { title: t('places.compounds') }]} />}
      extra={
        roleCan(me.role, 'places.write') && (
          <CreateButton
            title={t('places.newCompound')}
            create={placeWriters.compound.create}
            extra={{ communityId }}
            testId="new-compound"
            fields={[
              { name: 'name', label: t('places.compoundName') },
              { name: 'address', label: t('common.address') },
            ]}
          />
        )
      }
    >
      <Table<Compound>
        data-testid="compounds-table"
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items}
        pagination={false}
        columns={[
          { title: t('common.name'), dataIndex: 'name', render: (v, r) => <Link to={`/places/compound/${r.id}`}>{v}</Link> },
          { title: t('common.address'), dataIndex: 'address' },
          { title: t('places.grid'), dataIndex: 'gridName' },
          { title: t('places.buildingCount'), dataIndex: 'buildingCount', align: 'right' },
          { title: t('places.householdCount'), dataIndex: 'householdCount', align: 'right' },
          ...(roleCan(me.role, 'places.write')
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 1,
                  render: (_: unknown, r: Compound) => (
                    <EditLink
                      api={placeWriters.compound}
                      row={r}
                      testId="compounds"
                      fields={[
                        { name: 'name', label: t('places.compoundName') },
                        { name: 'address', label: t('common.address') },
                        { name: 'gridId', label: t('places.grid'), control: () => <GridSelect /> },
                      ]}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

function CompoundView({ id }: { id: number }) {
  const { t } = useT();
  const { me } = useSession();
  const compound = useQuery({ queryKey: placesKeys.compound(id), queryFn: () => fetchCompound(id) });
  const buildings = useQuery({ queryKey: placesKeys.buildings(id), queryFn: () => fetchBuildings(id) });
  return (
    <Card
      title={<Breadcrumb items={[{ title: <Link to="/places">{t('places.compounds')}</Link> }, { title: compound.data?.name }]} />}
      extra={
        roleCan(me.role, 'places.write') && (
          <CreateButton
            title={t('places.newBuilding')}
            create={placeWriters.building.create}
            extra={{ compoundId: id }}
            testId="new-building"
            fields={[
              { name: 'name', label: t('places.buildingName') },
              { name: 'floors', label: t('places.floors'), number: true },
            ]}
          />
        )
      }
    >
      <Table<Building>
        data-testid="buildings-table"
        rowKey="id"
        loading={buildings.isLoading}
        dataSource={buildings.data?.items}
        pagination={false}
        columns={[
          { title: t('places.buildings'), dataIndex: 'name', render: (v, r) => <Link to={`/places/building/${r.id}?compound=${id}`}>{v}</Link> },
          { title: t('places.floors'), dataIndex: 'floors', align: 'right' },
          { title: t('places.unitCount'), dataIndex: 'unitCount', align: 'right' },
          { title: t('places.householdCount'), dataIndex: 'householdCount', align: 'right' },
          { title: t('places.heads'), key: 'heads', render: (_: unknown, r: Building) => <HeadsText building={r} /> },
          ...(roleCan(me.role, 'places.write')
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 1,
                  render: (_: unknown, r: Building) => (
                    <Space size={0}>
                      <EditLink
                        api={placeWriters.building}
                        row={r}
                        testId="buildings"
                        fields={[
                          { name: 'name', label: t('places.buildingName') },
                          { name: 'floors', label: t('places.floors'), kind: 'number' },
                        ]}
                      />
                      <BuildingHeadsButton building={r} />
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

function UnitHouseholds({ unit }: { unit: Unit }) {
  const { t } = useT();
  const q = useQuery({ queryKey: placesKeys.households(unit.id), queryFn: () => fetchHouseholds(unit.id) });
  return (
    <Table<Household>
      size="small"
      rowKey="id"
      loading={q.isLoading}
      dataSource={q.data?.items}
      pagination={false}
      columns={[
        {
          title: t('places.room'),
          dataIndex: 'roomNo',
          render: (v, r) => (
            <Link to={`/places/household/${r.id}`} data-testid={`household-${r.roomNo}`}>
              {v}
            </Link>
          ),
        },
        { title: t('places.residentCount'), dataIndex: 'residentCount', align: 'right' },
      ]}
    />
  );
}

function BuildingView({ id }: { id: number }) {
  const { t } = useT();
  const { me } = useSession();
  const units = useQuery({ queryKey: placesKeys.units(id), queryFn: () => fetchUnits(id) });
  // The compound the building was opened from (?compound=): the breadcrumb leads back to it, with the building's name.
  const compoundId = Number(useSearchParams()[0].get('compound')) || 0;
  const compound = useQuery({ queryKey: placesKeys.compound(compoundId), enabled: compoundId > 0, queryFn: () => fetchCompound(compoundId) });
  const buildings = useQuery({ queryKey: placesKeys.buildings(compoundId), enabled: compoundId > 0, queryFn: () => fetchBuildings(compoundId) });
  const building = buildings.data?.items.find((b) => b.id === id);
  return (
    <Card
      title={
        <Breadcrumb
          data-testid="building-breadcrumb"
          items={[
            { title: <Link to="/places">{t('places.compounds')}</Link> },
            ...(compound.data ? [{ title: <Link to={`/places/compound/${compoundId}`}>{compound.data.name}</Link> }] : []),
            { title: building?.name ?? t('places.units') },
          ]}
        />
      }
      extra={
        roleCan(me.role, 'places.write') && (
          <CreateButton
            title={t('places.newUnit')}
            create={placeWriters.unit.create}
            extra={{ buildingId: id }}
            testId="new-unit"
            fields={[{ name: 'name', label: t('places.unitName') }]}
          />
        )
      }
    >
      {units.data?.items.map((u) => (
        <Card
          key={u.id}
          type="inner"
          size="small"
          title={u.name}
          style={{ marginBottom: 12 }}
          extra={
            roleCan(me.role, 'places.write') && (
              <CreateButton
                title={t('places.newHousehold')}
                create={placeWriters.household.create}
                extra={{ unitId: u.id }}
                testId={`new-household-${u.id}`}
                fields={[{ name: 'roomNo', label: t('places.room') }]}
              />
            )
          }
        >
          <UnitHouseholds unit={u} />
        </Card>
      ))}
    </Card>
  );
}

function HouseholdView({ id }: { id: number }) {
  const { t } = useT();
  const h = useQuery({ queryKey: placesKeys.household(id), queryFn: () => fetchHousehold(id) });
  return (
    <Card title={<Breadcrumb items={[{ title: <Link to="/places">{t('places.compounds')}</Link> }, { title: h.data?.label }]} />}>
      <ResidentsTable householdId={id} />
    </Card>
  );
}
