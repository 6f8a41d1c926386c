import { Button, Card, Descriptions, Space, Tag, Tooltip, Typography } from 'antd';
import { CheckSquareOutlined, EditOutlined, FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { shownProgramStatus } from '@lvping/domain/program/program-display.ts';
import type { ProgramDetail } from '../api/programs.api.ts';
import { programFiles } from '../api/programs.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { textIn } from '../i18n/text-in.tsx';
import { DownloadButton } from '../shell/download-button.tsx';
import { ContactList } from './program-info.tsx';

type Track = ProgramDetail['definition']['tracks'][number];

type Props = {
  program: ProgramDetail;
  track: Track;
  onApply: (track: Track) => void;
};

/** One 榜单 / 赛道: what it is, who may apply and how, its conditions, and the ways to apply. */
export function TrackCard({ program, track, onApply }: Props) {
  const { lang, t } = useI18n();
  const en = lang === 'en';
  const name = textIn(lang, track.name, track.nameEn);
  const { checklist, rules } = track.eligibility;
  // Open only inside the call window, whatever the stored status says: the server refuses outside it.
  const open = shownProgramStatus(program.status, { opensAt: program.callOpensAt, closesAt: program.callClosesAt }, Date.now()) === 'open';

  const details = [
    { key: 'who', label: t('call.whoMayApply'), children: t(`call.applicant.${track.applicant}`) },
    {
      key: 'entry',
      label: t('call.entry'),
      children: <Tag color={track.entry === 'recommendation' ? 'gold' : 'green'}>{t(`call.entry.${track.entry}`)}</Tag>,
    },
    ...(track.reviewInstitution
      ? [{ key: 'review', label: t('call.reviewInstitution'), children: textIn(lang, track.reviewInstitution.name, track.reviewInstitution.nameEn) }]
      : []),
    ...(track.awardTiers.length
      ? [{ key: 'awards', label: t('call.awards'), children: track.awardTiers.map((a, i) => <span key={a.id}>{i > 0 && (en ? ', ' : '，')}{textIn(lang, a.name, a.nameEn)}{a.count ? ` × ${a.count}` : ''}</span>) }]
      : []),
  ];

  return (
    <Card className="lv-track-card" data-testid={`track-${track.id}`} title={<span className="lv-track-name">{name}</span>}>
      {track.description && <Typography.Paragraph className="lv-pre">{textIn(lang, track.description, track.descriptionEn)}</Typography.Paragraph>}
      <Descriptions size="small" column={1} items={details} />
      {(checklist.length > 0 || rules.length > 0) && (
        <div className="lv-eligibility" data-testid={`eligibility-${track.id}`}>
          <Typography.Text strong>{t('call.eligibility')}</Typography.Text>
          <ul>
            {rules.map((r) => (
              <li key={r.id}>{textIn(lang, r.description, r.descriptionEn)}</li>
            ))}
            {checklist.map((c) => (
              <li key={c.id}>
                <CheckSquareOutlined /> {textIn(lang, c.text, c.textEn)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {track.reviewInstitution && track.reviewInstitution.contacts.length > 0 && (
        <details className="lv-track-contacts">
          <summary>{t('call.reviewContacts')}</summary>
          <ContactList contacts={track.reviewInstitution.contacts} />
        </details>
      )}
      <Space wrap className="lv-track-actions">
        <Tooltip title={open ? undefined : t('call.notOpen')}>
          <Button type="primary" icon={<EditOutlined />} disabled={!open} onClick={() => onApply(track)} data-testid={`apply-${track.id}`}>
            {t('call.applyOnline')}
          </Button>
        </Tooltip>
        <DownloadButton
          href={programFiles.blankPdf(program.id, track.id)}
          filename={`${track.name}-申报表.pdf`}
          icon={<FilePdfOutlined />}
          data-testid={`blank-pdf-${track.id}`}
        >
          {t('call.blankPdf')}
        </DownloadButton>
        <DownloadButton
          href={programFiles.blankXlsx(program.id, track.id)}
          filename={`${track.name}-申报表.xlsx`}
          icon={<FileExcelOutlined />}
          data-testid={`blank-xlsx-${track.id}`}
        >
          {t('call.blankXlsx')}
        </DownloadButton>
      </Space>
    </Card>
  );
}
