import { useState } from 'react';
import { Button, DatePicker, Form, Input, Space, Table, Typography } from 'antd';
import { CalendarOutlined, EditOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { reviewScheduleAdminApi, reviewScheduleFiles, type RoundSchedule, type ScheduleItem } from '../api/review-schedule-admin.api.ts';
import { formatBytes } from '../form-renderer/answers.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { DownloadButton } from '../shell/download-button.tsx';
import { ScheduleItemModal } from './review-schedule-item-modal.tsx';

type Props = { programId: string; schedule: RoundSchedule; onSchedule: (s: RoundSchedule) => void };

/** The application as a table cell: its number, title and applicant. */
export function ApplicationCell({ item }: { item: Pick<ScheduleItem, 'number' | 'title' | 'orgName'> }) {
  return (
    <Space orientation="vertical" size={0}>
      <Typography.Text strong>{item.number}</Typography.Text>
      <Typography.Text>{item.title}</Typography.Text>
      <Typography.Text type="secondary">{item.orgName}</Typography.Text>
    </Space>
  );
}

/** 现场考察: every application of the round with its visit (date, team, address, the team's report), each scheduled in a dialog. */
export function VisitSchedule({ programId, schedule, onSchedule }: Props) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<ScheduleItem | null>(null);
  const done = schedule.items.filter((i) => i.visit).length;
  return (
    <div data-testid="sched-visits">
      <Typography.Paragraph type="secondary" data-testid="sched-visit-summary" data-done={done} data-total={schedule.items.length}>
        {t('sch.visit.summary', { done, total: schedule.items.length })}
      </Typography.Paragraph>
      <Table<ScheduleItem>
        rowKey="applicationId"
        size="small"
        pagination={false}
        dataSource={schedule.items}
        locale={{ emptyText: t('sch.noApps') }}
        scroll={{ x: 900 }}
        onRow={(r) => ({ 'data-testid': 'sched-visit-row', 'data-application': r.applicationId, 'data-number': r.number, 'data-date': r.visit?.date ?? '', 'data-report': r.visit?.report?.id ?? '' }) as object}
        columns={[
          { key: 'app', title: t('sch.application'), width: 260, render: (_, r) => <ApplicationCell item={r} /> },
          {
            key: 'date', title: t('sch.visit.date'), width: 120,
            render: (_, r) => (r.visit ? <span data-testid="sched-visit-date-text">{r.visit.date}</span> : <Typography.Text type="secondary">{t('sch.visit.unscheduled')}</Typography.Text>),
          },
          { key: 'team', title: t('sch.visit.team'), render: (_, r) => r.visit?.team ?? '—' },
          { key: 'address', title: t('sch.visit.address'), render: (_, r) => r.visit?.address ?? '—' },
          {
            key: 'report', title: t('sch.visit.report'), width: 200,
            render: (_, r) =>
              r.visit?.report ? (
                <DownloadButton type="link" size="small" href={reviewScheduleFiles.report(r.applicationId, r.visit.report.id)} filename={r.visit.report.name} data-testid="sched-visit-report">
                  {r.visit.report.name} <Typography.Text type="secondary">· {formatBytes(r.visit.report.size)}</Typography.Text>
                </DownloadButton>
              ) : (
                <Typography.Text type="secondary">{r.visit ? t('sch.visit.noReport') : '—'}</Typography.Text>
              ),
          },
          {
            key: 'actions', title: t('sch.actions'), width: 100, fixed: 'right',
            render: (_, r) => (
              <Button size="small" icon={r.visit ? <EditOutlined /> : <CalendarOutlined />} type={r.visit ? 'default' : 'primary'} onClick={() => setEditing(r)} data-testid="sched-visit-edit">
                {r.visit ? t('sch.visit.edit') : t('sch.visit.schedule')}
              </Button>
            ),
          },
        ]}
        data-testid="sched-visit-table"
      />
      {editing && (
        <VisitModal
          programId={programId}
          roundId={schedule.roundId}
          item={editing}
          onClose={() => setEditing(null)}
          onDone={(s) => {
            setEditing(null);
            onSchedule(s);
          }}
        />
      )}
    </div>
  );
}

const visitFields = ['date', 'team', 'address'] as const;

/** The visit's date, team and address; what the server refuses shows on its field. */
function VisitModal({ programId, roundId, item, onClose, onDone }: { programId: string; roundId: string; item: ScheduleItem; onClose: () => void; onDone: (s: RoundSchedule) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();

  const required = { required: true, whitespace: true, message: t('sch.required') };
  return (
    <ScheduleItemModal<{ date: Dayjs; team: string; address: string }>
      testId="sched-visit"
      form={form}
      fields={visitFields}
      title={t(item.visit ? 'sch.visit.titleEdit' : 'sch.visit.titleNew', { number: item.number })}
      item={item}
      initialValues={item.visit ? { date: dayjs(item.visit.date), team: item.visit.team, address: item.visit.address } : {}}
      save={(v) => reviewScheduleAdminApi.setVisit(programId, roundId, item.applicationId, { date: v.date.format('YYYY-MM-DD'), team: v.team.trim(), address: v.address.trim() })}
      savedText={t('sch.visit.saved')}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item name="date" label={t('sch.visit.date')} rules={[{ required: true, message: t('sch.required') }]}>
        <DatePicker format="YYYY-MM-DD" style={{ width: 200 }} data-testid="sched-visit-date" />
      </Form.Item>
      <Form.Item name="team" label={t('sch.visit.team')} extra={t('sch.visit.teamHint')} rules={[required]}>
        <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} data-testid="sched-visit-team" />
      </Form.Item>
      <Form.Item name="address" label={t('sch.visit.address')} rules={[required]}>
        <Input maxLength={500} data-testid="sched-visit-address" />
      </Form.Item>
    </ScheduleItemModal>
  );
}
