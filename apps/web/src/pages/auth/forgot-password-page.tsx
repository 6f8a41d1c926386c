import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Form, Input, Result } from 'antd';
import { MailOutlined } from '@ant-design/icons';
import { PasswordResetRequestSchema } from '@lvping/domain/auth/auth.schema.ts';
import { authApi } from '../../api/auth.api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { parseForm, zodRule } from '../../forms/zod-form.ts';
import { useFormErrors } from '../../forms/use-form-errors.ts';
import { AuthCard, FormAlert } from './auth-card.tsx';

const fieldNames = ['email'] as const;

export default function ForgotPasswordPage() {
  const { t, lang } = useI18n();
  const [form] = Form.useForm();
  const errors = useFormErrors(form, fieldNames);
  const [submitting, setSubmitting] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);

  const onFinish = async (values: Record<string, unknown>) => {
    errors.clear();
    const parsed = parseForm(PasswordResetRequestSchema, values);
    if ('fields' in parsed) return errors.showFields(parsed.fields);
    setSubmitting(true);
    try {
      await authApi.requestPasswordReset(parsed.data);
      setSentTo(parsed.data.email);
    } catch (e) {
      errors.show(e);
    } finally {
      setSubmitting(false);
    }
  };

  if (sentTo) {
    // The same answer whether or not the address has an account: the page must not reveal that.
    return (
      <Result
        status="success"
        title={t('forgot.sentTitle')}
        subTitle={t('forgot.sentText', { email: sentTo })}
        extra={
          <Link to="/login">
            <Button type="primary">{t('forgot.backToLogin')}</Button>
          </Link>
        }
        data-testid="forgot-sent"
      />
    );
  }

  return (
    <AuthCard title={t('forgot.title')} subtitle={t('forgot.subtitle')}>
      <FormAlert message={errors.formError} />
      <Form form={form} layout="vertical" requiredMark={false} validateTrigger="onBlur" onFinish={onFinish} onValuesChange={errors.clear}>
        <Form.Item name="email" label={t('form.email')} rules={[zodRule(PasswordResetRequestSchema.shape.email, lang)]}>
          <Input prefix={<MailOutlined />} inputMode="email" autoComplete="email" placeholder={t('form.emailPlaceholder')} data-testid="forgot-email" autoFocus />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={submitting} data-testid="forgot-submit">
          {t('forgot.submit')}
        </Button>
      </Form>
      <div style={{ marginTop: 16, textAlign: 'center' }}>
        <Link to="/login">{t('forgot.backToLogin')}</Link>
      </div>
    </AuthCard>
  );
}
