// The JavaScript each page needs, read from the build's manifest (dist/.vite/manifest.json): the
// entry, the page's route chunks and everything they import statically, each counted at the size
// the server sends — the .br beside it (every current browser accepts brotli), the .gz for
// gzip-only clients, the plain file when no variant was written (too small to gain).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './server.ts';

export const webDist = join(repoRoot, 'apps/web/dist');

/** The budgets of issue 14, in KiB of JavaScript transferred (brotli). */
export const PUBLIC_PAGE_BUDGET_KIB = 150;
export const FORM_PAGE_BUDGET_KIB = 400;

export type PageBudget = {
  page: string;
  /** Manifest keys (paths relative to apps/web) of the lazy chunks the route loads. */
  sources: string[];
  /** The target. */
  budgetKiB: number;
  /**
   * What the page may not grow past today (the last measured figure and ~3 %; for the catalog
   * and the form, Chromium's count, which adds the chunks fetched after the first render), asserted: the
   * target is not met yet — React 19 + react-router alone are ~68 KiB and the antd the shell
   * needs (ConfigProvider, App's message/modal/notification, Menu, Button, Layout) ~108 KiB.
   */
  ceilingKiB: number;
};

// The catalog and the application form sit behind work-routes.tsx. Figures (brotli, manifest)
// before → after issue 14's splitting: home 239 → 228, call page 384 → 269, 公示 376 → 324,
// results 211 → 206, catalog 349 → 328, application form 508 → 514 (its own chunks grew meanwhile).
// Chromium, cold cache, everything until the network is quiet: home 228, call page 270, 公示 324,
// results 206, catalog 368 (the region filter follows the list), application form 544.
export const pageBudgets: PageBudget[] = [
  { page: 'home', sources: ['src/pages/home/home-page.tsx'], budgetKiB: PUBLIC_PAGE_BUDGET_KIB, ceilingKiB: 235 },
  { page: 'call page', sources: ['src/public/program-page.tsx'], budgetKiB: PUBLIC_PAGE_BUDGET_KIB, ceilingKiB: 280 },
  { page: '公示', sources: ['src/public/publicity-page.tsx'], budgetKiB: PUBLIC_PAGE_BUDGET_KIB, ceilingKiB: 335 },
  { page: 'results', sources: ['src/public/results-page.tsx'], budgetKiB: PUBLIC_PAGE_BUDGET_KIB, ceilingKiB: 215 },
  { page: 'catalog', sources: ['src/work-routes.tsx', 'src/catalog/public-catalog-page.tsx'], budgetKiB: PUBLIC_PAGE_BUDGET_KIB, ceilingKiB: 380 },
  { page: 'application form', sources: ['src/work-routes.tsx', 'src/applicant/application-page.tsx'], budgetKiB: FORM_PAGE_BUDGET_KIB, ceilingKiB: 560 },
];

type ManifestChunk = { file: string; imports?: string[]; isEntry?: boolean };
export type Manifest = Record<string, ManifestChunk>;

export function readManifest(dist = webDist): Manifest {
  const path = join(dist, '.vite/manifest.json');
  if (!existsSync(path)) throw new Error(`${path} is missing: build the web app (npm run build -w apps/web; build.manifest is on in vite.config.ts)`);
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

export type FileSize = { file: string; raw: number; br: number; gzip: number };
export type PageJs = { page: string; budgetKiB: number; ceilingKiB: number; files: FileSize[]; raw: number; br: number; gzip: number };

const sizeOf = (path: string, fallback: number) => (existsSync(path) ? statSync(path).size : fallback);

/** Every JS file the page loads before it can render: the entry and the route chunks, with their static imports. */
export function pageFiles(manifest: Manifest, sources: string[]): string[] {
  const entry = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (!entry) throw new Error('the manifest names no entry');
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build manifest (renamed or no longer lazy-loaded?)`);
    if (seen.has(key)) return;
    seen.add(key);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  for (const key of [entry, ...sources]) visit(key);
  return [...seen].map((k) => manifest[k]!.file).filter((f) => f.endsWith('.js'));
}

export function measurePage(budget: PageBudget, manifest = readManifest(), dist = webDist): PageJs {
  const files = pageFiles(manifest, budget.sources).map((file) => {
    const raw = statSync(join(dist, file)).size;
    return { file, raw, br: sizeOf(join(dist, `${file}.br`), raw), gzip: sizeOf(join(dist, `${file}.gz`), raw) };
  });
  const sum = (k: 'raw' | 'br' | 'gzip') => files.reduce((n, f) => n + f[k], 0);
  return { page: budget.page, budgetKiB: budget.budgetKiB, ceilingKiB: budget.ceilingKiB, files, raw: sum('raw'), br: sum('br'), gzip: sum('gzip') };
}

export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** One line per page: files, raw, gzip, brotli against the target and the ceiling. */
export function formatPages(pages: PageJs[]): string {
  const rows = pages.map((p) => `${p.page.padEnd(18)} ${String(p.files.length).padStart(3)} files  raw ${kib(p.raw).padStart(11)}  gzip ${kib(p.gzip).padStart(10)}  br ${kib(p.br).padStart(10)}  (target ${p.budgetKiB} KiB, ceiling ${p.ceilingKiB} KiB)`);
  return rows.join('\n');
}
