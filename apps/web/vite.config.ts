import { defineConfig } from 'vite';
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

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd alone is larger than the default warning; the budget is checked by hand in the report.
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
