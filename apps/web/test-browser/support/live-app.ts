import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { sampleFiles, type SampleFiles } from './files.ts';
import { startServer, type RunningServer } from './server.ts';
import { startInbox, type Inbox } from './smtp.ts';

export type LiveApp = { server: RunningServer; browser: Browser; inbox: Inbox; files: SampleFiles };

/**
 * The real server (its mail going to a loopback inbox), Chromium and sample upload files,
 * started before the enclosing describe block's tests and stopped after them.
 */
export function liveApp(): LiveApp {
  const app = {} as LiveApp;
  before(async () => {
    app.inbox = await startInbox();
    app.server = await startServer({ SMTP_URL: app.inbox.url });
    app.browser = await launchBrowser();
    app.files = sampleFiles();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.stop();
    await app.inbox?.close();
    app.files?.remove();
  });
  return app;
}
