import { useState } from 'react';
import { App, Button, Card, Table, Tag, Typography } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';
import { useErrorText } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';
import { meetingsApi, type MeetingCandidate } from './meetings.api.ts';

/** The organizer's invitation list: technology owners and approved profile holders not yet invited. */
export function InviteCard({ eventId, onInvited }: { eventId: string; onInvited: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [load, reload] = useLoad(() => meetingsApi.candidates(eventId), [eventId]);
  const [chosen, setChosen] = useState<string[]>([]);
  const invite = async () => {
    try {
      const r = await meetingsApi.invite(eventId, chosen);
      message.success(t('mg.invited', { n: r.invited.length }));
      setChosen([]);
      reload();
      onInvited();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Card className="lv-block" title={t('mg.invite')} extra={<Button type="primary" disabled={!chosen.length} onClick={() => void invite()} data-testid="meeting-invite">{t('mg.inviteChosen', { n: chosen.length })}</Button>}>
      <Typography.Paragraph type="secondary">{t('mg.inviteHint')}</Typography.Paragraph>
      <Table<MeetingCandidate> rowKey="userId" size="small" pagination={false} loading={load.state === 'loading'} data-testid="meeting-candidates"
        locale={{ emptyText: t('mg.noCandidates') }} dataSource={load.state === 'ok' ? load.data.items : []}
        rowSelection={{ selectedRowKeys: chosen, onChange: (keys) => setChosen(keys as string[]), getCheckboxProps: (c) => ({ 'data-testid': `meeting-candidate-${c.email}` } as object) }}
        columns={[
          { title: t('mg.participants'), key: 'who', render: (_, c) => <>{c.orgName} <Typography.Text type="secondary">{c.name} · {c.email}</Typography.Text></> },
          { title: '', key: 'kind', render: (_, c) => <Tag>{t(`mg.kind.${c.kind}`)}</Tag> },
          { title: '', dataIndex: 'technologyName' },
        ]} />
    </Card>
  );
}
