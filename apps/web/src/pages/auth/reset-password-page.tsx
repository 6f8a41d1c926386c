import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Button, Form, Input, Result } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { PasswordResetConfirmSchema } from '@lvping/domain/auth/auth.schema.ts';
import { defaultMessage } from '@lvping/domain/errors.ts';
import { authApi } from '../../api/auth.api.ts';
import { ApiError } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { parseForm, zodRule } from '../../forms/zod-form.ts';
import { useFormErrors } from '../../forms/use-form-errors.ts';
import { AuthCard, FormAlert } from './auth-card.tsx';

const fieldNames = ['password'] as const;

export default function ResetPasswordPage() {
  const { t, lang } = useI18n();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [form] = Form.useForm();
  const errors = useFormErrors(form, fieldNames);
  const [submitting, setSubmitting] = useState(false);
  const [done, setDone] = useState(false);

  const requestAgain = (
    <Link to="/forgot-password">
      <Button type="primary">{t('reset.requestAgain')}</Button>
    </Link>
  );

  if (!token) {
    return <Result status="warning" title={t('reset.noToken')} subTitle={t('reset.noTokenText')} extra={requestAgain} />;
  }
  if (done) {
    return (
      <Result
        status="success"
        title={t('reset.doneTitle')}
        subTitle={t('reset.doneText')}
        extra={
          <Link to="/login">
            <Button type="primary" data-testid="reset-to-login">
              {t('reset.toLogin')}
            </Button>
          </Link>
        }
      />
    );
  }

  const onFinish = async (values: Record<string, unknown>) => {
    errors.clear();
    const parsed = parseForm(PasswordResetConfirmSchema, { ...values, token });
    if ('fields' in parsed) {
      // A malformed token is a broken link, not something the person can fix by typing.
      if (parsed.fields.some((f) => f.path === 'token')) {
        return errors.show(new ApiError({ code: 'TOKEN_INVALID', status: 400, message: defaultMessage('TOKEN_INVALID') }));
      }
      return errors.showFields(parsed.fields);
    }
    setSubmitting(true);
    try {
      await authApi.confirmPasswordReset(parsed.data);
      setDone(true);
    } catch (e) {
      errors.show(e);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <AuthCard title={t('reset.title')}>
      <FormAlert
        message={errors.formError}
        extra={errors.formErrorCode === 'TOKEN_INVALID' ? <Link to="/forgot-password">{t('reset.requestAgain')}</Link> : undefined}
      />
      <Form form={form} layout="vertical" requiredMark={false} validateTrigger="onBlur" onFinish={onFinish}>
        <Form.Item
          name="password"
          label={t('reset.newPassword')}
          extra={t('form.passwordHint')}
          rules={[zodRule(PasswordResetConfirmSchema.shape.password, lang)]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="new-password" data-testid="reset-password" autoFocus />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={submitting} data-testid="reset-submit">
          {t('reset.submit')}
        </Button>
      </Form>
    </AuthCard>
  );
}
