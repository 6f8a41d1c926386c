import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { App, Button, Card, Checkbox, Descriptions, Input, List, Modal, Space, Table, Tag, Typography } from 'antd';
import '../i18n/meetings.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorPage, useErrorText } from '../shell/api-error.tsx';
import { DownloadButton } from '../shell/download-button.tsx';
import { useLoad } from '../shell/use-load.ts';
import { meetingsApi, type MeetingEventDetail, type MeetingParticipant, type MeetingRequest } from './meetings.api.ts';
import { InviteCard } from './invite-card.tsx';

/** /meetings/:eventId — one 对接会: participants, requests, availability, the schedule. */
export default function MeetingEventPage() {
  const { eventId = '' } = useParams();
  const { t } = useI18n();
  const [load, reload] = useLoad(() => meetingsApi.get(eventId), [eventId]);
  if (load.state === 'error') return <ApiErrorPage error={load.error} onRetry={reload} />;
  if (load.state === 'loading') return <Card loading />;
  const d = load.data;
  const e = d.event;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="meeting-event">
      <Card className="lv-block" title={e.name} extra={<Tag data-testid="meeting-status">{t(`mg.status.${e.status}`)}</Tag>}>
        <Typography.Paragraph>{t('mg.when', { date: e.date, start: e.startTime, end: e.endTime, place: e.place })}</Typography.Paragraph>
        {e.description && <Typography.Paragraph type="secondary">{e.description}</Typography.Paragraph>}
      </Card>
      {d.canManage && <InviteCard eventId={eventId} onInvited={reload} />}
      {d.me && <MySchedule detail={d} />}
      <Participants detail={d} onChange={reload} />
      {d.me && <Availability detail={d} onSaved={reload} />}
      <Requests detail={d} onChange={reload} />
    </Space>
  );
}

const slotLabel = (d: MeetingEventDetail, slot: number | null) => (slot === null ? '' : d.slots[slot]?.label ?? '');

function MySchedule({ detail: d }: { detail: MeetingEventDetail }) {
  const { t } = useI18n();
  const me = d.me!.userId;
  const mine = d.requests.filter((r) => r.status === 'accepted' && r.slot !== null).sort((a, b) => a.slot! - b.slot!);
  const other = (r: MeetingRequest) => (r.fromUserId === me ? r.toName : r.fromName);
  return (
    <Card className="lv-block" title={t('mg.mySchedule')} extra={mine.length > 0 && (
      <DownloadButton href={meetingsApi.icsPath(d.event.id)} filename={`${d.event.name}.ics`} data-testid="meeting-ics">{t('mg.downloadIcs')}</DownloadButton>
    )}>
      <List data-testid="meeting-my-schedule" locale={{ emptyText: t('mg.noSchedule') }} dataSource={mine}
        renderItem={(r) => <List.Item data-testid={`meeting-my-${r.id}`}>{slotLabel(d, r.slot)} · {t('mg.tableNo', { n: r.table! })} · {t('mg.with', { name: other(r) })}</List.Item>} />
    </Card>
  );
}

