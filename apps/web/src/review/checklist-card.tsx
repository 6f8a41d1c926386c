import { useRef, useState } from 'react';
import { App, Card, Empty, Input, Segmented, Space, Typography } from 'antd';
import { LoadingOutlined } from '@ant-design/icons';
import { screeningApi, type ChecklistItemState } from '../api/screening.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useErrorText } from '../shell/api-error.tsx';
import { formatDateTime } from '../shell/shanghai.ts';

type Mark = 'yes' | 'no' | 'unset';
type Local = { checked: boolean | null; note: string };
const toMark = (c: boolean | null): Mark => (c === true ? 'yes' : c === false ? 'no' : 'unset');
const fromMark = (m: Mark): boolean | null => (m === 'yes' ? true : m === 'no' ? false : null);

type Props = { applicationId: string; items: ChecklistItemState[]; editable: boolean; onSaved: (items: ChecklistItemState[]) => void };

/**
 * The checklist, saved item by item as the screener goes (a mark at once, a note when the field is
 * left). Saves of one item run one after another and each sends the item as it stands then, so a
 * note saved on blur and a mark clicked at the same moment cannot undo each other.
 */
export function ChecklistCard({ applicationId, items, editable, onSaved }: Props) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const text = useErrorText();
  const [local, setLocal] = useState<Record<string, Local>>({});
  // What each item stands at now (typed notes included), kept in step with `local` synchronously.
  const latest = useRef<Record<string, Local>>({});
  const queues = useRef<Record<string, Promise<void>>>({});
  const [pending, setPending] = useState<Record<string, number>>({});
  const stateOf = (item: ChecklistItemState): Local => local[item.id] ?? { checked: item.checked, note: item.note };
  const done = items.filter((i) => stateOf(i).checked !== null).length;

  const update = (item: ChecklistItemState, patch: Partial<Local>) => {
    const next = { ...(latest.current[item.id] ?? { checked: item.checked, note: item.note }), ...patch };
    latest.current[item.id] = next;
    setLocal((l) => ({ ...l, [item.id]: next }));
    return next;
  };

  const save = (item: ChecklistItemState, patch: Partial<Local>) => {
    update(item, patch);
    setPending((p) => ({ ...p, [item.id]: (p[item.id] ?? 0) + 1 }));
    const run = async () => {
      try {
        onSaved((await screeningApi.tick(applicationId, item.id, latest.current[item.id])).checklist);
      } catch (e) {
        message.error(text(e));
      } finally {
        setPending((p) => ({ ...p, [item.id]: (p[item.id] ?? 1) - 1 }));
      }
    };
    queues.current[item.id] = (queues.current[item.id] ?? Promise.resolve()).then(run);
  };

  return (
    <Card title={t('sc.checklist')} extra={<Typography.Text type="secondary">{t('sc.checkProgress', { n: done, total: items.length })}</Typography.Text>} className="lv-block" data-testid="screening-checklist">
      {items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sc.noChecklist')} />}
      {items.map((item, i) => {
        const s = stateOf(item);
        const saving = (pending[item.id] ?? 0) > 0;
        return (
          <div key={item.id} className="lv-check-item" data-testid="checklist-item" data-item={item.id} data-checked={String(item.checked)} data-saving={saving}>
            <div className="lv-check-text">
              <Typography.Text>
                {i + 1}. {lang === 'en' && item.textEn ? item.textEn : item.text}
              </Typography.Text>
            </div>
            <Space wrap align="center" style={{ width: '100%' }}>
              <Segmented<Mark>
                size="small"
                value={toMark(s.checked)}
                disabled={!editable}
                onChange={(m) => save(item, { checked: fromMark(m) })}
                options={(['yes', 'no', 'unset'] as const).map((m) => ({ value: m, label: <span data-testid={`check-${item.id}-${m}`}>{t(`sc.check.${m}`)}</span> }))}
              />
              <Input
                size="small"
                value={s.note}
                disabled={!editable}
                placeholder={t('sc.note')}
                maxLength={2000}
                style={{ width: 360, maxWidth: '100%' }}
                onChange={(e) => update(item, { note: e.target.value })}
                onBlur={() => {
                  if (s.note.trim() !== item.note) save(item, { note: s.note.trim() });
                }}
                data-testid={`check-note-${item.id}`}
              />
              {saving ? (
                <Typography.Text type="secondary"><LoadingOutlined /> {t('sc.saving')}</Typography.Text>
              ) : (
                item.updatedAt && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('sc.savedBy', { name: item.updatedBy ?? '—', time: formatDateTime(item.updatedAt) })}</Typography.Text>
              )}
            </Space>
          </div>
        );
      })}
    </Card>
  );
}
