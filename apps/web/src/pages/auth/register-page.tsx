import { useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { App, Button, Form, Input, Result, Typography } from 'antd';
import { LockOutlined, MailOutlined, UserOutlined } from '@ant-design/icons';
import { RegisterRequestSchema } from '@lvping/domain/auth/auth.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { isApiError } from '../../api/client.ts';
import { parseForm, zodRule } from '../../forms/zod-form.ts';
import { useFormErrors } from '../../forms/use-form-errors.ts';
import { useReturnPath } from '../../shell/guards.tsx';
import { AuthCard, FormAlert } from './auth-card.tsx';
import { SignInReasonNote } from './sign-in-reason.tsx';

const fieldNames = ['email', 'password', 'displayName'] as const;

export default function RegisterPage() {
  const { t, lang } = useI18n();
  const { register } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const errors = useFormErrors(form, fieldNames);
  const [submitting, setSubmitting] = useState(false);
  // With email verification the account comes from the emailed link; the page then says so.
  const [sentTo, setSentTo] = useState<string | null>(null);
  const returnPath = useReturnPath();
  const state = useLocation().state as unknown;
  const shape = RegisterRequestSchema.shape;

  const onFinish = async (values: Record<string, unknown>) => {
    errors.clear();
    const parsed = parseForm(RegisterRequestSchema, { ...values, ...(returnPath !== '/' ? { next: returnPath } : {}) });
    if ('fields' in parsed) return errors.showFields(parsed.fields);
    setSubmitting(true);
    try {
      const me = await register(parsed.data);
      if (me) message.success(t('register.welcome', { name: me.displayName }));
      else {
        setSentTo(parsed.data.email);
        setSubmitting(false);
      }
    } catch (e) {
      // The one server refusal that belongs to a field the server does not name.
      if (isApiError(e) && e.code === 'EMAIL_TAKEN' && e.fields.length === 0) errors.showFields([{ path: 'email', message: e.localized }]);
      else errors.show(e);
      setSubmitting(false);
    }
  };

  if (sentTo) {
    return (
      <Result
        status="success"
        title={t('register.checkEmail')}
        subTitle={t('register.checkEmailText', { email: sentTo })}
        data-testid="register-check-email"
        extra={<Link to="/login"><Button>{t('register.toLogin')}</Button></Link>}
      />
    );
  }

  return (
    <AuthCard title={t('register.title')} subtitle={t('register.subtitle')}>
      <SignInReasonNote />
      <FormAlert message={errors.formError} />
      <Form form={form} layout="vertical" requiredMark={false} validateTrigger="onBlur" onFinish={onFinish} onValuesChange={errors.clear}>
        <Form.Item name="displayName" label={t('form.displayName')} rules={[zodRule(shape.displayName, lang)]}>
          <Input
            prefix={<UserOutlined />}
            autoComplete="name"
            placeholder={t('form.displayNamePlaceholder')}
            maxLength={60}
            data-testid="register-name"
            autoFocus
          />
        </Form.Item>
        <Form.Item name="email" label={t('form.email')} rules={[zodRule(shape.email, lang)]}>
          <Input prefix={<MailOutlined />} inputMode="email" autoComplete="email" placeholder={t('form.emailPlaceholder')} data-testid="register-email" />
        </Form.Item>
        <Form.Item name="password" label={t('form.password')} extra={t('form.passwordHint')} rules={[zodRule(shape.password, lang)]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="new-password" data-testid="register-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={submitting} data-testid="register-submit">
          {t('register.submit')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
        {t('register.hasAccount')} <Link to="/login" state={state}>{t('register.toLogin')}</Link>
      </Typography.Paragraph>
    </AuthCard>
  );
}
