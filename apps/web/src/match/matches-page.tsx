import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { App, Button, Card, Empty, List, Space, Typography } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorPage, useErrorText } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';
import { matchApi, type CounterpartMatches, type InterestRequest, type PairInterest, type TechnologyMatches } from './match.api.ts';
import { CounterpartCard, ExplanationView, InterestTag, TechnologyCard } from './match-shared.tsx';

type Row = { key: string; card: React.ReactNode; explanation: TechnologyMatches['items'][number]['explanation']; interest: PairInterest; req: InterestRequest };

/**
 * /match/entries/:id, /match/profiles/:id, /match/needs/:id — the matches of my technology, my
 * profile or my need (or any, for the catalog organizer), best first, each with why, and the
 * button that says I am interested.
 */
export default function MatchesPage({ subject }: { subject: 'entry' | 'profile' | 'need' }) {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [busy, setBusy] = useState<string | null>(null);
  const [load, reload] = useLoad(async () => {
    const [list, mine] = await Promise.all([
      subject === 'entry' ? matchApi.entryMatches(id) : subject === 'profile' ? matchApi.profileMatches(id) : matchApi.needMatches(id),
      matchApi.mine(),
    ]);
    // The catalog organizer may look at anyone's list, but only the two sides say they are interested.
    const own = subject === 'entry' ? mine.entries.some((e) => e.entryId === id) : subject === 'profile' ? mine.profiles.some((p) => p.id === id) : mine.needs.some((n) => n.needId === id);
    return { list: list as TechnologyMatches | CounterpartMatches, own };
  }, [subject, id]);
  if (load.state === 'error') return <ApiErrorPage error={load.error} onRetry={reload} />;
  const data = load.state === 'ok' ? load.data.list : null;
  const own = load.state === 'ok' && load.data.own;
  const mySide = subject === 'entry' ? 'technology' : 'counterpart';
  const counterpartType = subject === 'need' ? 'need' : 'profile';
  const rows: Row[] = !data ? [] : 'technology' in data
    ? data.items.map((m) => ({ key: m.counterpart.id, card: <CounterpartCard c={m.counterpart} />, explanation: m.explanation, interest: m.interest, req: { entryId: data.technology.entryId, counterpartType: m.counterpart.type, counterpartId: m.counterpart.id } }))
    : data.items.map((m) => ({ key: m.technology.entryId, card: <TechnologyCard tech={m.technology} />, explanation: m.explanation, interest: m.interest, req: { entryId: m.technology.entryId, counterpartType, counterpartId: id } }));
  const name = !data ? '' : 'technology' in data ? data.technology.name : data.counterpart.name;

  const act = async (row: Row, withdraw: boolean) => {
    setBusy(row.key);
    try {
      const r = withdraw ? await matchApi.withdrawInterest(row.req) : await matchApi.express(row.req);
      if (!withdraw) message.success(r.interest.status === 'mutual' ? t('mt.mutualDone') : t('mt.expressDone'));
      reload();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(null);
    }
  };
  const mine = (i: PairInterest) => (mySide === 'technology' ? i.technology : i.counterpart);

  return (
    <Card className="lv-block" title={t('mt.matchesFor', { name })} loading={load.state === 'loading'} data-testid="match-list">
      <Typography.Paragraph type="secondary">{t('mt.matchesIntro')}</Typography.Paragraph>
      <List locale={{ emptyText: <Empty description={t('mt.noMatches')} /> }} dataSource={rows} itemLayout="vertical"
        renderItem={(row, i) => (
          <List.Item key={row.key} data-testid={`match-item-${i}`} data-id={row.key}
            actions={[
              <Space key="i">
                <InterestTag i={row.interest} mySide={own ? mySide : null} testId={`match-interest-${i}`} />
                {!own ? null : mine(row.interest)
                  ? <Button size="small" loading={busy === row.key} onClick={() => act(row, true)} data-testid={`match-withdraw-${i}`}>{t('mt.withdrawInterest')}</Button>
                  : <Button size="small" type="primary" loading={busy === row.key} onClick={() => act(row, false)} data-testid={`match-express-${i}`}>{t('mt.express')}</Button>}
              </Space>,
            ]}
            extra={<div style={{ minWidth: 280 }}><ExplanationView e={row.explanation} testId={`match-why-${i}`} /></div>}>
            {row.card}
          </List.Item>
        )} />
    </Card>
  );
}
