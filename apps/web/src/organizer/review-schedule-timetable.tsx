import { useMemo, useState } from 'react';
import { AutoComplete, Button, Card, DatePicker, Empty, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { CalendarOutlined, EditOutlined, TeamOutlined, WarningOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { reviewScheduleAdminApi, type RoundSchedule, type ScheduleItem } from '../api/review-schedule-admin.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ScheduleItemModal } from './review-schedule-item-modal.tsx';
import { PanelMembersModal } from './review-schedule-members.tsx';
import { overlapsOf, panelNames, slotDraft, slotTimeText, timetable, type PanelGroup, type SlotRow } from './review-schedule-model.ts';
import { PlaceText } from './review-schedule-place.tsx';
import { ApplicationCell } from './review-schedule-visits.tsx';

type Props = { programId: string; schedule: RoundSchedule; onSchedule: (s: RoundSchedule) => void; onReload: () => void };

/** 路演: the timetable by panel (time, place, application), each slot set in a dialog, and each panel's members. */
export function RoadshowTimetable({ programId, schedule, onSchedule, onReload }: Props) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<ScheduleItem | null>(null);
  const [membersOf, setMembersOf] = useState<PanelGroup | null>(null);
  const { panels, unscheduled } = useMemo(() => timetable(schedule), [schedule]);
  const done = schedule.items.length - unscheduled.length;

  return (
    <div data-testid="sched-timetable">
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary" data-testid="sched-slot-summary" data-done={done} data-total={schedule.items.length} data-panels={panels.length}>
          {t('sch.slot.summary', { done, total: schedule.items.length, panels: panels.length })}
        </Typography.Text>
        {schedule.timing && (
          <Tag color="blue" data-testid="sched-timing">
            {t('sch.slot.timing', { present: schedule.timing.presentMinutes, qa: schedule.timing.qaMinutes })}
          </Tag>
        )}
      </Space>
      {schedule.items.length === 0 && <Empty description={t('sch.noApps')} data-testid="sched-no-apps" />}
      {panels.map((p) => (
        <PanelCard key={p.panel} group={p} schedule={schedule} onEdit={setEditing} onMembers={() => setMembersOf(p)} />
      ))}
      {schedule.items.length > 0 && (
        <Card size="small" className="lv-block" title={t('sch.slot.unscheduled')} data-testid="sched-unscheduled" data-count={unscheduled.length}>
          {unscheduled.length === 0 ? (
            <Typography.Text type="secondary">{t('sch.slot.allScheduled')}</Typography.Text>
          ) : (
            <Table<ScheduleItem>
              rowKey="applicationId"
              size="small"
              pagination={false}
              showHeader={false}
              dataSource={unscheduled}
              onRow={(r) => ({ 'data-testid': 'sched-unscheduled-row', 'data-application': r.applicationId, 'data-number': r.number }) as object}
              columns={[
                { key: 'app', render: (_, r) => <ApplicationCell item={r} /> },
                {
                  key: 'actions', width: 100, align: 'right',
                  render: (_, r) => (
                    <Button size="small" type="primary" icon={<CalendarOutlined />} onClick={() => setEditing(r)} data-testid="sched-slot-edit">
                      {t('sch.slot.schedule')}
                    </Button>
                  ),
                },
              ]}
            />
          )}
        </Card>
      )}
      {editing && (
        <SlotModal
          programId={programId}
          schedule={schedule}
          item={editing}
          onClose={() => setEditing(null)}
          onDone={(s) => {
            setEditing(null);
            onSchedule(s);
          }}
        />
      )}
      {membersOf && (
        <PanelMembersModal
          programId={programId}
          schedule={schedule}
          panel={membersOf.panel}
          members={membersOf.members}
          onClose={() => setMembersOf(null)}
          onAdded={onReload}
        />
      )}
    </div>
  );
}

function PanelCard({ group, schedule, onEdit, onMembers }: { group: PanelGroup; schedule: RoundSchedule; onEdit: (i: ScheduleItem) => void; onMembers: () => void }) {
  const { t } = useI18n();
  const overlaps = useMemo(() => overlapsOf(group.rows, schedule.timing), [group.rows, schedule.timing]);
  return (
    <Card
      size="small"
      className="lv-block"
      data-testid="sched-panel-card"
      data-panel={group.panel}
      data-count={group.rows.length}
      title={
        <Space wrap>
          <span data-testid="sched-panel-name">{group.panel}</span>
          <Typography.Text type="secondary">{t('sch.slot.apps', { n: group.rows.length })}</Typography.Text>
        </Space>
      }
      extra={
        <Button size="small" icon={<TeamOutlined />} onClick={onMembers} data-testid="sched-members-open" data-panel={group.panel}>
          {t('sch.members.add')}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 8 }} data-testid="sched-panel-members" data-count={group.members.length}>
        <Typography.Text type="secondary">{t('sch.slot.members')}：</Typography.Text>
        {group.members.length ? (
          group.members.map((m) => (
            <Tag key={m.expertId} data-testid="sched-panel-member" data-expert={m.expertId}>
              {m.name}
            </Tag>
          ))
        ) : (
          <Typography.Text type="secondary">{t('sch.slot.noMembers')}</Typography.Text>
        )}
      </Space>
      <Table<SlotRow>
        rowKey="applicationId"
        size="small"
        pagination={false}
        dataSource={group.rows}
        onRow={(r) => ({ 'data-testid': 'sched-slot-row', 'data-application': r.applicationId, 'data-number': r.number, 'data-panel': r.slot.panel, 'data-starts': r.slot.startsAt, 'data-overlap': overlaps.has(r.applicationId) ? 'true' : 'false' }) as object}
        columns={[
          {
            key: 'time', title: t('sch.slot.time'), width: 220,
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <span data-testid="sched-slot-time">{slotTimeText(r.slot.startsAt, schedule.timing)}</span>
                {overlaps.has(r.applicationId) && (
                  <Tag color="warning" icon={<WarningOutlined />} data-testid="sched-slot-overlap">
                    {t('sch.slot.overlap', { number: overlaps.get(r.applicationId)! })}
                  </Tag>
                )}
              </Space>
            ),
          },
          { key: 'place', title: t('sch.slot.place'), width: 240, render: (_, r) => <PlaceText place={r.slot.place} testId="sched-slot-place" /> },
          { key: 'app', title: t('sch.application'), render: (_, r) => <ApplicationCell item={r} /> },
          {
            key: 'actions', title: t('sch.actions'), width: 90,
            render: (_, r) => (
              <Button size="small" icon={<EditOutlined />} onClick={() => onEdit(r)} data-testid="sched-slot-edit">
                {t('sch.slot.edit')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}

const slotFields = ['panel', 'startsAt', 'place'] as const;

/** One application's slot: the panel (an existing one offered as you type), the Beijing time, the room or link. */
function SlotModal({ programId, schedule, item, onClose, onDone }: { programId: string; schedule: RoundSchedule; item: ScheduleItem; onClose: () => void; onDone: (s: RoundSchedule) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const [initial] = useState(() => {
    const d = slotDraft(schedule, item);
    // The picker shows wall time, read as Beijing time whatever the browser's zone.
    return { panel: d.panel, place: d.place, startsAt: d.startsAt ? dayjs(d.startsAt) : undefined };
  });
  const panels = useMemo(() => panelNames(schedule), [schedule]);
  const typed = Form.useWatch('panel', form) as string | undefined;
  const options = panels.filter((p) => !typed || p.includes(typed.trim())).map((p) => ({ value: p, label: <span data-testid="sched-panel-option" data-panel={p}>{p}</span> }));

  const required = { required: true, whitespace: true, message: t('sch.required') };
  return (
    <ScheduleItemModal<{ panel: string; startsAt: Dayjs; place: string }>
      testId="sched-slot"
      form={form}
      fields={slotFields}
      title={t(item.slot ? 'sch.slot.titleEdit' : 'sch.slot.titleNew', { number: item.number })}
      item={item}
      initialValues={initial}
      save={(v) => reviewScheduleAdminApi.setSlot(programId, schedule.roundId, item.applicationId, { panel: v.panel.trim(), startsAt: v.startsAt.format('YYYY-MM-DD HH:mm'), place: v.place.trim() })}
      savedText={t('sch.slot.saved')}
      onClose={onClose}
      onDone={onDone}
      note={schedule.timing && (
        <Typography.Paragraph type="secondary">{t('sch.slot.timing', { present: schedule.timing.presentMinutes, qa: schedule.timing.qaMinutes })}</Typography.Paragraph>
      )}
    >
      <Form.Item name="panel" label={t('sch.slot.panel')} extra={t('sch.slot.panelHint')} rules={[required]}>
        <AutoComplete options={options} style={{ width: 280 }}>
          <Input maxLength={100} data-testid="sched-slot-panel" />
        </AutoComplete>
      </Form.Item>
      <Form.Item name="startsAt" label={t('sch.slot.startsAt')} rules={[{ required: true, message: t('sch.required') }]}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: 240 }} data-testid="sched-slot-starts" />
      </Form.Item>
      <Form.Item name="place" label={t('sch.slot.place')} extra={t('sch.slot.placeHint')} rules={[required]}>
        <Input maxLength={500} data-testid="sched-slot-place-input" />
      </Form.Item>
    </ScheduleItemModal>
  );
}
