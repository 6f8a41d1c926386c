import { useState } from 'react';
import { App, Button, Card, Input, List, Select, Space, Tag, Typography } from 'antd';
import { decisionsApi, type DecisionView, type ProgramAwardView } from '../api/decisions.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useErrorText } from '../shell/api-error.tsx';

/** 活动奖项 (优秀组织奖): the rule's result with why, the winners written, adding and removing by hand with a reason. */
type Props = { programId: string; awards: ProgramAwardView[]; units: DecisionView['units']; editable: boolean; onView?: (v: DecisionView) => void };

export function DecisionAwards({ programId, awards, units, editable: canEdit, onView }: Props) {
  const { t, lang, pick } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [busy, setBusy] = useState<string | null>(null);
  const [unit, setUnit] = useState<Record<string, string | undefined>>({});
  const [reason, setReason] = useState<Record<string, string>>({});
  const editable = canEdit && !!onView;

  const act = async (key: string, call: () => Promise<DecisionView>) => {
    setBusy(key);
    try {
      onView?.(await call());
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(null);
    }
  };
  const card = (a: ProgramAwardView) => {
    const why = reason[a.awardId]?.trim() ?? '';
    return (
      <Card key={a.awardId} size="small" className="lv-block" title={lang === 'en' ? a.nameEn ?? a.name : a.name} data-testid="decision-award" data-award={a.awardId}
        extra={editable && a.rule !== 'manual' && <Button size="small" loading={busy === `c-${a.awardId}`} data-testid="decision-award-compute" onClick={() => act(`c-${a.awardId}`, () => decisionsApi.computeAward(programId, a.awardId))}>{t('dc.compute')}</Button>}>
        <Typography.Paragraph><Typography.Text strong>{t('dc.rule')}：</Typography.Text>{pick(a.ruleText)}</Typography.Paragraph>
        {a.rule !== 'manual' && (
          <>
            <Typography.Text strong>{t('dc.byRule')}</Typography.Text>
            {a.byRule.length ? (
              <List size="small" dataSource={a.byRule} renderItem={(w) => <List.Item data-testid="decision-award-byrule">{w.unitName} — <Typography.Text type="secondary">{pick(w.why)}</Typography.Text></List.Item>} />
            ) : <Typography.Paragraph type="secondary">{t('dc.byRuleNone')}</Typography.Paragraph>}
          </>
        )}
        <Typography.Text strong>{t('dc.winners')}</Typography.Text>
        {a.winners.length ? (
          <List size="small" dataSource={a.winners} renderItem={(w) => (
            <List.Item data-testid="decision-award-winner" data-unit={w.unitName}
              actions={editable ? [<Button key="rm" size="small" danger disabled={why.length < 2} loading={busy === `r-${w.unitId}`} onClick={() => act(`r-${w.unitId}`, () => decisionsApi.removeWinner(programId, a.awardId, w.unitId, why))}>{t('dc.remove')}</Button>] : []}>
              <Space><Tag color={w.byRule ? 'blue' : 'gold'}>{w.byRule ? t('dc.byRuleTag') : t('dc.byHandTag')}</Tag>{w.unitName}<Typography.Text type="secondary">{w.reason}</Typography.Text></Space>
            </List.Item>
          )} />
        ) : <Typography.Paragraph type="secondary">{t('dc.noWinners')}</Typography.Paragraph>}
        {editable && (
          <Space wrap>
            <Select size="small" style={{ width: 200 }} placeholder={t('dc.unit')} value={unit[a.awardId]} options={units.map((u) => ({ value: u.id, label: u.name }))}
              onChange={(v: string) => setUnit((x) => ({ ...x, [a.awardId]: v }))} data-testid="decision-award-unit" />
            <Input size="small" style={{ width: 260 }} placeholder={`${t('dc.reason')}（${t('dc.manual')} / ${t('dc.remove')}）`} value={reason[a.awardId] ?? ''}
              onChange={(e) => setReason((x) => ({ ...x, [a.awardId]: e.target.value }))} data-testid="decision-award-reason" />
            <Button size="small" disabled={!unit[a.awardId] || why.length < 2} loading={busy === `a-${a.awardId}`} data-testid="decision-award-add"
              onClick={() => act(`a-${a.awardId}`, () => decisionsApi.addWinner(programId, a.awardId, unit[a.awardId]!, why))}>{t('dc.add')}</Button>
          </Space>
        )}
      </Card>
    );
  };
  if (!awards.length) return null;
  return <Card size="small" className="lv-block" title={t('dc.awards')}>{awards.map(card)}</Card>;
}
