import { useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Form, Input, Select, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { consequenceNames, objectionStatusNames, rulingNames } from '@lvping/domain/publicity/objection.schema.ts';
import type { ProgramDetail } from '../api/programs.api.ts';
import { publicityApi, type EvidenceFile, type ObjectionDetail, type RuleInput } from '../api/publicity.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorAlert, useErrorText } from '../shell/api-error.tsx';
import { DownloadButton } from '../shell/download-button.tsx';
import { formatDateTime } from '../shell/shanghai.ts';
import { useLoad } from '../shell/use-load.ts';

type Action = 'note' | 'request' | 'rule';

/** An objection in full for the secretariat: objector, reasons, evidence, the timeline; note, ask the applicant, rule. */
export function ObjectionDrawer({ program, objectionId, trackId, onClose, onChanged }: { program: ProgramDetail; objectionId: string; trackId?: string; onClose: () => void; onChanged: () => void }) {
  const { t, pick } = useI18n();
  const text = useErrorText();
  const [load, reload, replace] = useLoad(() => publicityApi.objection(program.id, objectionId), [program.id, objectionId]);
  const [action, setAction] = useState<Action | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ body: string; ruling: RuleInput['ruling']; consequence: RuleInput['consequence']; newTierId?: string }>();

  const fileLink = (f: EvidenceFile) => (
    <DownloadButton key={f.id} size="small" type="link" href={publicityApi.objectionFile(program.id, objectionId, f.id)} filename={f.name} data-testid="objection-file">{f.name}</DownloadButton>
  );

  const submit = async (o: ObjectionDetail) => {
    setError(null);
    const v = await form.validateFields();
    setBusy(true);
    try {
      const next = action === 'note' ? await publicityApi.note(program.id, o.id, v.body)
        : action === 'request' ? await publicityApi.requestResponse(program.id, o.id, v.body)
        : await publicityApi.rule(program.id, o.id, { ruling: v.ruling, consequence: v.consequence, reason: v.body, ...(v.newTierId ? { newTierId: v.newTierId } : {}) });
      replace(next);
      setAction(null);
      form.resetFields();
      onChanged();
    } catch (e) {
      setError(text(e));
    } finally {
      setBusy(false);
    }
  };

  const body = () => {
    if (load.state === 'loading') return <Skeleton active />;
    if (load.state === 'error') return <ApiErrorAlert error={load.error} onRetry={reload} />;
    const o = load.data;
    // The tiers of the objected application's track: tracks often share tier ids (一等奖… in each).
    const tiers = program.definition.tracks.find((tr) => tr.id === trackId)?.awardTiers ?? [];
    const ruled = o.status === 'ruled';
    return (
      <Space direction="vertical" style={{ width: '100%' }} data-testid="objection-drawer">
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('pubt.col.receipt')}>{o.receiptNo}</Descriptions.Item>
          <Descriptions.Item label={t('pubt.col.status')}><Tag data-testid="drawer-status" data-status={o.status}>{pick(objectionStatusNames[o.status])}</Tag></Descriptions.Item>
          <Descriptions.Item label={t('pubt.objector')}>{o.name}（{o.organization}）</Descriptions.Item>
          <Descriptions.Item label={t('pubt.contact')}>{o.phone} · {o.email}</Descriptions.Item>
          <Descriptions.Item label={t('pubt.col.project')}>{o.applicationNumber} {o.applicationTitle}</Descriptions.Item>
          <Descriptions.Item label={t('pubt.reasons')}><Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{o.reasons}</Typography.Text></Descriptions.Item>
          <Descriptions.Item label={t('pubt.evidence')}>{o.files.length ? <Space wrap>{o.files.map(fileLink)}</Space> : t('pubt.none')}</Descriptions.Item>
          {o.ruling && <Descriptions.Item label={t('pubt.ruling')}><span data-testid="drawer-ruling">{pick(rulingNames[o.ruling])} · {o.consequence ? pick(consequenceNames[o.consequence]) : ''}</span></Descriptions.Item>}
        </Descriptions>
        <Typography.Title level={5}>{t('pubt.timeline')}</Typography.Title>
        <Timeline items={o.events.map((e) => ({
          key: e.id,
          children: <div data-testid={`event-${e.kind}`}><Typography.Text strong>{t(`pubt.event.${e.kind}`)}</Typography.Text> <Typography.Text type="secondary">{formatDateTime(e.at)} {e.by ?? ''}</Typography.Text><div style={{ whiteSpace: 'pre-wrap' }}>{e.body}</div>{e.files.length > 0 && <Space wrap>{e.files.map(fileLink)}</Space>}</div>,
        }))} />
        {!ruled && (
          <Space wrap>
            <Button onClick={() => setAction('note')} data-testid="action-note">{t('pubt.addNote')}</Button>
            <Button onClick={() => setAction('request')} data-testid="action-request">{t('pubt.requestResponse')}</Button>
            <Button type="primary" onClick={() => { setAction('rule'); form.setFieldsValue({ ruling: 'rejected', consequence: 'no_change' }); }} data-testid="action-rule">{t('pubt.rule')}</Button>
          </Space>
        )}
        {action && (
          <Form form={form} layout="vertical" data-testid={`form-${action}`}>
            {action === 'rule' && (
              <>
                <Form.Item name="ruling" label={t('pubt.ruling')} rules={[{ required: true }]}>
                  <Select data-testid="rule-ruling" options={(['upheld', 'rejected'] as const).map((r) => ({ value: r, label: pick(rulingNames[r]) }))}
                    onChange={(r) => form.setFieldsValue({ consequence: r === 'rejected' ? 'no_change' : 'removed' })} />
                </Form.Item>
                <Form.Item name="consequence" label={t('pubt.consequence')} rules={[{ required: true }]}>
                  <Select data-testid="rule-consequence" options={(['removed', 'tier_changed', 'no_change'] as const).map((c) => ({ value: c, label: pick(consequenceNames[c]) }))} />
                </Form.Item>
                <Form.Item noStyle shouldUpdate>
                  {() => form.getFieldValue('consequence') === 'tier_changed' && (
                    <Form.Item name="newTierId" label={t('pubt.newTier')} rules={[{ required: true }]}>
                      <Select data-testid="rule-tier" options={tiers.map((x) => ({ value: x.id, label: x.name }))} />
                    </Form.Item>
                  )}
                </Form.Item>
              </>
            )}
            <Form.Item name="body" label={action === 'rule' ? t('pubt.reason') : action === 'note' ? t('pubt.addNote') : t('pubt.requestResponse')} rules={[{ required: true, min: 2, max: 5000 }]}>
              <Input.TextArea rows={4} data-testid="action-body" />
            </Form.Item>
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="action-error" />}
            <Space>
              <Button type="primary" loading={busy} onClick={() => void submit(o)} data-testid="action-submit">{t('pubt.submit')}</Button>
              <Button onClick={() => setAction(null)}>{t('pubt.cancel')}</Button>
            </Space>
          </Form>
        )}
      </Space>
    );
  };

  return <Drawer open width={640} title={t('pubt.detail')} onClose={onClose} destroyOnHidden>{body()}</Drawer>;
}
