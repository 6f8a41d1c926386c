import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The server serves dist/ on the same origin in production; in development Vite proxies /api to it,
// so cookies and the CSRF header behave the same in both.
const apiTarget = process.env.LVPING_API ?? 'http://127.0.0.1:3000';

const antd = /[\\/]node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|@emotion|@babel[\\/]runtime|classnames|clsx|dayjs|stylis|throttle-debounce|compute-scroll-into-view|scroll-into-view-if-needed|json2mq|string-convert|toggle-selection|copy-to-clipboard|resize-observer-polyfill|@ctrl)[\\/]/;

// Vendor groups: react and antd change rarely, so they get their own long-cached chunks.
// Order matters: the first group whose test matches takes the module.
const vendorGroups = [
  // zod (with the shared schemas) is only needed by the form pages, never by the first page.
  { name: 'vendor-zod', test: /[\\/]node_modules[\\/]zod[\\/]/ },
  { name: 'vendor-react', test: /[\\/]node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler|cookie|set-cookie-parser)[\\/]/ },
  // The part of antd the first page needs (the shell's layout, menu, buttons…): only modules in the
  // static import chain of the entry ($initial).
  { name: 'vendor-antd', test: antd, tags: ['$initial' as const] },
];

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/**
 * Writes x.br and x.gz beside every text file of the build above 1 KiB, once, at the best levels
 * (brotli 11, gzip 9): the server then sends the one the browser accepts (@fastify/static's
 * preCompressed) without compressing anything per request. A variant that saves nothing is not
 * written, so the server falls back to the plain file.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'lvping-precompress',
    apply: 'build',
    configResolved: (config) => void (outDir = config.build.outDir),
    async writeBundle(options, bundle) {
      const dir = options.dir ?? outDir;
      const files = Object.keys(bundle).filter((f) => /\.(js|css|html|svg|json)$/.test(f) && !f.startsWith('.vite/'));
      await Promise.all(files.map(async (file) => {
        const raw = await readFile(join(dir, file));
        if (raw.length < 1024) return;
        const [br, gzipped] = await Promise.all([
          brotli(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
          gz(raw, { level: 9 }),
        ]);
        if (br.length < raw.length) await writeFile(join(dir, `${file}.br`), br);
        if (gzipped.length < raw.length) await writeFile(join(dir, `${file}.gz`), gzipped);
      }));
    },
  };
}

export default defineConfig({
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // dist/.vite/manifest.json: each chunk's file and static imports, read by the JS budget test
    // (test-browser/js-budget.test.ts) to add up what each page loads.
    manifest: true,
    // antd alone is larger than the default warning; the per-page budget is a test
    // (test-browser/js-budget.test.ts).
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // Vite 8 (rolldown) replaces Rollup's manualChunks with codeSplitting groups.
        codeSplitting: { groups: vendorGroups },
      },
    },
  },
  server: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
});
