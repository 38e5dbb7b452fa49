// Shared helpers for the end-to-end suite (node --test + playwright-core + Debian's Chromium).
//
// A typical test file:
//
//   import { after, before, test } from 'node:test';
//   import { launchChromium, openApp, startStaticServer, assertClean } from './support.mjs';
//
//   let server, browser;
//   before(async () => {
//     server = await startStaticServer();      // serves dist/ on a free 127.0.0.1 port
//     browser = await launchChromium();        // headless, offline-friendly flags
//   });
//   after(async () => { await browser?.close(); await server?.close(); });
//
//   test('something', async () => {
//     const app = await openApp(browser, server.url);   // loads the app, waits for the h1
//     try {
//       await app.page.getByRole('button', { name: 'Start an assessment' }).click();
//       ...
//       await app.settle();
//       assertClean(app);   // no console errors, page errors, failed or external requests
//     } finally {
//       await app.close();
//     }
//   });
//
// The bundle under test is dist/ at the repository root (build it with
// ./scripts/build-release.sh), or the directory named by KOOM_DIST.

import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { stat, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CATALOGUE_FILES, catalogueEntries, splitModules } from '../../scripts/lib/bundle-files.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/** Repository root. */
export const REPO_ROOT = resolve(here, '..', '..');

/** Viewports the suite checks. */
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/** Context options for a phone-sized, touch, mobile-viewport page. */
export const PHONE_CONTEXT = { viewport: PHONE, deviceScaleFactor: 3, isMobile: true, hasTouch: true };

/** Flags for headless Chromium as root, with nothing that phones home. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The only host the page may talk to. */
export const LOCAL_HOST = '127.0.0.1';

/** The release bundle directory under test; throws a helpful error if it is not built. */
export function distDir() {
  const dir = resolve(process.env.KOOM_DIST ?? join(REPO_ROOT, 'dist'));
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`no release bundle at ${dir}: run ./scripts/build-release.sh (or ./scripts/test.sh) first`);
  }
  return dir;
}

/**
 * What the split build's loader (`app-<hash>/__wasm_split.js`, written by the splitter) fetches
 * for each split module: its file and the shared chunks it needs first, as paths relative to
 * the bundle. `{ later: [...], lang_de: [...], ... }`.
 */
export function splitBuild(dir = distDir()) {
  const folders = readdirSync(dir).filter((name) => /^app-[0-9a-f]+$/.test(name));
  assert.equal(folders.length, 1, `one app-<hash>/ folder in ${dir}`);
  const folder = folders[0];
  const modules = Object.fromEntries(
    Object.entries(splitModules(join(dir, folder))).map(([name, files]) => [name, files.map((file) => `${folder}/${file}`)]),
  );
  assert.ok(modules.later, `${folder}/__wasm_split.js: the later part's loader was not found`);
  return modules;
}

/**
 * The split build's later parts (scripts/split-dist.mjs): the split module of the views loaded
 * after start-up and the chunks it needs, as paths relative to the bundle
 * ("app-<hash>/split_later.wasm"). The app fetches every one once at idle after it starts;
 * after that it asks for nothing.
 */
export function laterParts(dir = distDir()) {
  return splitBuild(dir).later;
}

/**
 * The split build's language packs (issue 24): a language's texts, fetched at start only by a
 * reader of it ("app-<hash>/split_lang_de.wasm"), keyed by language code. (The chunks a pack
 * needs are fetched with it; one may be the later part's too.)
 */
export function languagePacks(dir = distDir()) {
  return Object.fromEntries(
    Object.entries(splitBuild(dir))
      .filter(([name]) => name.startsWith('lang_'))
      .map(([name, files]) => [name.slice('lang_'.length), files[0]]),
  );
}

