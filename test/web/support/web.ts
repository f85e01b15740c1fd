/**
 * The one set-up of the browser tests: `describeWeb` is a suite that runs where the browser is
 * (browser.ts: skipped, saying so, without one; under CI a missing browser fails), and
 * `useWebServer` starts, before its suite's tests, the seeded server (seed.ts) with what the suite
 * adds and then chromium, and closes both after them. Its `open(username)` is a new context's
 * watched page on the server, signed in as that user.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { browserAvailable, launchBrowser, openPage, type Watched } from './browser.js';
import { addEvaluator, startWebServer, type WebServer } from './seed.js';

/** A suite of browser tests: skipped where there is no browser. */
export function describeWeb(name: string, suite: () => void): void {
  describe.skipIf(!browserAvailable())(name, suite);
}

export interface WebServerOptions {
  /** The server's today (else the seed's `today`). */
  today?: string;
  /** Adds the evaluator (username `evaluator`, who sees the whole corpus). */
  evaluator?: boolean;
  /** Stores the suite's own records, once the server is up and before the browser starts. */
  seed?: (server: WebServer) => Promise<void>;
  /** Drives this server with another set-up's browser (a second server in a nested suite). */
  browserOf?: WebSession;
}

/** A suite's server and browser, there from its `beforeAll` to its `afterAll`. */
export interface WebSession {
  readonly server: WebServer;
  readonly browser: Browser;
  /** A new context's watched page on the server, signed in as `username` when given. */
  open(username?: string): Promise<Watched>;
}

/** The seeded server and chromium for the tests of the suite this is called in. */
export function useWebServer(options: WebServerOptions = {}): WebSession {
  let server: WebServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startWebServer(options.today !== undefined ? { today: options.today } : {});
    if (options.evaluator) await addEvaluator(server.store);
    await options.seed?.(server);
    if (!options.browserOf) browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const session: WebSession = {
    get server() {
      if (!server) throw new Error('the web server starts in beforeAll: use it in a test or a hook');
      return server;
    },
    get browser() {
      const own = options.browserOf ? options.browserOf.browser : browser;
      if (!own) throw new Error('the browser starts in beforeAll: use it in a test or a hook');
      return own;
    },
    open: (username) => openPage(session.browser, session.server.url, username),
  };
  return session;
}
