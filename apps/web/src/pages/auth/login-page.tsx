import { useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { App, Button, Form, Input, Typography } from 'antd';
import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { LoginRequestSchema } from '@lvping/domain/auth/auth.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { parseForm, zodRule } from '../../forms/zod-form.ts';
import { useFormErrors } from '../../forms/use-form-errors.ts';
import { AuthCard, FormAlert } from './auth-card.tsx';
import { SignInReasonNote } from './sign-in-reason.tsx';

const fieldNames = ['email', 'password'] as const;

export default function LoginPage() {
  const { t, lang } = useI18n();
  const { login } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const errors = useFormErrors(form, fieldNames);
  const [submitting, setSubmitting] = useState(false);
  const shape = LoginRequestSchema.shape;
  // Handed on to sign-up, so a new person also comes back where the sign-in was asked for.
  const state = useLocation().state as unknown;

  const onFinish = async (values: Record<string, unknown>) => {
    errors.clear();
    const parsed = parseForm(LoginRequestSchema, values);
    if ('fields' in parsed) return errors.showFields(parsed.fields);
    setSubmitting(true);
    try {
      const me = await login(parsed.data);
      // The guest-only guard now sends the person back where they came from.
      message.success(t('login.welcome', { name: me.displayName }));
    } catch (e) {
      errors.show(e);
      setSubmitting(false);
    }
  };

  return (
    <AuthCard title={t('login.title')}>
      <SignInReasonNote />
      <FormAlert message={errors.formError} />
      <Form form={form} layout="vertical" requiredMark={false} validateTrigger="onBlur" onFinish={onFinish} onValuesChange={errors.clear}>
        <Form.Item name="email" label={t('form.email')} rules={[zodRule(shape.email, lang)]}>
          <Input
            prefix={<MailOutlined />}
            inputMode="email"
            autoComplete="username"
            placeholder={t('form.emailPlaceholder')}
            data-testid="login-email"
            autoFocus
          />
        </Form.Item>
        <Form.Item name="password" label={t('form.password')} rules={[zodRule(shape.password, lang)]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
        </Form.Item>
        <div style={{ textAlign: 'right', marginTop: -8, marginBottom: 16 }}>
          <Link to="/forgot-password">{t('login.forgot')}</Link>
        </div>
        <Button type="primary" htmlType="submit" block size="large" loading={submitting} data-testid="login-submit">
          {t('login.submit')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
        {t('login.noAccount')} <Link to="/register" state={state}>{t('login.toRegister')}</Link>
      </Typography.Paragraph>
    </AuthCard>
  );
}
