import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { sampleFiles, type SampleFiles } from './files.ts';
import { startServer, type RunningServer } from './server.ts';
import { startInbox, type Inbox } from './smtp.ts';

export type LiveServer = { server: RunningServer; browser: Browser };
export type LiveApp = LiveServer & { inbox: Inbox; files: SampleFiles };

/**
 * The real server and Chromium, started before the enclosing describe block's tests and stopped
 * after them. `env` is the server's environment, asked for when it starts (after the before hooks
 * registered earlier, so it may name an inbox one of them started).
 */
export function liveServer(env: () => Record<string, string> = () => ({})): LiveServer {
  const live = {} as LiveServer;
  before(async () => {
    live.server = await startServer(env());
    live.browser = await launchBrowser();
  });
  after(async () => {
    await live.browser?.close();
    await live.server?.stop();
  });
  return live;
}

/**
 * The real server (its mail going to a loopback inbox), Chromium and sample upload files,
 * started before the enclosing describe block's tests and stopped after them.
 */
export function liveApp(): LiveApp {
  const app = {} as LiveApp;
  before(async () => {
    app.inbox = await startInbox();
  });
  const live = liveServer(() => ({ SMTP_URL: app.inbox.url }));
  before(() => {
    Object.assign(app, live);
    app.files = sampleFiles();
  });
  after(async () => {
    await app.inbox?.close();
    app.files?.remove();
  });
  return app;
}
