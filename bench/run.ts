// `npm run bench [-- filter…]`: runs the scenarios one after another (never in
// parallel: they'd share the 2 cores), prints a table and writes JSON.
// Filters match scenario name or engine ("postgres", "auth/me", "draft"); the
// baseline of each group that runs runs too, because the ratios need it.
// Options: --seconds=N, --rate=N, --applicants=N (the surge; see scenarios/surge.ts).
// Adding a scenario: write bench/scenarios/<name>.ts exporting a Scenario
// (see scenario.ts; start servers with startLvping/startServer, measure with
// measure()) and add it to the list below.
import { positionalArgs } from './options.ts';
import { addRatios, formatTable, loadWarning, sampleCpuBusy, writeJson } from './report.ts';
import { groupOf, hadCleanupFailure, installSignalCleanup, interruptedBy, runScenario, unwindAll, type AnyScenario, type Row } from './scenario.ts';
import { assignmentBaseline, assignmentScenarios } from './scenarios/assignment.ts';
import { authMe } from './scenarios/auth-me.ts';
import { catalogSearch } from './scenarios/catalog-search.ts';
import { rankingBaseline, rankingScenarios } from './scenarios/ranking.ts';
import { baseline, writeBaseline } from './scenarios/baseline.ts';
import { draftSave, PG_WORKERS } from './scenarios/draft-save.ts';
import { surge, surgeBaseline } from './scenarios/surge.ts';
import { uploadScenario } from './scenarios/upload.ts';
import { pdfApplication, pdfBaseline } from './scenarios/pdf-render.ts';
import { csvExportBaseline, xlsxExport } from './scenarios/xlsx-export.ts';

const scenarios: AnyScenario[] = [
  baseline, authMe('sqlite'), authMe('postgres'), writeBaseline, draftSave('sqlite'), draftSave('postgres'),
  pdfBaseline, pdfApplication, csvExportBaseline, xlsxExport, assignmentBaseline, ...assignmentScenarios,
  rankingBaseline, ...rankingScenarios, catalogSearch, uploadScenario('sqlite'),
  // Deadline day, open loop: `npm run bench -- surge [--seconds=60]` (not in a bare run: minutes long).
  surgeBaseline, surge('sqlite', 1), surge('postgres', PG_WORKERS),
];

async function main(): Promise<number> {
  const filters = positionalArgs();
  const named = (s: AnyScenario) => filters.some((f) => `${s.name} ${s.engine}`.includes(f));
  // An explicit scenario's baseline comes with its group only (its name may match another filter).
  const matches = (s: AnyScenario) => (s.explicit ? !s.isBaseline && named(s) : !filters.length || named(s));
  const groups = new Set(scenarios.filter((s) => !s.isBaseline && matches(s)).map(groupOf));
  const selected = scenarios.filter((s) => matches(s) || (s.isBaseline && (!s.explicit || filters.length > 0) && groups.has(groupOf(s))));
  installSignalCleanup();
  const startedAt = new Date();
  const cpuBusy = await sampleCpuBusy();
  const warning = loadWarning(cpuBusy);
  if (warning) console.warn(warning);

  const rows: Row[] = [];
  for (const s of selected) rows.push(await runScenario(s));
  addRatios(rows);

  console.log(`\n${formatTable(rows)}\n`);
  if (warning) console.warn(warning);
  console.log(`results: ${await writeJson(rows, startedAt, cpuBusy)}`);
  const failed = rows.filter((r) => r.status === 'failed');
  if (failed.length) console.error(`✖ ${failed.length} scenario(s) failed`);
  if (hadCleanupFailure()) console.error('✖ some cleanup failed (see above)');
  if (interruptedBy()) return 130;
  return failed.length || hadCleanupFailure() ? 1 : 0;
}

let code = 1;
try {
  code = await main();
} catch (err) {
  console.error('✖ bench failed:', err);
} finally {
  await unwindAll(); // normally empty already; not after an unexpected throw
}
// Explicit exit: a stray handle (socket, timer) must not keep the run hanging.
process.exit(hadCleanupFailure() ? 1 : code);