function Participants({ detail: d, onChange }: { detail: MeetingEventDetail; onChange: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [asking, setAsking] = useState<MeetingParticipant | null>(null);
  const [note, setNote] = useState('');
  const send = async () => {
    try {
      await meetingsApi.request(d.event.id, { toUserId: asking!.userId, note });
      message.success(t('mg.sent'));
      setAsking(null);
      setNote('');
      onChange();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const asked = new Set(d.requests.filter((r) => r.status === 'pending' || r.status === 'accepted').flatMap((r) => [r.fromUserId, r.toUserId]));
  return (
    <Card className="lv-block" title={t('mg.participants')}>
      <List data-testid="meeting-participants" dataSource={d.participants} renderItem={(p) => (
        <List.Item data-testid={`meeting-participant-${p.userId}`} actions={[
          d.me && p.userId !== d.me.userId && !asked.has(p.userId) && d.event.status !== 'closed' && (
            <Button key="ask" size="small" data-testid="meeting-ask" onClick={() => setAsking(p)}>{t('mg.requestMeeting')}</Button>
          ),
        ].filter(Boolean)}>
          <List.Item.Meta title={<Space>{p.orgName}<Typography.Text type="secondary">{p.name}</Typography.Text><Tag>{t(`mg.kind.${p.kind}`)}</Tag></Space>}
            description={p.technologyName ? t('mg.technology', { name: p.technologyName }) : undefined} />
        </List.Item>
      )} />
      <Modal open={!!asking} title={asking ? t('mg.requestTitle', { name: asking.orgName }) : ''} onCancel={() => setAsking(null)} onOk={() => void send()}
        okText={t('mg.send')} okButtonProps={{ disabled: !note.trim(), 'data-testid': 'meeting-ask-send' } as never} destroyOnHidden>
        <Input.TextArea rows={3} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('mg.notePlaceholder')} maxLength={500} data-testid="meeting-ask-note" />
      </Modal>
    </Card>
  );
}

function Availability({ detail: d, onSaved }: { detail: MeetingEventDetail; onSaved: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [away, setAway] = useState<number[]>(d.me!.unavailable);
  const save = async () => {
    try {
      await meetingsApi.availability(d.event.id, away);
      message.success(t('mg.availabilitySaved'));
      onSaved();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Card className="lv-block" title={t('mg.availability')} extra={<Button onClick={() => void save()} data-testid="meeting-availability-save">{t('mg.save')}</Button>}>
      <Checkbox.Group data-testid="meeting-availability" value={away} onChange={(v) => setAway(v as number[])}
        options={d.slots.map((s) => ({ label: s.label, value: s.index }))} />
    </Card>
  );
}

function Requests({ detail: d, onChange }: { detail: MeetingEventDetail; onChange: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [priorities, setPriorities] = useState<Record<string, number>>({});
  const act = async (p: Promise<unknown>, done?: string) => {
    try {
      await p;
      if (done) message.success(done);
      onChange();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const run = async () => {
    try {
      const r = await meetingsApi.schedule(d.event.id, priorities);
      message.success(t('mg.runDone', { scheduled: r.scheduled, unscheduled: r.unscheduled }));
      onChange();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const me = d.me?.userId;
  const report = d.report;
  return (
    <Card className="lv-block" title={d.canManage ? t('mg.requests') : t('mg.myRequests')}
      extra={d.canManage && <Button type="primary" onClick={() => void run()} data-testid="meeting-run-schedule">{t('mg.runSchedule')}</Button>}>
      {report && (
        <Descriptions size="small" column={1} data-testid="meeting-report" items={[{ key: 'r', label: t('mg.schedule'), children: t('mg.report', {
          scheduled: report.scheduled, unscheduled: report.unscheduled, proof: report.optimal ? t('mg.proofOptimal') : t('mg.proofBound', { bound: report.upperBound }),
        }) }]} />
      )}
      <Table<MeetingRequest> rowKey="id" size="small" pagination={false} dataSource={d.requests} data-testid="meeting-requests"
        onRow={(r) => ({ 'data-testid': `meeting-request-${r.id}` } as object)}
        columns={[
          { title: t('mg.from'), dataIndex: 'fromName' },
          { title: t('mg.to'), dataIndex: 'toName' },
          { title: t('mg.note'), dataIndex: 'note' },
          { title: '', key: 'status', render: (_, r) => <Tag data-testid="meeting-request-status">{t(`mg.reqStatus.${r.status}`)}</Tag> },
          { title: t('mg.slot'), key: 'slot', render: (_, r) => (r.slot !== null
            ? <span data-testid="meeting-request-slot">{slotLabel(d, r.slot)} · {t('mg.tableNo', { n: r.table! })}</span>
            : r.unscheduled && <Typography.Text type="warning">{t('mg.unscheduled')}：{t(`mg.reason.${r.unscheduled.kind}`)}</Typography.Text>) },
          ...(d.canManage ? [{ title: t('mg.priority'), key: 'p', render: (_: unknown, r: MeetingRequest) => r.status === 'accepted' && (
            <Input type="number" min={0} max={10} style={{ width: 64 }} defaultValue={r.priority} onChange={(e) => setPriorities((p) => ({ ...p, [r.id]: Math.max(0, Math.min(10, Number(e.target.value) || 0)) }))} />
          ) }] : []),
          { title: '', key: 'act', render: (_, r) => (
            <Space>
              {r.toUserId === me && r.status === 'pending' && <>
                <Button size="small" type="primary" data-testid="meeting-accept" onClick={() => void act(meetingsApi.respond(r.id, true))}>{t('mg.accept')}</Button>
                <Button size="small" data-testid="meeting-decline" onClick={() => void act(meetingsApi.respond(r.id, false))}>{t('mg.decline')}</Button>
              </>}
              {d.canManage && r.slot !== null && (r.held
                ? <Tag color="green">{t('mg.held')}</Tag>
                : <Button size="small" data-testid="meeting-held" onClick={() => void act(meetingsApi.held(r.id, true))}>{t('mg.markHeld')}</Button>)}
            </Space>
          ) },
        ]} />
    </Card>
  );
}
