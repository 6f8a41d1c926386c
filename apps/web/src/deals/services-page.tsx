import { useState } from 'react';
import { App, Button, Card, Checkbox, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { serviceKinds } from '@lvping/domain/deals/deal-api.schema.ts';
import '../i18n/deals.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session/session.tsx';
import { ApiErrorAlert, useErrorText } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';
import { servicesApi, type ServiceRequest } from './deals.api.ts';

/** /services — IP service requests: ask (technology owners), answer (providers), approve providers (the catalog organizer). */
export default function ServicesPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { user } = useSession();
  const me = user?.id;
  const organizer = !!user?.grants.some((g) => g.role === 'catalog_organizer' || g.role === 'platform_admin');
  const [load, reload] = useLoad(() => servicesApi.list(), []);
  const [form] = Form.useForm();
  const run = async (p: Promise<unknown>) => {
    try {
      await p;
      reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const ask = async () => {
    const v = await form.validateFields();
    await run(servicesApi.create(v));
    form.resetFields();
  };
  const routeOf = (r: ServiceRequest) => r.routes.find((x) => x.userId === me);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="services-page">
      <Card className="lv-block" title={t('sv.title')}>
        <Typography.Paragraph type="secondary">{t('sv.intro')}</Typography.Paragraph>
        {load.state === 'error' && <ApiErrorAlert error={load.error} onRetry={reload} />}
        <List<ServiceRequest> data-testid="services-list" loading={load.state === 'loading'} locale={{ emptyText: t('sv.none') }} dataSource={load.state === 'ok' ? load.data.items : []}
          renderItem={(r) => {
            const mine = routeOf(r);
            return (
              <List.Item data-testid={`service-${r.id}`} actions={[
                mine?.answer === 'pending' && r.status === 'open' && <Button key="a" size="small" type="primary" data-testid="service-accept" onClick={() => void run(servicesApi.answer(r.id, 'accept'))}>{t('sv.accept')}</Button>,
                mine?.answer === 'pending' && r.status === 'open' && <Button key="d" size="small" data-testid="service-decline" onClick={() => void run(servicesApi.answer(r.id, 'decline'))}>{t('sv.decline')}</Button>,
                r.provider?.userId === me && r.status === 'accepted' && <Button key="c" size="small" data-testid="service-complete" onClick={() => void run(servicesApi.answer(r.id, 'complete'))}>{t('sv.complete')}</Button>,
              ].filter(Boolean)}>
                <List.Item.Meta title={<Space>{t(`sv.kind.${r.kind}`)}<Tag data-testid="service-status">{t(`sv.status.${r.status}`)}</Tag></Space>}
                  description={<>{r.description}{r.routes.length > 0 && <div>{t('sv.routedTo', { names: r.routes.map((x) => x.orgName).join('、') })}</div>}</>} />
              </List.Item>
            );
          }} />
      </Card>
      <Card className="lv-block" title={t('sv.new')}>
        <Form form={form} layout="inline" initialValues={{ kind: 'patent_search' }}>
          <Form.Item name="kind" rules={[{ required: true }]}><Select style={{ width: 180 }} options={serviceKinds.map((k) => ({ value: k, label: t(`sv.kind.${k}`) }))} data-testid="service-f-kind" /></Form.Item>
          <Form.Item name="regionCode" rules={[{ required: true, pattern: /^\d{6}$/ }]}><Input placeholder={t('sv.f.region')} style={{ width: 200 }} data-testid="service-f-region" /></Form.Item>
          <Form.Item name="description" rules={[{ required: true, min: 4 }]}><Input placeholder={t('sv.f.description')} style={{ width: 320 }} data-testid="service-f-description" /></Form.Item>
          <Button type="primary" onClick={() => void ask()} data-testid="service-submit">{t('sv.new')}</Button>
        </Form>
      </Card>
      <ProviderCard />
      {organizer && <ProviderReview />}
    </Space>
  );
}

function ProviderCard() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [load, reload] = useLoad(() => servicesApi.myProvider(), []);
  const [form] = Form.useForm();
  const [open, setOpen] = useState(false);
  if (load.state !== 'ok') return null;
  const p = load.data.profile;
  const apply = async () => {
    const v = await form.validateFields();
    try {
      await servicesApi.apply({
        orgName: v.orgName, services: v.services, regions: String(v.regions ?? '').split(/[,，\s]+/).filter(Boolean),
        contact: { name: v.contactName, phone: v.contactPhone, email: v.contactEmail }, description: '',
      });
      message.success(t('sv.applied'));
      setOpen(false);
      reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  if (p && p.status !== 'rejected') return <Card className="lv-block" size="small"><span data-testid="provider-status">{t('sv.myProvider', { status: t(`sv.pstatus.${p.status as 'pending'}`) })}</span></Card>;
  return (
    <Card className="lv-block" title={t('sv.apply')} extra={!open && <Button onClick={() => setOpen(true)} data-testid="provider-apply">{t('sv.apply')}</Button>}>
      {open && (
        <Form form={form} layout="vertical">
          <Form.Item name="orgName" label={t('sv.f.orgName')} rules={[{ required: true, min: 2 }]}><Input /></Form.Item>
          <Form.Item name="services" label={t('sv.f.services')} rules={[{ required: true }]}><Checkbox.Group options={serviceKinds.map((k) => ({ value: k, label: t(`sv.kind.${k}`) }))} /></Form.Item>
          <Form.Item name="regions" label={t('sv.f.regions')}><Input /></Form.Item>
          <Space wrap>
            <Form.Item name="contactName" label={t('sv.f.contactName')} rules={[{ required: true }]}><Input /></Form.Item>
            <Form.Item name="contactPhone" label={t('sv.f.contactPhone')} rules={[{ required: true, min: 5 }]}><Input /></Form.Item>
            <Form.Item name="contactEmail" label={t('sv.f.contactEmail')} rules={[{ required: true, type: 'email' }]}><Input /></Form.Item>
          </Space>
          <Button type="primary" onClick={() => void apply()}>{t('sv.apply')}</Button>
        </Form>
      )}
    </Card>
  );
}

function ProviderReview() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [load, reload] = useLoad(() => servicesApi.providers(), []);
  const review = async (id: string, approve: boolean) => {
    try {
      await servicesApi.review(id, approve);
      reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Card className="lv-block" title={t('sv.providers')}>
      <List data-testid="provider-applications" dataSource={load.state === 'ok' ? load.data.items : []} renderItem={(p) => (
        <List.Item actions={p.status === 'pending' ? [
          <Button key="a" size="small" type="primary" onClick={() => void review(p.id, true)}>{t('sv.approve')}</Button>,
          <Button key="r" size="small" onClick={() => void review(p.id, false)}>{t('sv.reject')}</Button>,
        ] : []}>
          <Space wrap>{p.orgName}{p.services.map((s) => <Tag key={s}>{t(`sv.kind.${s as 'valuation'}`)}</Tag>)}<Tag>{t(`sv.pstatus.${p.status as 'pending'}`)}</Tag></Space>
        </List.Item>
      )} />
    </Card>
  );
}