let laterFiles;
/** Whether a request (its `url`) asks for one of the later parts. */
export const isLaterPart = (request) => {
  laterFiles ??= new Set(laterParts().map((path) => path.replace(/^app-[0-9a-f]+\//, '')));
  const match = new URL(request.url).pathname.match(/\/app-[0-9a-f]+\/([^/]+)$/);
  return Boolean(match && laterFiles.has(match[1]));
};

/** Whether a request (its `url`) asks for a language pack (its own file, not a chunk). */
export const isLanguagePack = (request) => /\/app-[0-9a-f]+\/split_lang_[a-z]+\.wasm$/.test(new URL(request.url).pathname);

/**
 * Waits until the app has fetched every later part (its idle preload) and the network is quiet,
 * so that a test can then say "nothing more is asked for". `session.requests` lists requests.
 */
export async function partsFetched(session, { timeout = 15_000 } = {}) {
  const want = laterParts();
  const deadline = Date.now() + timeout;
  for (;;) {
    const fetched = new Set(session.requests.filter(isLaterPart).map((r) => new URL(r.url).pathname.replace(/^.*\/(app-[0-9a-f]+\/)/, '$1')));
    const missing = want.filter((part) => !fetched.has(part));
    if (!missing.length) break;
    if (Date.now() > deadline) throw new Error(`the idle preload did not fetch ${missing.join(', ')}`);
    await new Promise((done) => setTimeout(done, 100));
  }
  await session.page.waitForLoadState('networkidle');
  await session.page.waitForTimeout(250);
}

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Serves `root` (default: the release bundle) over HTTP on 127.0.0.1 at a free port, like any
 * plain static host: no SPA fallback, no rewriting. `basePath` (e.g. '/tools/koom/') serves the
 * bundle from a sub-path, as an intranet would; other paths answer 404.
 *
 * Returns { origin, url, served, setRoot(dir), close() }: `url` is origin + basePath; `served`
 * lists every request as { method, path, status }; `setRoot` serves another directory from then
 * on (a new version deployed).
 */
export async function startStaticServer({ root = distDir(), basePath = '/' } = {}) {
  assert.ok(basePath.startsWith('/') && basePath.endsWith('/'), 'basePath must start and end with "/"');
  let rootDir = resolve(root);
  const served = [];

  const server = createServer(async (req, res) => {
    const send = (status, body = '', headers = {}) => {
      served.push({ method: req.method, path: req.url, status });
      res.writeHead(status, { 'Cache-Control': 'no-store', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');
      const { pathname } = new URL(req.url, 'http://localhost');
      if (pathname === basePath.slice(0, -1)) return send(301, '', { Location: basePath });
      if (!pathname.startsWith(basePath)) return send(404, 'not found');
      let relative = decodeURIComponent(pathname.slice(basePath.length));
      if (relative === '' || relative.endsWith('/')) relative += 'index.html';
      const file = resolve(rootDir, relative);
      if (!file.startsWith(rootDir + sep)) return send(403, 'forbidden');
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) return send(404, 'not found');
      const body = await readFile(file);
      return send(200, body, {
        'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Length': body.length,
      });
    } catch (error) {
      return send(500, String(error));
    }
  });

  await new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, LOCAL_HOST, resolveListen);
  });
  const origin = `http://${LOCAL_HOST}:${server.address().port}`;
  return {
    origin,
    url: origin + basePath,
    served,
    setRoot: (dir) => {
      rootDir = resolve(dir);
    },
    close: () =>
      new Promise((resolveClose) => {
        server.closeAllConnections?.();
        server.close(() => resolveClose());
      }),
  };
}

/** Launches Debian's Chromium headless (override the binary with CHROMIUM_PATH). */
export async function launchChromium(options = {}) {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`no Chromium at ${executablePath}: apt-get install chromium (./scripts/test.sh does it)`);
  }
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, ...options });
}

const isLocal = (url) => {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true;
  return hostname === LOCAL_HOST;
};

/**
 * Opens `url` in a fresh browser context and records what the page does:
 *   consoleErrors  console.error messages and other error-level console output
 *   pageErrors     uncaught exceptions
 *   failedRequests requests that failed at network level or answered >= 400
 *   requests       every request: { url, method, resourceType, afterLoad }
 *   external       requests to any host but 127.0.0.1; they are blocked (with
 *                  `blockExternal`, the default) so the test never depends on the network
 * then waits for the app's first screen (`waitFor`, default: the h1 is visible) and, with `waitForApp`
 * (the default), until the app has taken the page over from index.html's first screen.
 *
 * `contextOptions` go to browser.newContext (viewport, colorScheme, isMobile, ...); `setup(context)`
 * runs before the page is asked for (routes that must hold from the start).
 * Returns { page, context, consoleErrors, pageErrors, failedRequests, requests, external,
 * requestsAfterLoad(), settle(), close() }.
 */
