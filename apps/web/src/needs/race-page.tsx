import { useParams } from 'react-router-dom';
import { Card } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';
import { RaceBoard } from './race-board.tsx';
import '../i18n/needs.ts';

/** /needs/race/:programId — the 赛马 comparison for a need's poster or an expert (the server shows each only its tracks). */
export default function RacePage() {
  const { programId = '' } = useParams();
  const { t } = useI18n();
  return <Card className="lv-block" title={t('ms.title')}><RaceBoard programId={programId} /></Card>;
}
