import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { App, Button, Card, Empty, Form, Input, InputNumber, List, Modal, Space, Tag, Typography } from 'antd';
import '../i18n/meetings.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorAlert, useErrorText } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';
import { meetingsApi } from './meetings.api.ts';

/** /meetings — the events one runs (the catalog organizer: all, and a new one) or is invited to. */
export default function MeetingsHomePage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [load, reload] = useLoad(() => meetingsApi.list(), []);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  const data = load.state === 'ok' ? load.data : null;
  const create = async () => {
    const v = await form.validateFields();
    try {
      const e = await meetingsApi.create({ ...v, description: v.description ?? '' });
      setCreating(false);
      reload();
      navigate(`/meetings/${e.id}`);
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="meetings-home">
      <Card className="lv-block" title={t('mg.title')} extra={<Space wrap>
        <Link to="/deals"><Button data-testid="deals-link">{t('mg.deals')}</Button></Link>
        <Link to="/services"><Button data-testid="services-link">{t('mg.services')}</Button></Link>
        {data?.canManage && <Link to="/deals/dashboard"><Button data-testid="dashboard-link">{t('mg.dashboard')}</Button></Link>}
        {data?.canManage && <Button type="primary" data-testid="meeting-create" onClick={() => setCreating(true)}>{t('mg.create')}</Button>}
      </Space>}>
        <Typography.Paragraph type="secondary">{t('mg.intro')}</Typography.Paragraph>
        {load.state === 'error' && <ApiErrorAlert error={load.error} title={t('mg.loadFailed')} onRetry={reload} />}
        <List data-testid="meeting-events" loading={load.state === 'loading'} locale={{ emptyText: <Empty description={t('mg.none')} /> }} dataSource={data?.items ?? []}
          renderItem={(e) => (
            <List.Item data-testid={`meeting-event-${e.id}`} actions={[<Tag key="s">{t(`mg.status.${e.status}`)}</Tag>]}>
              <List.Item.Meta title={<Link to={`/meetings/${e.id}`} data-testid="meeting-event-link">{e.name}</Link>}
                description={<>{t('mg.when', { date: e.date, start: e.startTime, end: e.endTime, place: e.place })}<br />{t('mg.counts', { participants: e.participantCount, requests: e.requestCount, scheduled: e.scheduledCount })}</>} />
            </List.Item>
          )} />
      </Card>
      <Modal open={creating} title={t('mg.create')} onCancel={() => setCreating(false)} onOk={() => void create()} okButtonProps={{ 'data-testid': 'meeting-create-submit' } as never} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ startTime: '09:00', endTime: '12:00', slotMinutes: 30, tables: 10 }}>
          <Form.Item name="name" label={t('mg.f.name')} rules={[{ required: true, min: 2 }]}><Input data-testid="meeting-f-name" /></Form.Item>
          <Form.Item name="place" label={t('mg.f.place')} rules={[{ required: true, min: 2 }]}><Input data-testid="meeting-f-place" /></Form.Item>
          <Form.Item name="date" label={t('mg.f.date')} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}><Input placeholder="2026-12-18" data-testid="meeting-f-date" /></Form.Item>
          <Space>
            <Form.Item name="startTime" label={t('mg.f.startTime')} rules={[{ required: true, pattern: /^\d{2}:\d{2}$/ }]}><Input data-testid="meeting-f-start" /></Form.Item>
            <Form.Item name="endTime" label={t('mg.f.endTime')} rules={[{ required: true, pattern: /^\d{2}:\d{2}$/ }]}><Input data-testid="meeting-f-end" /></Form.Item>
          </Space>
          <Space>
            <Form.Item name="slotMinutes" label={t('mg.f.slotMinutes')} rules={[{ required: true }]}><InputNumber min={5} max={240} data-testid="meeting-f-slot" /></Form.Item>
            <Form.Item name="tables" label={t('mg.f.tables')} rules={[{ required: true }]}><InputNumber min={1} max={500} data-testid="meeting-f-tables" /></Form.Item>
          </Space>
          <Form.Item name="description" label={t('mg.f.description')}><Input.TextArea rows={2} /></Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
