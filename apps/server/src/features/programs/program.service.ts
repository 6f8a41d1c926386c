import { AppError, calendarStatus, callWindow, can, definitionToText, isPlatformAdmin, nextProgramStatuses, parseDefinitionText, rescheduleProgram, starterDefinition, type FormTemplate,
  type ProgramDefinition, type ProgramDetail, type ProgramSummary, type CreateProgramRequest, type DefinitionFormat } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { authorize } from '../access/access.service.ts';
import { insertGrant } from '../access/grant.repository.ts';
import { findTemplate, readProgramTemplates } from './program-templates.ts';
import { moveProgramStatus } from './program-status.service.ts';
import {
  findProgramById, findProgramBySlug, insertFormVersion, insertProgram, latestFormVersions, listAllPrograms, listPublicPrograms,
  updateProgram, updateProgramIfUnchanged, type ProgramRow,
} from './program.repository.ts';

export function programDefinition(row: ProgramRow): ProgramDefinition {
  return JSON.parse(row.definition_json!) as ProgramDefinition;
}

export function toSummary(row: ProgramRow): ProgramSummary {
  // The English texts live only in the definition (the columns are the Chinese ones, searched and sorted on).
  const def = row.definition_json ? programDefinition(row) : undefined;
  return {
    id: row.id, slug: row.slug, name: row.name, year: row.year,
    organizers: JSON.parse(row.organizers_json) as string[],
    status: row.status as ProgramSummary['status'], summary: row.summary,
    ...(def?.nameEn ? { nameEn: def.nameEn } : {}),
    ...(def?.organizersEn ? { organizersEn: def.organizersEn } : {}),
    ...(def?.summaryEn ? { summaryEn: def.summaryEn } : {}),
    ...(def ? { callOpensAt: callWindow(def).opensAt, callClosesAt: callWindow(def).closesAt } : {}),
  };
}

function toDetail(row: ProgramRow, actor: Actor | null, formVersions: Record<string, number>, now: number): ProgramDetail {
  const definition = programDefinition(row);
  const { opensAt, closesAt } = callWindow(definition);
  const status = row.status as ProgramDetail['status'];
  return {
    id: row.id, slug: row.slug, status, definition, formVersions,
    callOpensAt: opensAt, callClosesAt: closesAt, updatedAt: row.updated_at,
    canConfigure: can(actor, 'program.configure', { programId: row.id }),
    nextStatuses: nextProgramStatuses(definition, status), calendarStatus: calendarStatus(definition, now),
  };
}

/** Programs anyone may see: every one whose call has been published. */
export async function listPrograms(deps: Deps): Promise<ProgramSummary[]> {
  return (await listPublicPrograms(deps.db)).map(toSummary);
}

/** Programs the actor may configure, drafts included: the organizer's own list. */
export async function listManageablePrograms(deps: Deps, actor: Actor | null): Promise<ProgramSummary[]> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  return (await listAllPrograms(deps.db)).filter((p) => can(actor, 'program.configure', { programId: p.id })).map(toSummary);
}

/** A draft is visible only to those who configure it; a forged id or slug is a 404. */
export async function getProgram(deps: Deps, actor: Actor | null, ref: { id: string } | { slug: string }): Promise<ProgramDetail> {
  const row = 'id' in ref ? await findProgramById(deps.db, ref.id) : await findProgramBySlug(deps.db, ref.slug);
  if (!row || !row.definition_json) throw new AppError('NOT_FOUND');
  if (row.status === 'draft' && !can(actor, 'program.configure', { programId: row.id })) throw new AppError('NOT_FOUND');
  const versions = Object.fromEntries([...(await latestFormVersions(deps.db, row.id))].map(([formId, v]) => [formId, v.version]));
  return toDetail(row, actor, versions, deps.now());
}

export function listTemplates(actor: Actor | null) {
  authorize(actor, 'program.create');
  return readProgramTemplates().map((t) => ({ slug: t.slug, name: t.name, year: t.year, tracks: t.tracks.length }));
}

const formBody = (f: FormTemplate) => JSON.stringify({ ...f, version: 0 });

