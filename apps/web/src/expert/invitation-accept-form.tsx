import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Form, Input, InputNumber, Space, Typography } from 'antd';
import { CheckCircleOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { AcceptExpertInvitationRequestSchema } from '@lvping/domain/expert/expert.schema.ts';
import type { FieldError } from '@lvping/domain/errors.ts';
import { isApiError } from '../api/client.ts';
import { expertInvitationsApi, type AcceptExpertInvitationRequest, type MyExpertInvitation } from '../api/experts.api.ts';
import { parseForm } from '../forms/zod-form.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useErrorText } from '../shell/api-error.tsx';
import '../i18n/expert.ts';

type ConflictRow = { orgName?: string; reason?: string };
type Values = { maxLoad?: number | null; availabilityNote?: string; conflicts: ConflictRow[] };
type NamePath = ['conflicts', number, 'orgName' | 'reason'] | ['maxLoad'] | ['availabilityNote'];

/** The request, and which form row each sent conflict came from (blank rows are left out). */
function requestOf(token: string, v: Values): { body: Record<string, unknown>; rowOf: number[] } {
  const rowOf: number[] = [];
  const conflicts = (v.conflicts ?? []).flatMap((c, i) => {
    const orgName = c?.orgName?.trim() ?? '';
    const reason = c?.reason?.trim() ?? '';
    if (!orgName && !reason) return [];
    rowOf.push(i);
    return [{ ...(orgName ? { orgName } : {}), ...(reason ? { reason } : {}) }];
  });
  const note = v.availabilityNote?.trim();
  return { body: { token, maxLoad: v.maxLoad ?? undefined, availabilityNote: note || undefined, conflicts }, rowOf };
}

/** `conflicts.1.reason` → the reason of the form's row it came from; `conflicts.1` (neither given) → its organization. */
function nameOf(path: string, rowOf: number[]): NamePath | null {
  const c = /^conflicts\.(\d+)(?:\.(orgName|reason|applicationId))?$/.exec(path);
  if (c) return ['conflicts', rowOf[Number(c[1])] ?? Number(c[1]), c[2] === 'reason' ? 'reason' : 'orgName'];
  if (path === 'maxLoad') return ['maxLoad'];
  return path === 'availabilityNote' ? ['availabilityNote'] : null;
}

type Props = { token: string; onAccepted: (r: MyExpertInvitation) => void; decline: ReactNode };

/** Accepting: how many applications one can take, when one is available, and the organizations one must be kept away from (回避). */
export function InvitationAcceptForm({ token, onAccepted, decline }: Props) {
  const { t, lang } = useI18n();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<{ placed: { name: NamePath; error: FieldError }[]; general: string | null }>({ placed: [], general: null });

  // Field messages are kept as {'zh-CN', en} pairs, so a language switch rewrites those on screen.
  useEffect(() => {
    form.setFields(problems.placed.map((p) => ({ name: p.name, errors: [p.error.message[lang]] })));
  }, [problems, lang, form]);

  const show = (fields: FieldError[], rowOf: number[], fallback: string | null) => {
    const placed = fields.flatMap((f) => {
      const name = nameOf(f.path, rowOf);
      return name ? [{ name, error: f }] : [];
    });
    const rest = fields.filter((f) => !nameOf(f.path, rowOf)).map((f) => f.message[lang]);
    setProblems({ placed, general: rest.length ? rest.join('；') : fallback });
  };

  const accept = async () => {
    form.setFields(problems.placed.map((p) => ({ name: p.name, errors: [] })));
    setProblems({ placed: [], general: null });
    const { body, rowOf } = requestOf(token, form.getFieldsValue(true) as Values);
    const parsed = parseForm(AcceptExpertInvitationRequestSchema, body);
    if ('fields' in parsed) return show(parsed.fields, rowOf, null);
    setBusy(true);
    try {
      onAccepted(await expertInvitationsApi.accept(parsed.data as AcceptExpertInvitationRequest));
    } catch (e) {
      if (isApiError(e) && e.fields.length) show(e.fields, rowOf, null);
      else setProblems({ placed: [], general: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" initialValues={{ conflicts: [] }} data-testid="invitation-accept-form">
      <Form.Item name="maxLoad" label={t('exi.maxLoad')} extra={t('exi.maxLoadHint')}>
        <InputNumber min={1} max={10_000} precision={0} style={{ width: 160 }} data-testid="invitation-maxload" />
      </Form.Item>
      <Form.Item name="availabilityNote" label={t('exi.availability')} extra={t('exi.availabilityHint')}>
        <Input.TextArea rows={3} maxLength={500} showCount data-testid="invitation-availability" />
      </Form.Item>
      <Typography.Title level={5}>{t('exi.conflictsTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('exi.conflictsText')}</Typography.Paragraph>
      <Form.List name="conflicts">
        {(rows, { add, remove }) => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {rows.map((row) => (
              <Card size="small" key={row.key} data-testid="invitation-conflict">
                <Space align="start" style={{ width: '100%' }} wrap>
                  <Form.Item name={[row.name, 'orgName']} label={t('exi.conflictOrg')} style={{ minWidth: 260, marginBottom: 0 }}>
                    <Input maxLength={200} placeholder={t('exi.conflictOrgPlaceholder')} data-testid={`invitation-conflict-org-${row.name}`} />
                  </Form.Item>
                  <Form.Item name={[row.name, 'reason']} label={t('exi.conflictReason')} style={{ minWidth: 300, marginBottom: 0 }}>
                    <Input maxLength={500} placeholder={t('exi.conflictReasonPlaceholder')} data-testid={`invitation-conflict-reason-${row.name}`} />
                  </Form.Item>
                  <Button type="text" danger icon={<MinusCircleOutlined />} onClick={() => remove(row.name)} aria-label={t('exi.conflictRemove')} style={{ marginTop: 30 }} data-testid={`invitation-conflict-remove-${row.name}`} />
                </Space>
              </Card>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ orgName: '', reason: '' })} data-testid="invitation-conflict-add">{t('exi.conflictAdd')}</Button>
          </Space>
        )}
      </Form.List>
      {problems.general && <Alert type="error" showIcon style={{ marginTop: 16 }} title={problems.general} data-testid="invitation-error" />}
      <Space wrap style={{ marginTop: 24 }}>
        <Button type="primary" size="large" icon={<CheckCircleOutlined />} loading={busy} onClick={() => void accept()} data-testid="invitation-accept">{t('exi.accept')}</Button>
        {decline}
      </Space>
    </Form>
  );
}
