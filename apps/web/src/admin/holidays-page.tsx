import { useState } from 'react';
import { Alert, App, Button, Card, Col, Input, InputNumber, Row, Select, Skeleton, Space, Typography } from 'antd';
import { publicityApi, type HolidayCalendar } from '../api/publicity.api.ts';
import { isApiError } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorPage, useErrorText } from '../shell/api-error.tsx';
import { formatDateTime } from '../shell/shanghai.ts';
import { useLoad } from '../shell/use-load.ts';
import '../i18n/publicity.ts';

type Year = HolidayCalendar['years'][number];

/** /admin/holidays — the platform admin's editor of the holiday calendar 公示 periods are counted with. */
export default function HolidaysPage() {
  const { t } = useI18n();
  const [load, reload] = useLoad(() => publicityApi.calendar(), []);
  if (load.state === 'loading') return <Skeleton active paragraph={{ rows: 10 }} />;
  if (load.state === 'error') return <ApiErrorPage error={load.error} onRetry={reload} />;
  return (
    <Card title={t('hol.title')} data-testid="holidays-page">
      <Alert type="info" showIcon title={t('hol.hint')} style={{ marginBottom: 12 }} />
      <Typography.Text type="secondary" data-testid="holidays-origin">
        {load.data.isDefault ? t('hol.isDefault') : t('hol.updatedAt', { time: formatDateTime(load.data.updatedAt ?? 0) })}
      </Typography.Text>
      <Editor key={load.data.updatedAt ?? 0} initial={load.data.calendar} onSaved={() => reload()} />
    </Card>
  );
}

function Editor({ initial, onSaved }: { initial: HolidayCalendar; onSaved: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const text = useErrorText();
  const [years, setYears] = useState<Year[]>(initial.years);
  const [workdays, setWorkdays] = useState<string[]>(initial.years.map((y) => y.workdays.join(', ')));
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const setYear = (i: number, y: Partial<Year>) => setYears((ys) => ys.map((x, j) => (j === i ? { ...x, ...y } : x)));

  const save = async () => {
    setBusy(true);
    setErrors([]);
    try {
      const calendar = { years: years.map((y, i) => ({ ...y, workdays: (workdays[i] ?? '').split(/[,，\s]+/).filter(Boolean) })) };
      await publicityApi.saveCalendar(calendar);
      message.success(t('hol.saved'));
      onSaved();
    } catch (e) {
      setErrors(isApiError(e) && e.fields.length ? e.fields.map((f) => `${f.path}: ${pick(f.message)}`) : [text(e)]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
      {years.map((y, i) => (
        <Card key={i} size="small" data-testid={`holiday-year-${y.year}`}
          title={<Space><InputNumber min={2000} max={2100} value={y.year} onChange={(v) => setYear(i, { year: Number(v) })} data-testid="holiday-year-input" />
            <Select value={y.status} onChange={(status) => setYear(i, { status })} data-testid="holiday-status" style={{ width: 110 }}
              options={[{ value: 'official', label: t('hol.official') }, { value: 'provisional', label: t('hol.provisional') }]} /></Space>}
          extra={<Button size="small" danger onClick={() => { setYears((ys) => ys.filter((_, j) => j !== i)); setWorkdays((ws) => ws.filter((_, j) => j !== i)); }}>{t('hol.remove')}</Button>}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Input addonBefore={t('hol.source')} value={y.source ?? ''} onChange={(e) => setYear(i, { source: e.target.value || undefined })} />
            <Typography.Text strong>{t('hol.holidays')}</Typography.Text>
            {y.holidays.map((h, j) => (
              <Row key={j} gutter={8} data-testid="holiday-range">
                <Col xs={24} sm={8}><Input placeholder={t('hol.name')} value={h.name} onChange={(e) => setYear(i, { holidays: y.holidays.map((x, k) => (k === j ? { ...x, name: e.target.value } : x)) })} /></Col>
                <Col xs={10} sm={6}><Input placeholder={t('hol.from')} value={h.from} onChange={(e) => setYear(i, { holidays: y.holidays.map((x, k) => (k === j ? { ...x, from: e.target.value } : x)) })} /></Col>
                <Col xs={10} sm={6}><Input placeholder={t('hol.to')} value={h.to} onChange={(e) => setYear(i, { holidays: y.holidays.map((x, k) => (k === j ? { ...x, to: e.target.value } : x)) })} /></Col>
                <Col xs={4} sm={4}><Button type="link" danger onClick={() => setYear(i, { holidays: y.holidays.filter((_, k) => k !== j) })}>{t('hol.remove')}</Button></Col>
              </Row>
            ))}
            <Button size="small" onClick={() => setYear(i, { holidays: [...y.holidays, { name: '', from: `${y.year}-01-01`, to: `${y.year}-01-01` }] })}>{t('hol.addHoliday')}</Button>
            <Typography.Text strong>{t('hol.workdays')}</Typography.Text>
            <Input value={workdays[i] ?? ''} onChange={(e) => setWorkdays((ws) => ws.map((w, k) => (k === i ? e.target.value : w)))} data-testid="holiday-workdays" />
          </Space>
        </Card>
      ))}
      <Button onClick={() => { const next = Math.max(2024, ...years.map((y) => y.year)) + 1; setYears((ys) => [...ys, { year: next, status: 'provisional', holidays: [], workdays: [] }]); setWorkdays((ws) => [...ws, '']); }} data-testid="holiday-add-year">{t('hol.addYear')}</Button>
      {errors.length > 0 && <Alert type="error" showIcon data-testid="holiday-errors" title={<ul style={{ margin: 0 }}>{errors.map((e) => <li key={e}>{e}</li>)}</ul>} />}
      <Button type="primary" loading={busy} onClick={() => void save()} data-testid="holiday-save">{t('hol.save')}</Button>
    </Space>
  );
}