/**
 * Stores the definition's forms as versions: a form whose content changed gets the next
 * version, an unchanged one keeps its own. Returns the definition with those versions set.
 */
async function storeFormVersions(db: Db, programId: string, def: ProgramDefinition, now: number): Promise<ProgramDefinition> {
  const latest = await latestFormVersions(db, programId);
  const forms: FormTemplate[] = [];
  for (const form of def.forms) {
    const prev = latest.get(form.id);
    if (prev && formBody(JSON.parse(prev.definition_json)) === formBody(form)) {
      forms.push({ ...form, version: prev.version });
      continue;
    }
    const version = (prev?.version ?? 0) + 1;
    const stored = { ...form, version };
    await insertFormVersion(db, { program_id: programId, form_id: form.id, version, definition_json: JSON.stringify(stored), created_at: now });
    forms.push(stored);
  }
  return { ...def, forms };
}

function columnsOf(def: ProgramDefinition) {
  return { slug: def.slug, name: def.name, year: def.year, organizers_json: JSON.stringify(def.organizers), summary: def.summary };
}

function parseOrThrow(format: DefinitionFormat, text: string): ProgramDefinition {
  const parsed = parseDefinitionText(text, format);
  if (!parsed.ok) throw new AppError('VALIDATION', { fields: parsed.problems });
  return parsed.definition;
}

/** Inserts a program and its first form versions; the caller holds the transaction. */
export async function insertProgramDefinition(
  trx: Db, def: ProgramDefinition, opts: { status: ProgramSummary['status']; createdBy: string | null; now: number; requestId?: string | null },
): Promise<string> {
  if (await findProgramBySlug(trx, def.slug)) {
    throw new AppError('CONFLICT', { message: { 'zh-CN': `活动标识 ${def.slug} 已被使用`, en: `The slug ${def.slug} is taken` }, fields: [{ path: 'slug', message: { 'zh-CN': '已被使用', en: 'already taken' } }] });
  }
  const id = newId();
  await insertProgram(trx, { id, ...columnsOf(def), status: opts.status, definition_json: null, created_at: opts.now, updated_at: opts.now, created_by: opts.createdBy, next_number: 1 });
  const stored = await storeFormVersions(trx, id, def, opts.now);
  await updateProgram(trx, id, { definition_json: JSON.stringify(stored) });
  await appendAudit(trx, { actorId: opts.createdBy, action: 'program.create', entity: 'program', entityId: id, after: { slug: def.slug, name: def.name, status: opts.status }, requestId: opts.requestId }, opts.now);
  return id;
}

export async function createProgram(deps: Deps, actor: Actor | null, req: CreateProgramRequest & { callEndsOn?: string }, requestId: string | null = null): Promise<ProgramDetail> {
  authorize(actor, 'program.create');
  let def: ProgramDefinition;
  if (req.from === 'template') {
    const template = findTemplate(req.templateSlug);
    if (!template) throw new AppError('NOT_FOUND', { fields: [{ path: 'templateSlug', message: { 'zh-CN': '没有这个模板', en: 'No such template' } }] });
    def = { ...template, slug: req.slug ?? template.slug, name: req.name ?? template.name };
    if (req.callEndsOn) def = rescheduleProgram(def, req.callEndsOn);
    def = parseOrThrow('json', JSON.stringify(def)); // a new slug or name must still be valid
  } else if (req.from === 'blank') {
    def = parseOrThrow('json', JSON.stringify(starterDefinition(req)));
  } else if (req.from === 'copy') {
    // A copy of any program the creator may read (a published call, or a draft it configures).
    const source = await getProgram(deps, actor, { id: req.programId }).catch((e: unknown) => {
      if (e instanceof AppError && e.code === 'NOT_FOUND') throw new AppError('NOT_FOUND', { fields: [{ path: 'programId', message: { 'zh-CN': '没有这个活动', en: 'No such program' } }] });
      throw e;
    });
    // The copy's forms start again at version 1 (storeFormVersions below); its feeds, if any, stay: they name their source by slug.
    const copied = { ...source.definition, slug: req.slug, name: req.name ?? source.definition.name, year: req.year ?? source.definition.year };
    def = parseOrThrow('json', JSON.stringify(copied));
  } else {
    def = parseOrThrow(req.format, req.text);
  }
  const id = await deps.db.transaction().execute(async (trx) => {
    const now = deps.now();
    const programId = await insertProgramDefinition(trx, def, { status: 'draft', createdBy: actor.userId, now, requestId });
    // Whoever creates a program organizes it (a platform admin already may).
    if (!isPlatformAdmin(actor)) await insertGrant(trx, { id: newId(), userId: actor.userId, role: 'organizer', programId, trackId: null, createdBy: actor.userId, now });
    return programId;
  });
  // The actor was read before the organizer grant existed: answer as who they are now.
  const creator = isPlatformAdmin(actor) ? actor : { ...actor, grants: [...actor.grants, { role: 'organizer' as const, programId: id, trackId: null }] };
  return getProgram(deps, creator, { id });
}

