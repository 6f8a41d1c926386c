import { useState } from 'react';
import { Alert, Button, Checkbox, Form, InputNumber, Modal, Select, Typography } from 'antd';
import { MailOutlined } from '@ant-design/icons';
import { programExpertsApi, type InviteExpertsResult } from '../api/experts.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorAlert } from '../shell/api-error.tsx';
import type { InvitableProgram } from './expert-programs.ts';
import '../i18n/expert.ts';

type Props = { expertIds: string[]; programs: readonly InvitableProgram[]; programId?: string; onSent: (programId: string) => void };

/** Invites the selected experts to a program (optionally one track, with the most each will review): email and an in-app notice. */
export function ExpertInvite({ expertIds, programs, programId: initialProgram, onSent }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [programId, setProgramId] = useState<string | undefined>(undefined);
  const [trackId, setTrackId] = useState<string | undefined>(undefined);
  const [maxLoad, setMaxLoad] = useState<number | null>(null);
  const [resend, setResend] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<InviteExpertsResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const program = programs.find((p) => p.id === programId);
  const needsTrack = !!program && !program.wholeProgram;

  const start = () => {
    const first = programs.find((p) => p.id === initialProgram) ?? (programs.length === 1 ? programs[0] : undefined);
    setProgramId(first?.id);
    setTrackId(undefined);
    setMaxLoad(null);
    setResend(false);
    setResult(null);
    setError(null);
    setOpen(true);
  };

  const send = async () => {
    if (!programId) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await programExpertsApi.invite(programId, { expertIds, trackId, maxLoad: maxLoad ?? undefined, resend }));
      onSent(programId);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button icon={<MailOutlined />} disabled={expertIds.length === 0 || programs.length === 0} onClick={start} data-testid="experts-invite">
        {expertIds.length ? t('ex.inviteSelected', { n: expertIds.length }) : t('ex.invite')}
      </Button>
      <Modal
        open={open}
        title={t('ex.inviteTitle', { n: expertIds.length })}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        footer={[
          <Button key="close" onClick={() => setOpen(false)} data-testid="experts-invite-close">{t('ex.close')}</Button>,
          <Button key="send" type="primary" loading={busy} disabled={!programId || (needsTrack && !trackId)} onClick={() => void send()} data-testid="experts-invite-send">
            {t('ex.inviteSend')}
          </Button>,
        ]}
      >
        <Typography.Paragraph type="secondary">{t('ex.inviteText')}</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={t('ex.inviteProgram')} required>
            <Select value={programId} onChange={(v: string) => { setProgramId(v); setTrackId(undefined); }} options={programs.map((p) => ({ value: p.id, label: p.name }))} data-testid="experts-invite-program" />
          </Form.Item>
          <Form.Item label={t('ex.inviteTrack')} required={needsTrack} extra={needsTrack ? t('ex.inviteTrackOnly') : t('ex.inviteTrackHint')}>
            <Select allowClear={!needsTrack} value={trackId} onChange={(v: string | undefined) => setTrackId(v)} placeholder={needsTrack ? undefined : t('ex.wholeProgram')}
              options={(program?.tracks ?? []).map((tr) => ({ value: tr.id, label: tr.name }))} disabled={!program} data-testid="experts-invite-track" />
          </Form.Item>
          <Form.Item label={t('ex.maxLoad')} extra={t('ex.maxLoadHint')}>
            <InputNumber min={1} max={10_000} precision={0} value={maxLoad} onChange={(v) => setMaxLoad(typeof v === 'number' ? v : null)} style={{ width: 160 }} data-testid="experts-invite-maxload" />
          </Form.Item>
          <Checkbox checked={resend} onChange={(e) => setResend(e.target.checked)} data-testid="experts-invite-resend">{t('ex.inviteResend')}</Checkbox>
        </Form>
        {error !== null && <div style={{ marginTop: 12 }}><ApiErrorAlert error={error} /></div>}
        {result && (
          <Alert
            style={{ marginTop: 12 }}
            type={result.failed.length ? 'warning' : 'success'}
            showIcon
            data-testid="experts-invite-result"
            data-invited={result.invited}
            title={t('ex.inviteResult', { invited: result.invited, skipped: result.skipped })}
            description={result.failed.length ? t('ex.inviteFailed', { emails: result.failed.join('、') }) : undefined}
          />
        )}
      </Modal>
    </>
  );
}
