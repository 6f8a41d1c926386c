import { useState } from 'react';
import { Alert, App, Button, Card, Select, Space, Tag, Typography } from 'antd';
import { inviteApi, type ApplicationRecommendation } from '../api/recommendation.api.ts';
import type { ApplicationDetail } from '../api/applications.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorAlert, useErrorText } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';

function Decision({ rec }: { rec: ApplicationRecommendation }) {
  const { t } = useI18n();
  const n = rec.nomination;
  if (!rec.unit || !n) return null;
  if (n.status === 'pending') return <Typography.Text type="secondary" data-testid="my-nomination" data-status="pending">{t('mine.pending')}</Typography.Text>;
  return (
    <Alert
      type={n.status === 'endorsed' ? 'success' : 'warning'}
      showIcon
      data-testid="my-nomination"
      data-status={n.status}
      title={t(n.status === 'endorsed' ? 'mine.endorsed' : 'mine.declined')}
      description={n.status === 'declined' && n.reason ? t('mine.reason', { reason: n.reason }) : undefined}
    />
  );
}

/** 推荐单位 on a recommended track: the unit named (chosen or changed until it decides) and its decision. */
export function RecommendationCard({ detail }: { detail: Pick<ApplicationDetail, 'id' | 'programId' | 'status'> }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const text = useErrorText();
  const [load, reload, replace] = useLoad(() => inviteApi.ofApplication(detail.id), [detail.id, detail.status]);
  const [editing, setEditing] = useState(false);
  const [choice, setChoice] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const rec = load.state === 'ok' ? load.data : null;
  const picking = !!rec?.canChange && (editing || !rec.unit);
  // Only the units whose reach (the definition's routing) includes this organization.
  const [choices] = useLoad(() => (picking ? inviteApi.choicesFor(detail.id) : Promise.resolve(null)), [detail.id, picking]);

  if (load.state === 'error') return <ApiErrorAlert error={load.error} title={t('mine.loadFailed')} onRetry={reload} />;
  if (!rec || !rec.takesRecommendation) return null;

  const save = async () => {
    if (!choice) return;
    setBusy(true);
    try {
      const next = await inviteApi.nameUnit(detail.id, { unitId: choice });
      replace(next);
      setEditing(false);
      message.success(t('mine.saved', { name: next.unit?.name ?? '' }));
    } catch (e) {
      message.error(text(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('mine.title')} className="lv-block" data-testid="my-unit-card">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          {rec.unit ? (
            <Typography.Text strong data-testid="my-unit-name">{rec.unit.name}</Typography.Text>
          ) : (
            <Typography.Text type="warning" data-testid="my-unit-name">{t('mine.none')}</Typography.Text>
          )}
          {rec.unit?.channels.map((c) => <Tag key={c.id}>{c.name}</Tag>)}
          {rec.unit && rec.canChange && !editing && (
            <Button size="small" onClick={() => setEditing(true)} data-testid="my-unit-change">{t('mine.change')}</Button>
          )}
        </Space>
        {picking && (
          <Space.Compact style={{ width: '100%', maxWidth: 560 }}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('mine.searchPlaceholder')}
              loading={choices.state === 'loading'}
              value={choice}
              onChange={setChoice}
              options={choices.state === 'ok' && choices.data ? choices.data.units.map((u) => ({ value: u.id, label: u.name })) : []}
              style={{ flex: 1 }}
              data-testid="my-unit-select"
            />
            <Button type="primary" disabled={!choice} loading={busy} onClick={() => void save()} data-testid="my-unit-save">{t('mine.save')}</Button>
          </Space.Compact>
        )}
        {picking && choices.state === 'ok' && !!choices.data?.outOfReach && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="my-unit-routed">{t('mine.routed', { n: choices.data.outOfReach })}</Typography.Text>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{rec.canChange ? t('mine.hint') : rec.nomination && rec.nomination.status !== 'pending' ? t('mine.locked') : ''}</Typography.Text>
        <Decision rec={rec} />
      </Space>
    </Card>
  );
}