async function configurable(deps: Deps, actor: Actor | null, programId: string): Promise<ProgramRow> {
  const row = await findProgramById(deps.db, programId);
  // Someone who may not configure it learns nothing about a draft's existence.
  if (!row) throw new AppError('NOT_FOUND');
  authorize(actor, 'program.configure', { programId });
  return row;
}

export async function updateDefinition(
  deps: Deps, actor: Actor | null, programId: string, req: { format: DefinitionFormat; text: string; baseUpdatedAt: number }, requestId: string | null = null,
): Promise<ProgramDetail> {
  const row = await configurable(deps, actor, programId);
  const def = parseOrThrow(req.format, req.text);
  if (def.slug !== row.slug && (await findProgramBySlug(deps.db, def.slug))) {
    throw new AppError('CONFLICT', { fields: [{ path: 'slug', message: { 'zh-CN': '已被使用', en: 'already taken' } }] });
  }
  await deps.db.transaction().execute(async (trx) => {
    const now = Math.max(deps.now(), req.baseUpdatedAt + 1);
    const stored = await storeFormVersions(trx, programId, def, now);
    const ok = await updateProgramIfUnchanged(trx, programId, req.baseUpdatedAt, { ...columnsOf(def), definition_json: JSON.stringify(stored), updated_at: now });
    if (!ok) throw new AppError('STALE_REVISION', { details: { updatedAt: (await findProgramById(trx, programId))?.updated_at } });
    await appendAudit(trx, {
      actorId: actor!.userId, action: 'program.update_definition', entity: 'program', entityId: programId, requestId,
      before: { slug: row.slug, name: row.name, updatedAt: row.updated_at, forms: programDefinition(row).forms.map((f) => `${f.id}@${f.version}`) },
      after: { slug: def.slug, name: def.name, updatedAt: now, forms: stored.forms.map((f) => `${f.id}@${f.version}`) },
    }, now);
  });
  return getProgram(deps, actor, { id: programId });
}

/** Moves the program's status one step (program-status.service.ts holds the one mover). */
export async function setProgramStatus(deps: Deps, actor: Actor | null, programId: string, status: ProgramSummary['status'], requestId: string | null = null): Promise<ProgramDetail> {
  const row = await configurable(deps, actor, programId);
  await moveProgramStatus(deps, actor!, row, status, requestId);
  return getProgram(deps, actor, { id: programId });
}

export async function exportProgram(deps: Deps, actor: Actor | null, programId: string, format: DefinitionFormat): Promise<{ filename: string; text: string }> {
  const row = await configurable(deps, actor, programId);
  return { filename: `${row.slug}.${format}`, text: definitionToText(programDefinition(row), format) };
}

/** The built-in programs, each created once on first start (by slug) and published. */
export async function loadSeedPrograms(deps: Deps): Promise<string[]> {
  const added: string[] = [];
  for (const def of readProgramTemplates()) {
    await deps.db.transaction().execute(async (trx) => {
      if (await findProgramBySlug(trx, def.slug)) return;
      await insertProgramDefinition(trx, def, { status: 'open', createdBy: null, now: deps.now() });
      added.push(def.slug);
    });
  }
  return added;
}
