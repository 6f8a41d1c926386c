import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Space, Table, Tag, Typography } from 'antd';
import { ClockCircleOutlined, SendOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { formatShanghai, shanghaiToEpoch } from '@lvping/domain/program/shanghai-time.ts';
import { isApiError } from '../api/client.ts';
import { reviewApi, type Reminder, type RoundProgress } from '../api/review.api.ts';
import { useI18n, type Localized } from '../i18n/i18n.tsx';
import { useErrorText } from '../shell/api-error.tsx';
import { formatDateTime } from '../shell/shanghai.ts';
import type { RoundInfo } from './review-rounds-model.ts';

type Props = { programId: string; round: RoundInfo; progress: RoundProgress; onChanged: () => void };

/** Today in Shanghai, as the picker's calendar day (the picker shows wall time, read as Beijing time). */
const shanghaiToday = () => dayjs(formatShanghai(Date.now(), false));

/** 提醒: mail every expert with sheets outstanding now, or at a Beijing time; the scheduled ones and what they sent. */
export function ReviewReminders({ programId, round, progress, onChanged }: Props) {
  const { t, pick } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'now' | 'at' | null>(null);
  const [sent, setSent] = useState<number | null>(null);
  const [at, setAt] = useState<Dayjs | null>(null);
  // The server's message on `at` (both languages), or 'required' when no time was picked.
  const [atError, setAtError] = useState<Localized | 'required' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const behind = progress.experts.filter((e) => e.submitted < e.assigned);

  const now = async () => {
    setBusy('now');
    setError(null);
    try {
      const r = await reviewApi.remind(programId, round.id, {});
      setSent(r.sent ?? 0);
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  const schedule = async () => {
    if (!at) {
      setAtError('required');
      return;
    }
    setBusy('at');
    setError(null);
    setAtError(null);
    try {
      const r = await reviewApi.remind(programId, round.id, { at: shanghaiToEpoch(at.format('YYYY-MM-DD HH:mm')) });
      void message.success(t('rd.scheduled', { time: formatDateTime(r.scheduled ?? 0) }));
      setAt(null);
      onChanged();
    } catch (e) {
      const field = isApiError(e) ? e.fields.find((f) => f.path === 'at') : undefined;
      if (field) setAtError(field.message);
      else setError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div data-testid="review-reminders">
      {error !== null && <Alert type="error" showIcon title={errorText(error)} className="lv-block" data-testid="review-remind-error" />}
      <Card size="small" title={t('rd.remindNowTitle')} className="lv-block">
        <Typography.Paragraph type="secondary" data-testid="review-remind-behind" data-count={behind.length}>
          {behind.length ? t('rd.remindBehind', { n: behind.length, names: behind.map((e) => e.name).join('、') }) : t('rd.remindNobody')}
        </Typography.Paragraph>
        <Button type="primary" icon={<SendOutlined />} loading={busy === 'now'} disabled={!behind.length} onClick={() => void now()} data-testid="review-remind-now">
          {t('rd.remindNow')}
        </Button>
        {sent !== null && (
          <Alert type="success" showIcon style={{ marginTop: 12 }} title={t('rd.remindSent', { n: sent })} data-testid="review-remind-result" data-sent={sent} />
        )}
      </Card>
      <Card size="small" title={t('rd.remindAtTitle')} className="lv-block">
        <Form layout="vertical">
          <Form.Item label={t('rd.remindAt')} extra={t('rd.remindAtHint')} validateStatus={atError ? 'error' : undefined} help={atError === 'required' ? t('rd.remindAtRequired') : atError ? <span data-testid="review-remind-at-error">{pick(atError)}</span> : undefined}>
            <Space wrap>
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                value={at}
                onChange={(v) => {
                  setAt(v);
                  setAtError(null);
                }}
                disabledDate={(d) => d.isBefore(shanghaiToday(), 'day')}
                style={{ width: 240 }}
                data-testid="review-remind-at"
              />
              <Button icon={<ClockCircleOutlined />} loading={busy === 'at'} onClick={() => void schedule()} data-testid="review-remind-schedule">
                {t('rd.remindSchedule')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
        <Table<Reminder>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={progress.reminders}
          locale={{ emptyText: t('rd.noReminders') }}
          columns={[
            { key: 'due', title: t('rd.remindDue'), render: (_, r) => formatDateTime(r.dueAt) },
            {
              key: 'state',
              title: t('rd.state'),
              render: (_, r) =>
                r.sentAt === null ? <Tag color="blue">{t('rd.reminderScheduled')}</Tag> : <Tag color="success">{t('rd.reminderSent', { time: formatDateTime(r.sentAt) })}</Tag>,
            },
            { key: 'count', title: t('rd.reminderCount'), render: (_, r) => (r.sentCount === null ? '—' : t('rd.experts.n', { n: r.sentCount })) },
          ]}
          onRow={(r) => ({ 'data-testid': 'review-reminder-row', 'data-status': r.sentAt === null ? 'scheduled' : 'sent', 'data-due': r.dueAt, 'data-count': r.sentCount ?? '' }) as object}
          data-testid="review-reminder-list"
        />
      </Card>
    </div>
  );
}