export async function openApp(
  browser,
  url,
  { contextOptions = { viewport: DESKTOP }, blockExternal = true, waitFor = 'h1', waitForApp = true, setup } = {},
) {
  const context = await browser.newContext({ serviceWorkers: 'block', ...contextOptions });
  const page = await context.newPage();
  const session = {
    page,
    context,
    consoleErrors: [],
    pageErrors: [],
    failedRequests: [],
    requests: [],
    external: [],
    websockets: [],
    loaded: false,
    /** Requests made after the load event, optionally only those matching `predicate`. */
    requestsAfterLoad(predicate = () => true) {
      return this.requests.filter((request) => request.afterLoad && predicate(request));
    },
    /** Waits until the network has been idle for 500 ms, plus `extraMs`. */
    async settle(extraMs = 250) {
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(extraMs);
    },
    close: () => context.close(),
  };

  if (blockExternal) {
    await context.route('**/*', (route) => {
      if (isLocal(route.request().url())) return route.continue();
      return route.abort('blockedbyclient');
    });
  }
  // What the test sets up before the page is asked for (routes that must hold from the start).
  if (setup) await setup(context);
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const { url: source, lineNumber } = message.location();
      session.consoleErrors.push(`${message.text()}${source ? ` (${source}:${lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (error) => session.pageErrors.push(error.stack ?? String(error)));
  page.on('load', () => {
    session.loaded = true;
  });
  page.on('request', (request) => {
    const entry = {
      url: request.url(),
      method: request.method(),
      resourceType: request.resourceType(),
      afterLoad: session.loaded,
    };
    session.requests.push(entry);
    if (!isLocal(entry.url)) session.external.push(entry);
  });
  page.on('requestfailed', (request) => {
    const error = request.failure()?.errorText;
    // The idle preload cut short by the test's own reload or navigation: the browser cancels
    // it, nothing failed (a refused or failing part is reported with its own error).
    if (error === 'net::ERR_ABORTED' && isLaterPart({ url: request.url() })) return;
    session.failedRequests.push(`${request.method()} ${request.url()}: ${error}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) {
      session.failedRequests.push(`${response.request().method()} ${response.url()}: HTTP ${response.status()}`);
    }
  });
  page.on('websocket', (socket) => {
    session.websockets.push(socket.url());
    if (!isLocal(socket.url())) session.external.push({ url: socket.url(), resourceType: 'websocket' });
  });

  try {
    await page.goto(url, { waitUntil: 'load' });
    if (waitFor) await page.locator(waitFor).first().waitFor({ state: 'visible', timeout: 15_000 });
    // index.html paints the first screen before the app runs: wait until the app has taken the
    // page over (it removes #boot), unless the test wants the first screen itself.
    if (waitForApp) await page.waitForFunction(() => !document.getElementById('boot'), null, { timeout: 15_000 });
  } catch (error) {
    const problems = describeProblems(session);
    await context.close();
    throw new Error(`the app did not render at ${url}: ${error.message}${problems ? `\n${problems}` : ''}`);
  }
  return session;
}

function describeProblems(session) {
  const lines = [];
  const list = (title, items) => {
    if (items.length) lines.push(`${title}:`, ...items.map((item) => `  - ${item}`));
  };
  list('console errors', session.consoleErrors);
  list('uncaught page errors', session.pageErrors);
  list('failed requests', session.failedRequests);
  list(
    'requests to hosts other than 127.0.0.1',
    session.external.map((request) => `${request.resourceType} ${request.url}`),
  );
  return lines.join('\n');
}

/**
 * Fails, listing everything that went wrong, if the page logged a console error, threw, had a
 * failed request, or tried to reach any host but 127.0.0.1 (before or after load).
 */
export function assertClean(session) {
  const problems = describeProblems(session);
  assert.equal(problems, '', `the page was not clean:\n${problems}`);
}

const require = createRequire(import.meta.url);
let axeSource;

/**
 * Runs axe-core (from node_modules) on the current page and returns its violations, simplified
 * to { id, impact, help, helpUrl, nodes: [{ target, html, summary }] }. `options` go to
 * axe.run (default: all of axe's standard rules: WCAG 2.0-2.2 A/AA and best practices).
 */
export async function runAxe(page, options = {}) {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the debugging protocol, which the page's Content-Security-Policy does not
  // govern (an injected <script> would be blocked by it, as it should be).
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (runOptions) => {
    // In an opaque-origin frame axe would fetch the stylesheets itself (to read rules it may not
    // read there), a cross-origin request that fails: its CSSOM rule is skipped there instead.
    const preload = window.origin === 'null' ? { preload: false } : {};
    const results = await window.axe.run(document, { resultTypes: ['violations'], ...preload, ...runOptions });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      helpUrl: violation.helpUrl,
      nodes: violation.nodes.map((node) => ({
        target: node.target.join(' '),
        html: node.html,
        summary: node.failureSummary,
      })),
    }));
  }, options);
}

/** Human-readable listing of runAxe's violations, for assertion messages. */
export function formatViolations(violations) {
  return violations
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} <${violation.helpUrl}>\n` +
        violation.nodes.map((node) => `    at ${node.target}: ${node.html}\n      ${node.summary}`).join('\n'),
    )
    .join('\n');
}

/**
 * Shares one static server (dist/) and one Chromium across a test file, started and stopped
 * with node:test's `before` / `after`. Returns `{ withApp, server(), browser() }`:
 * `withApp(body, options)` opens the app in a fresh context, runs `body(app)`, then checks the
 * page stayed clean (assertClean) and closes it.
 */
export function sharedApp({ timeout = 10_000 } = {}) {
  let server;
  let browser;
  before(async () => {
    server = await startStaticServer();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    server: () => server,
    browser: () => browser,
    /**
     * `options` go to openApp, and: `path` (with its query) opens that address of the server;
     * `expectFailure(line)` names the failed requests and console errors the test causes on
     * purpose (at least one of each must happen; the others still fail the test).
     */
    async withApp(body, options = {}) {
      const { path = '', expectFailure } = options;
      const app = await openApp(browser, new URL(path, server.url).href, options);
      app.page.setDefaultTimeout(timeout);
      try {
        await body(app);
        if (expectFailure) {
          for (const list of ['failedRequests', 'consoleErrors']) {
            assert.ok(app[list].length > 0, `${list}: the expected failure did not happen`);
            app[list] = app[list].filter((line) => !expectFailure(line));
          }
        }
        assertClean(app);
      } finally {
        await app.close();
      }
    },
  };
}

/**
 * Opens `url` in a fresh context of `browser` (its own, empty storage), runs `body(app)`, then
 * checks the page stayed clean and closes the context. `timeout` is the page's default for
 * every action.
 */
export async function inFreshContext(browser, url, body, { contextOptions = { viewport: DESKTOP }, timeout = 10_000 } = {}) {
  const app = await openApp(browser, url, { contextOptions });
  app.page.setDefaultTimeout(timeout);
  try {
    const result = await body(app);
    assertClean(app);
    return result;
  } finally {
    await app.close();
  }
}

/**
 * Presses `key` until `matches(await focused(page))` holds, at most `max` times; fails naming
 * the path focus took (each step written by `describe`).
 */
export async function pressKeyUntil(page, key, matches, what, { focused, describe, max = 12 }) {
  const path = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(key);
    const now = await focused(page);
    if (matches(now)) return now;
    path.push(describe(now));
  }
  assert.fail(`${what}: not reached after ${max} presses of ${key}; focus went ${path.join(' → ')}`);
}

/**
 * A language's catalogue (src/domain/language/<language>.rs, issue 24) as a Map of English
 * text → translation; English gives an empty map (every text is its own).
 */
const catalogues = new Map();
export function catalogue(code) {
  if (!catalogues.has(code)) catalogues.set(code, readCatalogue(code));
  return catalogues.get(code);
}

function readCatalogue(code) {
  const file = CATALOGUE_FILES[code];
  if (!file) return new Map();
  return catalogueEntries(readFileSync(join(REPO_ROOT, 'src', 'domain', 'language', file), 'utf8'));
}

/** A text in a language (`code`), as its catalogue translates it (English: the text itself). */
export function inLanguage(code, english) {
  const translated = catalogue(code).get(english);
  if (code !== 'en' && translated === undefined) throw new Error(`${code}: no translation of ${JSON.stringify(english)}`);
  return translated ?? english;
}
