import { AppError, type ApplicationQuery, type ApplicationStatus } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { loadReadable } from '../applications/application-access.ts';
import { formOf } from '../applications/application.service.ts';
import type { ApplicationRow } from '../applications/application.repository.ts';
import { exportableApplications } from '../applications/program-applications.service.ts';
import { findOrganizationById } from '../organizations/organization.repository.ts';
import { findFormVersion, latestFormVersions } from '../programs/program.repository.ts';
import { getProgram } from '../programs/program.service.ts';
import { unitColumnsOfProgram } from '../recommendation/unit-summary.service.ts';
import { findNomination } from '../recommendation/nomination.repository.ts';
import { findUnit } from '../recommendation/unit.repository.ts';
import { renderApplicationPdf, renderBlankFormPdf, renderBlankFormXlsx, streamApplicationsXlsx } from './index.ts';

// Documents as the features serve them: who may have which, and the data each renderer needs.

/** The printable 申报书 of one application, laid out like the seed form, with the form version it was filled against. */
export async function applicationPdf(deps: Deps, actor: Actor | null, applicationId: string): Promise<{ filename: string; pdf: Buffer }> {
  return pdfOfApplication(deps, actor, await loadReadable(deps, actor, applicationId));
}

/** The 申报书 of an application the caller has already been allowed to read. */
export async function pdfOfApplication(deps: Deps, actor: Actor | null, row: ApplicationRow): Promise<{ filename: string; pdf: Buffer }> {
  const program = await getProgram(deps, actor, { id: row.program_id }).catch(() => null);
  const [form, org] = await Promise.all([formOf(deps.db, row), findOrganizationById(deps.db, row.organization_id)]);
  const def = program?.definition;
  const trackName = def?.tracks.find((t) => t.id === row.track_id)?.name ?? row.track_id;
  const pdf = await renderApplicationPdf({
    programName: def?.name ?? '', trackName, form, answers: JSON.parse(row.answers_json),
    organization: { name: org!.name, creditCode: org!.credit_code, regionCode: org!.region_code, address: org!.address, contactName: org!.contact_name, contactPhone: org!.contact_phone },
    number: row.number, submittedAt: row.submitted_at, status: row.status as ApplicationStatus,
    recommendation: await endorsementOf(deps, row.id),
  });
  return { filename: `${row.number}-申报书.pdf`, pdf };
}

/** The unit's endorsement as the 申报书 prints it: unit, opinion, date; undefined until endorsed. */
async function endorsementOf(deps: Deps, applicationId: string) {
  const n = await findNomination(deps.db, applicationId);
  if (n?.status !== 'endorsed') return undefined;
  const unit = await findUnit(deps.db, n.unit_id);
  return { unitName: unit?.name ?? '', opinion: n.opinion ?? '', decidedAt: n.decided_at };
}

/** A track's current blank form, for offline drafting: anyone who may see the call may have it. */
export async function blankForm(deps: Deps, actor: Actor | null, programId: string, trackId: string, format: 'pdf' | 'xlsx'): Promise<{ filename: string; body: Buffer }> {
  const program = await getProgram(deps, actor, { id: programId });
  const track = program.definition.tracks.find((t) => t.id === trackId);
  if (!track) throw new AppError('NOT_FOUND');
  const version = (await latestFormVersions(deps.db, programId)).get(track.formId)!;
  const form = JSON.parse((await findFormVersion(deps.db, programId, track.formId, version.version))!.definition_json);
  const input = { programName: program.definition.name, trackName: track.name, form };
  const body = format === 'pdf' ? await renderBlankFormPdf(input) : await renderBlankFormXlsx(input);
  return { filename: `${program.definition.name}-${track.name}-申报表.${format}`, body };
}

/**
 * A program's applications as one workbook, a sheet per track, written by the export job
 * (applications-export.job.ts): rows are read in pages and written as they come, so 10,000
 * applications never sit in memory at once. Permission is checked here, as the actor.
 */
export async function prepareApplicationsXlsx(deps: Deps, actor: Actor | null, programId: string, q: Omit<ApplicationQuery, 'page' | 'pageSize'>) {
  const { def, rows, count } = await exportableApplications(deps, actor, programId, q);
  const latest = await latestFormVersions(deps.db, programId);
  const tracks = def.tracks
    .filter((t) => !q.trackId || t.id === q.trackId)
    .map((t) => ({ id: t.id, name: t.name, form: JSON.parse(latest.get(t.formId)!.definition_json) }));
  const units = await unitColumnsOfProgram(deps, programId);
  const mapped = (async function* () {
    for await (const r of rows) {
      const u = units.get(r.id);
      yield {
        trackId: r.track_id, number: r.number, organizationName: r.organization_name, creditCode: r.credit_code, regionCode: r.region_code, status: r.status, submittedAt: r.submitted_at, answers: JSON.parse(r.answers_json),
        unitName: u?.unitName, channels: u?.channels, opinion: u?.opinion,
      };
    }
  })();
  return {
    filename: `${def.name}-申报汇总.xlsx`,
    count,
    write: (output: NodeJS.WritableStream, onProgress?: (rows: number) => void) => streamApplicationsXlsx({ output, tracks, rows: mapped, onProgress }),
  };
}
