import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, App, Button, Form, Input } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { ChangePasswordRequestSchema } from '@lvping/domain/auth/auth.schema.ts';
import { authApi } from '../../api/auth.api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { parseForm, zodRule } from '../../forms/zod-form.ts';
import { useFormErrors } from '../../forms/use-form-errors.ts';
import { AuthCard, FormAlert } from './auth-card.tsx';

const fieldNames = ['currentPassword', 'newPassword'] as const;

export default function ChangePasswordPage() {
  const { t, lang } = useI18n();
  const { user, refresh } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const errors = useFormErrors(form, fieldNames);
  const [submitting, setSubmitting] = useState(false);
  const shape = ChangePasswordRequestSchema.shape;

  const onFinish = async (values: Record<string, unknown>) => {
    errors.clear();
    const parsed = parseForm(ChangePasswordRequestSchema, values);
    if ('fields' in parsed) return errors.showFields(parsed.fields);
    setSubmitting(true);
    try {
      await authApi.changePassword(parsed.data);
      // The server clears mustChangePassword (and may rotate the session): read it back.
      await refresh();
      message.success(t('change.done'));
      navigate('/', { replace: true });
    } catch (e) {
      errors.show(e);
      setSubmitting(false);
    }
  };

  return (
    <AuthCard title={t('change.title')}>
      {user?.mustChangePassword && <Alert type="warning" showIcon title={t('change.forced')} style={{ marginBottom: 16 }} data-testid="change-forced" />}
      <FormAlert message={errors.formError} />
      <Form form={form} layout="vertical" requiredMark={false} validateTrigger="onBlur" onFinish={onFinish} onValuesChange={errors.clear}>
        {/* Lets password managers file the new password under the right account. */}
        <input type="text" name="username" autoComplete="username" value={user?.email ?? ''} readOnly hidden />
        <Form.Item name="currentPassword" label={t('change.current')} rules={[zodRule(shape.currentPassword, lang)]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="change-current" autoFocus />
        </Form.Item>
        <Form.Item name="newPassword" label={t('change.new')} extra={t('form.passwordHint')} rules={[zodRule(shape.newPassword, lang)]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="new-password" data-testid="change-new" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={submitting} data-testid="change-submit">
          {t('change.submit')}
        </Button>
      </Form>
    </AuthCard>
  );
}
