import type { ReactNode } from 'react';
import { Alert, Card, Typography } from 'antd';

/** The narrow centered card every account page (login, sign-up, password) sits in. */
export function AuthCard({ title, subtitle, children }: { title: string; subtitle?: string; children: ReactNode }) {
  return (
    <div className="lv-auth-wrap">
      <Card className="lv-auth-card">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {title}
        </Typography.Title>
        {subtitle && <Typography.Paragraph type="secondary">{subtitle}</Typography.Paragraph>}
        {children}
      </Card>
    </div>
  );
}

export function FormAlert({ message, extra }: { message: string | null; extra?: ReactNode }) {
  if (!message) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="form-error"
      title={message}
      description={extra}
      style={{ marginBottom: 16 }}
    />
  );
}
