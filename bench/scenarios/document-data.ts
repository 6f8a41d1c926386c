// Realistic input for the document benchmarks: the 2022 科创中国 先导技术榜 form from the seed
// templates and the complete sample application the tests and the draft-save bench use.
import type { FormTemplate } from '@lvping/domain';
import { findTemplate } from '../../apps/server/src/features/programs/program-templates.ts';
import type { ExportRow, ExportTrack } from '../../apps/server/src/features/documents/applications-xlsx.ts';
import { xiandaoGreenAnswers } from '../../packages/domain/test/templates/samples.ts';

export type XiandaoForm = { programName: string; trackName: string; form: FormTemplate; tracks: ExportTrack[] };

/** The 先导技术榜 form and two of its tracks (绿色低碳, 先进材料), which share it. */
export function xiandaoForm(): XiandaoForm {
  const def = findTemplate('kczg-2022');
  if (!def) throw new Error('seed template kczg-2022 not found');
  const tracks = ['xiandao-green', 'xiandao-materials'].map((id) => {
    const track = def.tracks.find((t) => t.id === id);
    const form = def.forms.find((f) => f.id === track?.formId);
    if (!track || !form) throw new Error(`kczg-2022: no track ${id} with its form`);
    return { id, name: track.name, form };
  });
  return { programName: def.name, trackName: tracks[0].name, form: tracks[0].form, tracks };
}

export const sampleAnswers = (): Record<string, Record<string, unknown>> => xiandaoGreenAnswers();

/**
 * `count` applications, the first half on the first track and the rest on the second (grouped
 * by track, as the export needs), each a little different so nothing is cached across rows.
 */
export async function* exportRows(tracks: ExportTrack[], count: number): AsyncGenerator<ExportRow> {
  const base = sampleAnswers();
  for (let i = 0; i < count; i++) {
    const answers = { ...base, basic: { ...base.basic, techName: `${String(base.basic.techName)}（第${i + 1}号）`, trl: 1 + (i % 9) } };
    yield {
      trackId: tracks[i < count / 2 ? 0 : 1].id,
      number: `KCZG2022-XD-${String(i + 1).padStart(5, '0')}`,
      organizationName: `某某环境科技股份有限公司${i + 1}`,
      creditCode: '91110108MA01XXXX3Q',
      regionCode: '110108',
      status: i % 4 ? 'submitted' : 'in_review',
      submittedAt: Date.UTC(2022, 9, 20) + i * 60_000,
      answers,
    };
  }
}
