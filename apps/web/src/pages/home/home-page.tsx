import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Card, Col, Empty, Row, Skeleton, Space, Typography } from 'antd';
import { CalendarOutlined, TeamOutlined } from '@ant-design/icons';
import { programsApi, type ProgramSummary } from '../../api/programs.api.ts';
import { isApiError } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { listIn, plainTextIn, textIn } from '../../i18n/text-in.tsx';
import { useSession } from '../../session/session.tsx';
import { ProgramStatusTags } from '../../shell/program-status-tag.tsx';
import './home.css';


function Hero() {
  const { t } = useI18n();
  const { user } = useSession();
  return (
    <section className="lv-hero" data-testid="hero">
      {user && (
        <div className="lv-hero-greeting" data-testid="greeting">
          {t('home.greeting', { name: user.displayName })}
        </div>
      )}
      <Typography.Title level={2} className="lv-hero-title">
        {t('home.heroTitle')}
      </Typography.Title>
      <Typography.Paragraph className="lv-hero-text">{t('home.heroText')}</Typography.Paragraph>
      <Space wrap>
        {user ? (
          <Link to="/my/applications">
            <Button type="primary" size="large">
              {t('home.heroMine')}
            </Button>
          </Link>
        ) : (
          <>
            <Link to="/register">
              <Button type="primary" size="large">
                {t('home.heroRegister')}
              </Button>
            </Link>
            <Link to="/login">
              <Button size="large">{t('nav.login')}</Button>
            </Link>
          </>
        )}
      </Space>
    </section>
  );
}

function ProgramCard({ program }: { program: ProgramSummary }) {
  const { lang, t } = useI18n();
  const summary = plainTextIn(lang, program.summary, program.summaryEn);
  return (
    <Link to={`/programs/${program.slug}`} className="lv-program-link" data-testid={`program-link-${program.slug}`}>
      <Card className="lv-program-card" data-testid="program-card" hoverable>
        <div className="lv-program-meta">
          <ProgramStatusTags program={program} />
          <Typography.Text type="secondary">
            <CalendarOutlined /> {t('home.year', { year: program.year })}
          </Typography.Text>
        </div>
        {/* Official names run long (2025年河南省工业绿色低碳发展创新大赛): wrap, never cut. */}
        <Typography.Title level={5} className="lv-program-name">
          {textIn(lang, program.name, program.nameEn)}
        </Typography.Title>
        {program.organizers.length > 0 && (
          <Typography.Paragraph type="secondary" className="lv-program-organizers">
            <TeamOutlined /> {t('home.organizers')}{lang === 'en' ? ': ' : '：'}{listIn(lang, program.organizers, program.organizersEn)}
          </Typography.Paragraph>
        )}
        {program.summary && (
          <Typography.Paragraph ellipsis={{ rows: 3, tooltip: summary }} style={{ marginBottom: 0 }}>
            {textIn(lang, program.summary, program.summaryEn)}
          </Typography.Paragraph>
        )}
      </Card>
    </Link>
  );
}

type Load = { state: 'loading' } | { state: 'ok'; programs: ProgramSummary[] } | { state: 'error'; error: unknown };

function ProgramList() {
  const { t, pick } = useI18n();
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  const fetchPrograms = useCallback(() => {
    setLoad({ state: 'loading' });
    programsApi.list().then(
      (r) => setLoad({ state: 'ok', programs: r.programs }),
      (error: unknown) => setLoad({ state: 'error', error }),
    );
  }, []);
  useEffect(fetchPrograms, [fetchPrograms]);

  if (load.state === 'loading') return <Skeleton active paragraph={{ rows: 4 }} />;
  if (load.state === 'error') {
    return (
      <Alert
        type="error"
        showIcon
        title={t('home.programsError')}
        description={isApiError(load.error) ? pick(load.error.localized) : t('error.unknown')}
        action={<Button onClick={fetchPrograms}>{t('app.retry')}</Button>}
      />
    );
  }
  if (load.programs.length === 0) {
    return (
      <Card>
        <Empty description={t('home.programsEmpty')} data-testid="programs-empty" />
      </Card>
    );
  }
  return (
    <Row gutter={[16, 16]}>
      {load.programs.map((p) => (
        <Col key={p.id} xs={24} md={12} xl={8}>
          <ProgramCard program={p} />
        </Col>
      ))}
    </Row>
  );
}

export default function HomePage() {
  const { t } = useI18n();
  return (
    <>
      <Hero />
      <Typography.Title level={3} className="lv-section-title">
        {t('home.programs')}
      </Typography.Title>
      <ProgramList />
    </>
  );
}
