import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Popconfirm, Space, Typography, type ButtonProps } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { EndorseRequestSchema } from '@lvping/domain/recommendation/recommendation.schema.ts';
import type { FileRef } from '../api/applications.api.ts';
import { isApiError } from '../api/client.ts';
import { recommenderApi, type CandidateDetail } from '../api/recommendation.api.ts';
import { clearChanged } from '../forms/clear-changed.ts';
import { useFormErrors } from '../forms/use-form-errors.ts';
import { parseForm, zodRule } from '../forms/zod-form.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { DeclineButton } from './decline-button.tsx';
import { endorsementMissing, requirementLabel } from './endorsement-requirements.tsx';
import { StampedUpload } from './stamped-upload.tsx';

const fieldNames = ['opinion', 'stampedFileId'] as const;

type Props = { detail: CandidateDetail; onDecided: (d: CandidateDetail) => void; onRefused: () => void };

/**
 * 推荐 or 不予推荐. Endorsing needs the opinion and the stamped page unless the program makes them
 * optional (the labels then say 选填); the server takes a place of
 * the quota in the same transaction and refuses with QUOTA_EXHAUSTED once none is left.
 */
export function DecisionPanel({ detail, onDecided, onRefused }: Props) {
  const { t, lang, pick } = useI18n();
  const [form] = Form.useForm();
  const errors = useFormErrors(form, fieldNames);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<unknown>(null);
  const { message } = App.useApp();
  const appId = detail.application.id;

  const endorse = async () => {
    errors.clear();
    setRefusal(null);
    const stamped = form.getFieldValue('stampedFileId') as FileRef | null | undefined;
    const values = { opinion: form.getFieldValue('opinion') as string | undefined, stampedFileId: stamped?.id };
    const parsed = parseForm(EndorseRequestSchema, values);
    if ('fields' in parsed) return errors.showFields(parsed.fields);
    // What the program requires is refused on its field before sending (the server refuses it too).
    const missing = endorsementMissing(detail.requires, parsed.data, t);
    if (missing.length) return errors.showFields(missing);
    setBusy(true);
    try {
      onDecided(await recommenderApi.endorse(appId, parsed.data));
      message.success(t('rec.endorsedDone', { number: detail.application.number }));
    } catch (e) {
      if (isApiError(e) && e.code === 'QUOTA_EXHAUSTED') {
        setRefusal(e);
        onRefused();
      } else errors.show(e);
    } finally {
      setBusy(false);
    }
  };

  const exhausted = detail.quota.limit !== null && detail.quota.left === 0;
  return (
    <Card title={t('rec.decideTitle')} className="lv-block" data-testid="decision-panel">
      {refusal !== null && isApiError(refusal) && (
        <Alert
          type="error"
          showIcon
          className="lv-decision-alert"
          data-testid="quota-exhausted"
          data-code={refusal.code}
          title={t('rec.quotaExhausted')}
          description={pick(refusal.localized)}
        />
      )}
      {errors.formError && <Alert type="error" showIcon className="lv-decision-alert" title={errors.formError} data-testid="decision-error" data-code={errors.formErrorCode ?? undefined} />}
      <Form form={form} layout="vertical" initialValues={{ stampedFileId: detail.nomination.stampedFile }} onValuesChange={(changed) => {
          errors.clear();
          clearChanged(form, changed);
        }}>
        <Form.Item name="opinion" label={requirementLabel(t('rec.opinion'), detail.requires.opinion, t)} required={detail.requires.opinion} rules={[zodRule(EndorseRequestSchema.shape.opinion, lang)]} validateTrigger="onBlur">
          <Input.TextArea autoSize={{ minRows: 4 }} maxLength={2000} showCount placeholder={t('rec.opinionPlaceholder')} data-testid="endorse-opinion" />
        </Form.Item>
        <Form.Item name="stampedFileId" label={requirementLabel(t('rec.stamped'), detail.requires.stampedPage, t)} required={detail.requires.stampedPage} extra={t('rec.stampedHint')}>
          {/* The form holds the uploaded file's reference; the request sends its id. */}
          <StampedUpload applicationId={appId} />
        </Form.Item>
      </Form>
      <Space wrap>
        <Popconfirm
          title={t('rec.endorseConfirm', { track: detail.quota.trackName })}
          onConfirm={() => void endorse()}
          okText={t('rec.endorse')}
          cancelText={t('apply.cancel')}
          okButtonProps={{ 'data-testid': 'endorse-confirm' } as ButtonProps}
          // Kept inside a phone's window: the question is long and the button sits at the left edge.
          placement="topLeft"
          styles={{ root: { maxWidth: 'min(320px, calc(100vw - 64px))' } }}
          cancelButtonProps={{ 'data-testid': 'endorse-cancel' } as ButtonProps}
        >
          <Button type="primary" icon={<CheckOutlined />} loading={busy} data-testid="endorse">
            {t('rec.endorse')}
          </Button>
        </Popconfirm>
        <DeclineButton applicationId={appId} onDone={onDecided} icon={<CloseOutlined />} />
        {exhausted && <Typography.Text type="danger">{t('rec.exhausted')}</Typography.Text>}
      </Space>
    </Card>
  );
}
