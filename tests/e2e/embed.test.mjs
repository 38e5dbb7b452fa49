// Embedded in a wiki: the release bundle inside an iframe of a host page on another site (the
// host is served from http://localhost:<port>, the app from http://127.0.0.1:<port>, so the frame
// is cross-site), whose script applies the app's height message the way the app's own snippet
// does (checking the sender's origin and frame). For every frame a wiki may use (a plain frame;
// a sandbox with same-origin, with and without downloads and popups; the opaque-origin
// sandbox="allow-scripts"), at desktop and phone width:
//   - the embed layout renders in the frame, the frame's height follows the content (the host
//     frame is exactly as tall as the reported height, and grows with a longer view), the
//     frame notice tells the truth about where answers are kept;
//   - answering changes the verdict (and the embed bar's stage), "Open the full page" opens it
//     or gives the address to copy, the file export leaves the file's text in the page, never a
//     silent no-op;
//   - axe-core finds nothing in the frame and nothing is wider than it, with every notice the
//     frame adds on screen.
// Then: the frame shrinks back when the content gets shorter; a browser that refuses storage to
// cross-site frames is told so; an opaque-origin frame works on an imported assessment.
// Also: the snippet offered on the start screen works pasted as it is into a host page; the
// page is never blank (the .wasm refused, no WebAssembly, JavaScript off, a start that takes
// too long); the Content-Security-Policy is strict and nothing in a journey breaks it, and
// nothing is requested after load.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runInNewContext } from 'node:vm';
import {
  CHROMIUM_ARGS,
  DESKTOP,
  LOCAL_HOST,
  PHONE_CONTEXT,
  assertClean,
  distDir,
  formatViolations,
  launchChromium,
  runAxe,
  startStaticServer,
  isLaterPart,
  laterParts,
  partsFetched,
} from './support.mjs';
import {
  answer,
  captureDownload,
  messageNotice,
  openView,
  pollUntil,
  readinessModel,
  waitForVerdict,
  waitForView,
} from './flows.mjs';

const TIMEOUT = 120_000;

/**
 * Playwright turns off Chromium's third-party storage partitioning
 * (microsoft/playwright#32230), which every Chrome since 115 has on (and Firefox and Safari have
 * their own): without it a cross-site frame gets no localStorage at all in a Playwright
 * context, unlike in the users' browsers. Chromium takes the last --disable-features it is
 * given, so this restates Playwright's list without ThirdPartyStoragePartitioning. (The browser
 * that refuses third-party storage is checked too, with Playwright's defaults.)
 */
const DISABLED_FEATURES_BUT_PARTITIONING = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
];

const HEIGHT_MESSAGE = 'koom-readiness:height';
const FILE_FORMAT = 'koom-readiness/assessment';
const STOP_HEADLINE = 'Stop — do not deploy KOOM';
/** The browser's own console error when a frame without allow-popups calls window.open. */
const POPUP_BLOCKED = /^Blocked opening '.*' in a new window because the request was made in a sandboxed frame whose 'allow-popups' permission is not set\./;

/** What the frame notice says, by data-storage. */
const STORAGE_TEXT = {
  partitioned: "Answers saved here are kept in this browser, for this wiki page's site only",
  memory: 'answers live in memory only and are lost when the page closes',
};

const FULL_SANDBOX = 'allow-scripts allow-same-origin allow-forms allow-popups allow-downloads';

/** The frames a wiki may put the app in. */
const KINDS = [
  { name: 'a plain cross-site frame', sandbox: null, storage: 'partitioned', popups: true, downloads: true },
  { name: `a frame with sandbox="${FULL_SANDBOX}"`, sandbox: FULL_SANDBOX, storage: 'partitioned', popups: true, downloads: true },
  {
    name: 'a sandboxed frame without allow-downloads',
    sandbox: 'allow-scripts allow-same-origin allow-forms allow-popups',
    storage: 'partitioned',
    popups: true,
    downloads: false,
  },
  {
    name: 'a sandboxed frame without allow-popups',
    sandbox: 'allow-scripts allow-same-origin allow-forms allow-downloads',
    storage: 'partitioned',
    popups: false,
    downloads: true,
  },
  {
    name: 'an opaque-origin frame (sandbox="allow-scripts" alone)',
    sandbox: 'allow-scripts',
    storage: 'memory',
    popups: false,
    downloads: false,
    opaque: true,
  },
];

const WIDTHS = [
  { name: 'desktop 1280x800', contextOptions: { viewport: DESKTOP } },
  { name: 'phone 390x844', contextOptions: PHONE_CONTEXT },
];

// ---- Servers and browsers ---------------------------------------------------------------------

let appServer;
let hostServer;
let browser;

before(async () => {
  appServer = await startStaticServer();
  hostServer = await startHostServer();
  browser = await launchChromium({ args: [...CHROMIUM_ARGS, `--disable-features=${DISABLED_FEATURES_BUT_PARTITIONING.join(',')}`] });
});
after(async () => {
  await browser?.close();
  await hostServer?.close();
  await appServer?.close();
});

/**
 * A second static server, for the host pages (the wiki): on 127.0.0.1 too, but addressed as
 * http://localhost:<port>, another site than the app's http://127.0.0.1:<port>.
 * `page(html)` serves `html` at a new address and returns it.
 */
async function startHostServer() {
  const pages = new Map();
  const server = createServer((req, res) => {
    const html = pages.get(new URL(req.url, 'http://localhost').pathname);
    res.writeHead(html ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(html ?? 'not found');
  });
  await new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, LOCAL_HOST, resolveListen);
  });
  const origin = `http://localhost:${server.address().port}`;
  return {
    origin,
    page(html) {
      const path = `/wiki/page-${pages.size + 1}`;
      pages.set(path, html);
      return origin + path;
    },
    close: () =>
      new Promise((resolveClose) => {
        server.closeAllConnections?.();
        server.close(() => resolveClose());
      }),
  };
}

/** A wiki page around `body` (the frame and its script). */
function wikiPage(body) {
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="icon" href="data:," />
    <title>Operations wiki — KOOM readiness</title>
    <style>body { margin: 0 8px; font-family: sans-serif; }</style>
  </head>
  <body>
    <main>
      <h1>Operations wiki</h1>
      <p>Before we deploy KOOM, every team lead fills in the readiness checklist below.</p>
      ${body}
      <p>Questions? Ask in #ops.</p>
    </main>
  </body>
</html>`;
}

/**
 * A wiki page with the app (`?embed=1`) in a frame, and the snippet's height script: the message
 * is applied only when it comes from `acceptOrigin` and from the frame itself. Every message is
 * also kept in window.__koomMessages for the test.
 */
function hostPageFor(kind) {
  const base = appServer.url;
  // A frame without allow-same-origin has an opaque origin: its messages come from "null", and
  // the host can only recognise its frame by event.source (which the snippet checks too).
  const acceptOrigin = kind.opaque ? 'null' : appServer.origin;
  const sandbox = kind.sandbox === null ? '' : ` sandbox="${kind.sandbox}"`;
  return hostServer.page(
    wikiPage(`<iframe src="${base}?embed=1" title="KOOM Readiness" style="width:100%;height:400px;border:0"${sandbox}></iframe>
      <script>
        window.__koomMessages = [];
        window.addEventListener("message", function (event) {
          var frame = document.querySelector("iframe");
          window.__koomMessages.push({ origin: event.origin, data: event.data, fromFrame: event.source === frame.contentWindow });
          if (event.origin !== ${JSON.stringify(acceptOrigin)}) return;
          var data = event.data;
          if (!data || data.type !== ${JSON.stringify(HEIGHT_MESSAGE)} || typeof data.height !== "number") return;
          document.querySelectorAll('iframe[src^="${base}"]').forEach(function (frame) {
            if (frame.contentWindow === event.source) frame.style.height = Math.ceil(data.height) + "px";
          });
        });
      </script>`),
  );
}

// ---- Sessions -----------------------------------------------------------------------------------

const isLocal = (url) => {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true;
  return hostname === LOCAL_HOST || hostname === 'localhost';
};

/**
 * Opens `url` in a fresh context of `onBrowser` and records, for every page of the context
 * (popups too) and every frame in them: console errors, uncaught errors, failed requests,
 * requests (with whether their page had loaded), requests to hosts other than the two test
 * servers (blocked), downloads, and Content-Security-Policy violations (a
 * `securitypolicyviolation` listener in every frame). `setup(context)` runs before the page
 * opens. Returns the session; `session.page` is the first page.
 */
async function openSession(url, { contextOptions = { viewport: DESKTOP }, setup, onBrowser = browser } = {}) {
  const context = await onBrowser.newContext({ serviceWorkers: 'block', ...contextOptions });
  const session = {
    context,
    page: null,
    consoleErrors: [],
    pageErrors: [],
    failedRequests: [],
    requests: [],
    external: [],
    downloads: [],
    cspViolations: [],
    requestsAfterLoad(predicate = () => true) {
      return this.requests.filter((request) => request.afterLoad && predicate(request));
    },
    close: () => context.close(),
  };
  await context.route('**/*', (route) => (isLocal(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));
  await context.exposeBinding('__koomCspViolation', ({ frame }, violation) =>
    session.cspViolations.push({ ...violation, frame: frame.url() }),
  );
  await context.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (event) => {
        window.__koomCspViolation({
          directive: event.effectiveDirective,
          blocked: event.blockedURI,
          sample: event.sample,
          source: `${event.sourceFile}:${event.lineNumber}`,
        });
      },
      true,
    );
  });
  if (setup) await setup(context);
  let pages = 0;
  context.on('page', (page) => {
    const label = pages++ === 0 ? '' : `[page ${pages}] `;
    const state = { loaded: false };
    page.on('load', () => {
      state.loaded = true;
    });
    page.on('console', (message) => {
      if (message.type() === 'error') session.consoleErrors.push(`${label}${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => session.pageErrors.push(`${label}${error.stack ?? error}`));
    page.on('request', (request) => {
      const entry = { url: request.url(), method: request.method(), resourceType: request.resourceType(), afterLoad: state.loaded, page: label };
      session.requests.push(entry);
      if (!isLocal(entry.url)) session.external.push(entry);
    });
    page.on('requestfailed', (request) => {
      const error = request.failure()?.errorText;
      // The idle preload cut short by a reload or navigation: cancelled, not failed.
      if (error === 'net::ERR_ABORTED' && isLaterPart({ url: request.url() })) return;
      session.failedRequests.push(`${label}${request.method()} ${request.url()}: ${error}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) session.failedRequests.push(`${label}${response.request().method()} ${response.url()}: HTTP ${response.status()}`);
    });
    page.on('download', (download) => session.downloads.push(download.suggestedFilename()));
  });
  try {
    session.page = await context.newPage();
    session.page.setDefaultTimeout(10_000);
    await session.page.goto(url, { waitUntil: 'load' });
  } catch (error) {
    await context.close();
    throw error;
  }
  return session;
}

/**
 * assertClean (no console error, uncaught error, failed or external request) over every page and
 * frame of the session, but console errors matching `allowConsole`; and no CSP violation.
 */
function assertSessionClean(session, { allowConsole = [] } = {}) {
  assertClean({
    ...session,
    consoleErrors: session.consoleErrors.filter((text) => !allowConsole.some((pattern) => pattern.test(text))),
  });
  assert.deepEqual(session.cspViolations, [], 'Content-Security-Policy violations');
}

/** Runs `body(session)` on a session at `url`, then checks it stayed clean, and closes it. */
async function withSession(url, options, body) {
  const session = await openSession(url, options);
  try {
    await body(session);
    assertSessionClean(session, options);
  } finally {
    await session.close();
  }
}

/** The app's frame in a host page. */
async function appFrame(page, selector = 'iframe') {
  const handle = await page.locator(selector).first().elementHandle();
  const frame = await handle.contentFrame();
  assert.ok(frame, `the host page's ${selector} has no document`);
  return frame;
}

/** Waits until the app (not index.html's first screen) shows its start screen in `frame`. */
async function waitForAppIn(frame) {
  await frame.locator('#org-name').waitFor({ state: 'visible', timeout: 15_000 });
  assert.equal(await frame.locator('#boot').count(), 0, 'the first screen of index.html (#boot) is still there');
}

// ---- Height -------------------------------------------------------------------------------------

/**
 * What the host knows about the height: the height messages it received (from the frame, with
 * the frame's origin), the last one, and its iframe's height; and the frame's own document
 * height and viewport height.
 */
async function heightState(page, frame, expectedOrigin) {
  const host = await page.evaluate(
    ({ type, origin }) => {
      const heights = window.__koomMessages.filter(
        (m) => m.fromFrame && m.origin === origin && m.data && m.data.type === type && typeof m.data.height === 'number',
      );
      return {
        messages: heights.length,
        others: window.__koomMessages.filter((m) => !(m.fromFrame && m.origin === origin)).map((m) => `${m.origin}: ${JSON.stringify(m.data)}`),
        reported: heights.length ? heights[heights.length - 1].data.height : null,
        iframe: document.querySelector('iframe').getBoundingClientRect().height,
      };
    },
    { type: HEIGHT_MESSAGE, origin: expectedOrigin },
  );
  const inner = await frame.evaluate(() => ({
    content: document.documentElement.scrollHeight,
    viewport: document.documentElement.clientHeight,
  }));
  return { ...host, ...inner };
}

/**
 * Waits until the frame fits its content: a height message arrived, the host's iframe is as tall
 * as the last one (within 2 px), which is the frame's content height, and the frame does not
 * scroll inside. With `above`, the height must also exceed it (the frame grew). Returns it.
 */
async function fittedHeight(page, frame, expectedOrigin, what, { above = 0 } = {}) {
  const state = await pollUntil(
    () => heightState(page, frame, expectedOrigin),
    (s) =>
      s.reported !== null &&
      Math.abs(s.iframe - s.reported) <= 2 &&
      Math.abs(s.content - s.reported) <= 2 &&
      s.content - s.viewport <= 2 &&
      s.reported > above,
    `${what}: the host's frame is not as tall as the content the app reported${above ? ` (taller than ${above}px)` : ''}`,
    10_000,
  );
  assert.deepEqual(state.others, [], 'messages to the host from another origin or window');
  return state.reported;
}

// ---- Steps in the frame -------------------------------------------------------------------------

/** Whether the frame's document may use localStorage (what the browser allows, not what the app says). */
const storageUsable = (frame) =>
  frame.evaluate(() => {
    try {
      const key = 'e2e-storage-probe';
      localStorage.setItem(key, '1');
      localStorage.removeItem(key);
      return true;
    } catch {
      return false;
    }
  });

/** Checks the frame notice says `storage` (partitioned | memory), in its own words. */
async function assertFrameNotice(frame, storage) {
  const notice = frame.locator('.frame-notice[data-notice="frame"]');
  await notice.waitFor({ state: 'visible' });
  assert.equal(await notice.getAttribute('data-storage'), storage, 'the frame notice tells another story about storage');
  const text = await notice.textContent();
  assert.ok(text.includes(STORAGE_TEXT[storage]), `the frame notice does not say “${STORAGE_TEXT[storage]}”: ${text}`);
  return notice;
}

/** Starts an assessment from the start screen in the frame, by mouse. */
async function startInFrame(session, frame, organisation) {
  await frame.locator('#org-name').fill(organisation);
  await frame.getByRole('button', { name: 'Start an assessment' }).click();
  const opened = frame.locator('nav[aria-label="Assessment sections"] button[data-view="preconditions"][aria-current="page"]');
  try {
    await opened.waitFor({ state: 'attached', timeout: 5_000 });
  } catch {
    assert.fail(
      `clicking “Start an assessment” (organisation “${organisation}”) opened nothing within 5 s; console errors:\n` +
        session.consoleErrors.map((text) => `  - ${text}`).join('\n'),
    );
  }
  await waitForView(frame, 'preconditions');
}

/** Checks the assessment file text `text`: its format, organisation and one answer. */
function assertAssessmentFile(text, { organisation, question, value }, what) {
  let file;
  try {
    file = JSON.parse(text);
  } catch (error) {
    assert.fail(`${what} is not JSON (${error.message}): ${text.slice(0, 200)}`);
  }
  assert.equal(file.format, FILE_FORMAT, `${what} is not an assessment file`);
  assert.equal(file.assessment?.organisation, organisation, `${what}: organisation`);
  assert.equal(file.assessment?.answers?.[question], value, `${what}: the answer to ${question}`);
  return file;
}

/** Checks a page shows, read-only from a share link, the assessment `organisation` at Stop. */
async function assertSharedFullPage(page, organisation, view) {
  assert.ok(page.url().startsWith(`${appServer.url}#/s/`), `not a share link of the app's page: ${page.url()}`);
  assert.ok(!page.url().includes('embed='), `the full page is the embed layout again: ${page.url()}`);
  assert.ok(page.url().endsWith(`/${view}`), `the full page does not open the ${view} view: ${page.url()}`);
  await page.locator('[data-opened="shared"]').waitFor({ state: 'visible', timeout: 10_000 });
  await page.locator('nav[aria-label="Assessment sections"] .nav-org', { hasText: organisation }).waitFor();
  await waitForVerdict(page, 'stop');
  assert.equal(await page.locator('body.embed').count(), 0, 'the full page has the embed layout');
  assert.ok(await page.locator('header.masthead').isVisible(), 'the full page has no masthead');
}

/**
 * Clicks "Open the full page ↗" in the embed bar: where the frame allows popups, checks the page
 * it opens; where it does not, checks the message gives the address, and opens that address.
 */
async function openFullPage(session, frame, kind, organisation, view) {
  const button = frame.locator('.embed-bar').getByRole('button', { name: 'Open the full page ↗' });
  if (kind.popups) {
    const [popup] = await Promise.all([session.context.waitForEvent('page', { timeout: 10_000 }), button.click()]);
    await popup.waitForLoadState('load');
    await assertSharedFullPage(popup, organisation, view);
    await popup.close();
    return;
  }
  const pagesBefore = session.context.pages().length;
  await button.click();
  const notice = messageNotice(frame);
  await notice.filter({ hasText: 'Copy this address into a new tab to open the full page:' }).waitFor({ state: 'visible' });
  const address = /open the full page: (\S+)\s*$/.exec((await notice.locator('p').textContent()).trim())?.[1];
  assert.ok(address, `no address in the message: ${await notice.textContent()}`);
  assert.equal(session.context.pages().length, pagesBefore, 'a page opened although the frame forbids popups');
  const copied = await session.context.newPage();
  await copied.goto(address, { waitUntil: 'load' });
  await assertSharedFullPage(copied, organisation, view);
  await copied.close();
}

/**
 * Clicks "Export as a file" in the frame notice: where the frame allows downloads, a file
 * arrives; in every frame the file's text stays in the page ([data-notice="file-text"]).
 * Checks both hold a valid assessment file.
 */
async function exportFromFrame(session, page, frame, kind, expected) {
  const button = frame.locator('.frame-notice').getByRole('button', { name: 'Export as a file' });
  let downloaded = null;
  if (kind.downloads) {
    downloaded = await captureDownload(page, () => button.click());
    assertAssessmentFile(downloaded.text, expected, `the downloaded ${downloaded.name}`);
  } else {
    await button.click();
  }
  const notice = frame.locator('[data-notice="file-text"]');
  await notice.waitFor({ state: 'visible' });
  const name = /“(koom-readiness-[^”]+\.json)”/.exec(await notice.textContent())?.[1];
  assert.ok(name, `the file-text notice names no file: ${await notice.textContent()}`);
  await notice.locator('summary', { hasText: "Show the file's text" }).click();
  const textarea = frame.locator('textarea#file-text');
  await textarea.waitFor({ state: 'visible' });
  const text = await textarea.inputValue();
  assertAssessmentFile(text, expected, `the file's text in the frame (${name})`);
  if (downloaded) {
    assert.equal(name, downloaded.name, 'the file-text notice names another file than the download');
    assert.equal(text, downloaded.text, 'the file-text notice holds another text than the download');
  } else {
    assert.deepEqual(session.downloads, [], 'a download arrived although the frame forbids downloads');
  }
}

/**
 * What is wrong on screen in the frame: that it scrolls sideways (naming the elements wider
 * than it), and axe-core's violations. Returns the problems, each starting with `what`.
 */
async function layoutAndAxeProblems(frame, what) {
  const problems = [];
  const overflow = await frame.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && el.getClientRects().length)
      .filter((el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= width + 1)
      .map((el) => `<${el.tagName.toLowerCase()}${el.className ? ` class="${el.className}"` : ''}> ${el.textContent.trim().slice(0, 80)}…`);
    return { by: document.documentElement.scrollWidth - width, wide };
  });
  if (overflow.by > 0) problems.push(`${what}: the frame scrolls sideways by ${overflow.by}px; wider than the frame:\n    ${overflow.wide.join('\n    ')}`);
  const violations = await runAxe(frame);
  if (violations.length) problems.push(`${what}: axe-core violations:\n${formatViolations(violations)}`);
  return problems;
}

// ---- 1–3. Each frame kind, at each width ------------------------------------------------------

for (const kind of KINDS) {
  describe(`in ${kind.name}`, () => {
    const expectedOrigin = () => (kind.opaque ? 'null' : appServer.origin);
    const allowConsole = kind.popups ? [] : [POPUP_BLOCKED];

    for (const width of WIDTHS) {
      test(`renders the embed layout, fits the frame to its content and says where answers are kept (${width.name})`, { timeout: TIMEOUT }, async () => {
        await withSession(hostPageFor(kind), { contextOptions: width.contextOptions }, async (session) => {
          const { page } = session;
          const frame = await appFrame(page);
          await waitForAppIn(frame);

          // How the app came: the module and its .wasm, or (opaque origin) the one classic script.
          const fromApp = (pattern) => session.requests.filter((r) => r.url.startsWith(appServer.origin) && pattern.test(new URL(r.url).pathname));
          if (kind.opaque) {
            assert.equal(fromApp(/^\/koom-opaque-[0-9a-f]+\.js$/).length, 1, 'the opaque-origin frame did not load koom-opaque-<hash>.js');
            assert.deepEqual(fromApp(/_bg\.wasm$|^\/koom-readiness-|^\/app-/), [], 'the opaque-origin frame asked for the module, the .wasm or a part');
          } else {
            assert.equal(fromApp(/_bg\.wasm$/).length, 1, 'the frame did not load the .wasm');
            assert.deepEqual(fromApp(/^\/koom-opaque-/), [], 'a frame with its own origin loaded the opaque-origin build');
          }

          // The embed layout: no masthead or footer, the bar with the way out, no snippet.
          await frame.locator('body.embed').waitFor({ state: 'attached' });
          assert.equal(await frame.locator('header.masthead[hidden]').count(), 1, 'the masthead is not hidden');
          assert.ok(!(await frame.locator('header.masthead').isVisible()), 'the masthead is visible');
          assert.ok(!(await frame.locator('footer.site-footer').isVisible()), 'the footer is visible');
          const bar = frame.locator('.embed-bar');
          await bar.getByRole('button', { name: 'Open the full page ↗' }).waitFor({ state: 'visible' });
          assert.equal(await bar.locator('.embed-stage').count(), 0, 'the embed bar shows a stage with nothing open');
          assert.equal(await frame.locator('details.embed-snippet').count(), 0, 'the embedded page offers the embed snippet');

          // Where answers are kept: what the browser allows this frame, in the app's words.
          assert.equal(
            await storageUsable(frame),
            kind.storage === 'partitioned',
            kind.storage === 'partitioned'
              ? 'the browser refuses storage to the frame (is third-party storage partitioning on?)'
              : 'the opaque-origin frame may use localStorage',
          );
          await assertFrameNotice(frame, kind.storage);

          // The height: the message arrives, the host applies it, the frame shows everything.
          const height = await fittedHeight(page, frame, expectedOrigin(), 'the start screen');
          assert.ok(height > 400, `the reported height ${height}px is not the start screen's (the frame started at 400px)`);
        });
      });

      test(`answers change the verdict, the frame grows, and the full page and the file get out (${width.name})`, { timeout: TIMEOUT }, async () => {
        await withSession(hostPageFor(kind), { contextOptions: width.contextOptions, allowConsole }, async (session) => {
          const { page } = session;
          const frame = await appFrame(page);
          await waitForAppIn(frame);
          const startHeight = await fittedHeight(page, frame, expectedOrigin(), 'the start screen');

          const organisation = `Framed Fixtures ${kind.opaque ? 'Opaque' : 'Ltd'}`;
          await startInFrame(session, frame, organisation);
          const stage = frame.locator('.embed-bar .embed-stage');
          await stage.waitFor({ state: 'visible' });
          const stageBefore = await stage.getAttribute('data-stage');
          const verdictBefore = await frame.locator('aside#verdict').getAttribute('data-verdict');
          assert.notEqual(verdictBefore, 'stop', 'a fresh assessment is already at Stop');
          assert.equal(stageBefore, verdictBefore, 'the embed bar shows another stage than the verdict');
          await fittedHeight(page, frame, expectedOrigin(), 'the preconditions view', { above: startHeight });

          // A red flag answered Yes stops the deployment: the verdict and the bar say so.
          const { redFlags } = readinessModel();
          const question = redFlags[0].question;
          await openView(frame, 'red-flags');
          await answer(frame, question, 'yes');
          await waitForVerdict(frame, 'stop');
          await frame.locator('.embed-bar .embed-stage[data-stage="stop"]', { hasText: STOP_HEADLINE }).waitFor();
          await frame.locator('.embed-bar').getByRole('button', { name: 'Why?' }).click();
          await pollUntil(() => frame.evaluate(() => document.activeElement?.id), (id) => id === 'verdict', '“Why?” moves focus to the verdict');

          // Saved where the notice said.
          await assertFrameNotice(frame, kind.storage);
          if (kind.storage === 'memory') {
            await frame.locator('.save-status', { hasText: 'memory only' }).first().waitFor();
          } else {
            await frame.locator('.save-status[data-save="saved"]').first().waitFor();
            const saved = await pollUntil(
              () => frame.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('koom-readiness/assessment/'))),
              (keys) => keys.length === 1,
              'the assessment saved in the frame',
            );
            // "for this wiki page's site only: the full page … do(es) not see them".
            const full = await session.context.newPage();
            await full.goto(appServer.url, { waitUntil: 'load' });
            await full.locator('#org-name').waitFor();
            const seen = await full.evaluate((key) => localStorage.getItem(key), saved[0]);
            assert.equal(seen, null, 'the full page sees the answers saved in the frame');
            assert.equal(await full.locator('li.library-entry').count(), 0, "the full page's library lists the frame's assessment");
            await full.close();
          }

          // The report is longer than the red flags: the frame grows; printing may be blocked.
          const flagsHeight = await fittedHeight(page, frame, expectedOrigin(), 'the red-flags view');
          await openView(frame, 'report');
          await frame.locator('.frame-print-note').waitFor({ state: 'visible' });
          await fittedHeight(page, frame, expectedOrigin(), 'the report', { above: flagsHeight });

          // A share sheet needs the wiki's leave, which a frame cannot ask: no "Share…" here,
          // even in a browser that has one; the link and its QR code still are.
          await frame.evaluate(() => {
            navigator.share = () => Promise.resolve();
            navigator.canShare = () => true;
          });
          const panel = frame.locator('section.share-panel');
          await panel.getByRole('button', { name: 'Make the link' }).click();
          await panel.locator('input#share-url').waitFor();
          assert.equal(await panel.getByRole('button', { name: 'Share…' }).count(), 0, 'no share sheet offered in a frame');
          assert.equal(await panel.getByRole('button', { name: 'Show as a QR code' }).count(), 1);

          const expected = { organisation, question, value: 'yes' };
          await openFullPage(session, frame, kind, organisation, 'report');
          await exportFromFrame(session, page, frame, kind, expected);
        });
      });

      test(`axe-core finds nothing and nothing is wider than the frame, with every notice the frame adds (${width.name})`, { timeout: TIMEOUT }, async () => {
        await withSession(hostPageFor(kind), { contextOptions: width.contextOptions, allowConsole }, async (session) => {
          const { page } = session;
          const frame = await appFrame(page);
          await waitForAppIn(frame);
          await fittedHeight(page, frame, expectedOrigin(), 'the start screen');
          // Every problem is listed before the test fails.
          const problems = await layoutAndAxeProblems(frame, 'the start screen');

          // The example's report (the example opens by a plain button in every frame), with the
          // way out and the file export tried: the notices they leave are on screen.
          await frame.getByRole('button', { name: 'Open the Raccoons Inc. example' }).click();
          await waitForView(frame, 'preconditions');
          await openView(frame, 'report');
          await frame.locator('.frame-print-note').waitFor({ state: 'visible' });
          const open = frame.locator('.embed-bar').getByRole('button', { name: 'Open the full page ↗' });
          if (kind.popups) {
            const [popup] = await Promise.all([session.context.waitForEvent('page', { timeout: 10_000 }), open.click()]);
            // Closed while it still loads, the popup could leave the host page's input
            // elsewhere (about 1 run in 40 on a phone, the next click never reached the frame).
            await popup.waitForLoadState('load');
            await popup.close();
            await page.bringToFront();
          } else {
            await open.click();
            await messageNotice(frame).filter({ hasText: 'Copy this address into a new tab' }).waitFor({ state: 'visible' });
          }
          // The way out may leave a notice that grows the frame: click once the frame has its
          // new height, so the click lands on the button and not where it was a moment ago.
          await fittedHeight(page, frame, expectedOrigin(), 'after the way out');
          const exportFile = frame.getByRole('button', { name: 'Export file (JSON)' });
          const fileText = frame.locator('[data-notice="file-text"]');
          if (kind.downloads) await captureDownload(page, () => exportFile.click());
          else await exportFile.click();
          await fileText.locator('summary').click();
          await fileText.locator('textarea#file-text').waitFor({ state: 'visible' });
          await fittedHeight(page, frame, expectedOrigin(), "the example's report with the notices");
          problems.push(...(await layoutAndAxeProblems(frame, "the example's report, with the frame's notices")));
          assert.deepEqual(problems, [], `in the frame:\n${problems.join('\n')}`);
        });
      });
    }
  });
}

describe('the frame follows its content both ways', () => {
  test('back on the short start screen after the long report, the frame shrinks to the content (desktop, plain frame)', { timeout: TIMEOUT }, async () => {
    await withSession(hostPageFor(KINDS[0]), {}, async (session) => {
      const { page } = session;
      const frame = await appFrame(page);
      await waitForAppIn(frame);
      const origin = appServer.origin;
      const startHeight = await fittedHeight(page, frame, origin, 'the start screen');
      await startInFrame(session, frame, 'Shrinking Violets');
      await openView(frame, 'report');
      const reportHeight = await fittedHeight(page, frame, origin, 'the report', { above: startHeight });
      await frame.locator('.embed-bar').getByRole('button', { name: 'KOOM Readiness' }).click();
      await frame.locator('#org-name').waitFor({ state: 'visible' });
      // The start screen now lists the assessment too, but it is far shorter than the report.
      const content = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().bottom + window.scrollY));
      assert.ok(content < reportHeight / 2, `the start screen (${content}px) is not much shorter than the report (${reportHeight}px)`);
      const state = await pollUntil(
        () => heightState(page, frame, origin),
        (s) => Math.abs(s.iframe - content) <= 2 && Math.abs(s.reported - content) <= 2,
        `the frame around the start screen (content ${content}px tall) after the report (${reportHeight}px)`,
        5_000,
      ).catch((error) => error);
      if (state instanceof Error) {
        const now = await heightState(page, frame, origin);
        assert.fail(
          `the frame stays ${now.iframe}px tall (last height message ${now.reported}px, document scrollHeight ${now.content}px) ` +
            `around a start screen whose content ends at ${content}px: ${Math.round(now.iframe - content)}px of blank frame under it`,
        );
      }
    });
  });
});

describe('a browser that refuses storage to third-party frames', () => {
  let refusing;
  before(async () => {
    // Playwright's defaults: no third-party storage partitioning, so a cross-site frame gets
    // no storage at all (as in a browser set to block third-party cookies and site data).
    refusing = await launchChromium();
  });
  after(async () => {
    await refusing?.close();
  });

  test('a plain cross-site frame says answers stay in memory, and answering still works', { timeout: TIMEOUT }, async () => {
    await withSession(hostPageFor(KINDS[0]), { onBrowser: refusing }, async (session) => {
      const { page } = session;
      const frame = await appFrame(page);
      await waitForAppIn(frame);
      assert.equal(await storageUsable(frame), false, 'this browser gives the cross-site frame storage after all');
      await assertFrameNotice(frame, 'memory');
      await fittedHeight(page, frame, appServer.origin, 'the start screen');
      await startInFrame(session, frame, 'Forgetful Freight');
      const { redFlags } = readinessModel();
      await openView(frame, 'red-flags');
      await answer(frame, redFlags[0].question, 'yes');
      await waitForVerdict(frame, 'stop');
      await frame.locator('.save-status', { hasText: 'memory only' }).first().waitFor();
    });
  });
});

describe('in an opaque-origin frame, an imported assessment', () => {
  test('is answered in memory, and its file and its address still get out (desktop)', { timeout: TIMEOUT }, async () => {
    // A file made on the full page (its own session).
    const organisation = 'Imported Into Opaque';
    const made = await openSession(appServer.url);
    let fileText;
    try {
      await made.page.locator('#org-name').waitFor({ state: 'visible', timeout: 15_000 });
      await startInFrame(made, made.page.mainFrame(), organisation);
      await openView(made.page, 'report');
      ({ text: fileText } = await captureDownload(made.page, () => made.page.getByRole('button', { name: 'Export file (JSON)' }).click()));
      assertSessionClean(made);
    } finally {
      await made.close();
    }

    const kind = KINDS.find((k) => k.opaque);
    await withSession(hostPageFor(kind), { allowConsole: [POPUP_BLOCKED] }, async (session) => {
      const { page } = session;
      const frame = await appFrame(page);
      await waitForAppIn(frame);
      await frame.locator('#import-file').setInputFiles({ name: 'opaque.json', mimeType: 'application/json', buffer: Buffer.from(fileText) });
      await messageNotice(frame).filter({ hasText: 'Imported “opaque.json”, in memory only' }).waitFor();
      await waitForView(frame, 'preconditions');
      await frame.locator('nav[aria-label="Assessment sections"] .nav-org', { hasText: organisation }).waitFor();
      const { redFlags } = readinessModel();
      const question = redFlags[0].question;
      await openView(frame, 'red-flags');
      await answer(frame, question, 'yes');
      await waitForVerdict(frame, 'stop');
      await frame.locator('.embed-bar .embed-stage[data-stage="stop"]').waitFor();
      await frame.locator('.save-status', { hasText: 'memory only' }).first().waitFor();
      await assertFrameNotice(frame, 'memory');
      await openView(frame, 'report');
      await fittedHeight(page, frame, 'null', 'the report');
      await openFullPage(session, frame, kind, organisation, 'report');
      await exportFromFrame(session, page, frame, kind, { organisation, question, value: 'yes' });
    });
  });
});

// ---- 4. The snippets from the start screen ------------------------------------------------------

describe('the embed snippets', () => {
  let snippets;
  /** The three snippets the start screen offers: { sameOrigin, opaque, noScript }. */
  async function offered() {
    if (snippets) return snippets;
    await withSession(appServer.url, {}, async ({ page }) => {
      await page.locator('#org-name').waitFor({ state: 'visible', timeout: 15_000 });
      const details = page.locator('details.embed-snippet');
      await details.locator('summary').click();
      const read = (id) => details.locator(`textarea#${id}`).inputValue();
      snippets = { sameOrigin: await read('embed-snippet'), opaque: await read('embed-snippet-opaque'), noScript: await read('embed-snippet-static') };
      for (const name of ['with saved answers', 'without allow-same-origin', 'without a script']) {
        await details.getByRole('button', { name: `Copy the snippet: ${name}`, exact: true }).waitFor({ state: 'visible' });
      }
    });
    return snippets;
  }
  const sandboxOf = (snippet) => /sandbox="([^"]*)"/.exec(snippet)?.[1].split(/\s+/) ?? [];
  /** A wiki page with `snippet`, and a recorder of every message the page receives. */
  const pasted = (snippet) =>
    hostServer.page(wikiPage(`<script>window.__koomMessages = []; addEventListener("message", function (e) { window.__koomMessages.push(e.data); });</script>\n${snippet}`));

  /** Waits until the snippet's frame is as tall as its content, and taller than `above`. */
  const fits = (page, frame, what, above) =>
    pollUntil(
      async () => ({
        iframe: await page.evaluate(() => document.querySelector('iframe').getBoundingClientRect().height),
        content: await frame.evaluate(() => document.documentElement.scrollHeight),
      }),
      (s) => Math.abs(s.iframe - s.content) <= 2 && s.iframe > above,
      `${what}: the snippet's frame is not as tall as its content (taller than ${above}px)`,
      10_000,
    );

  /**
   * "Why?" in the embed bar: the host receives the scroll message for the verdict panel and
   * scrolls the page so that the panel is in view; focus is on it.
   */
  async function whyScrollsTheHost(page, frame) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.evaluate(() => {
      window.__koomMessages.length = 0;
    });
    await frame.locator('.embed-bar').getByRole('button', { name: 'Why?' }).click();
    await frame.waitForFunction(() => document.activeElement?.id === 'verdict');
    const message = await pollUntil(
      () => page.evaluate(() => window.__koomMessages.find((m) => m && m.type === 'koom-readiness:scroll') ?? null),
      Boolean,
      'the scroll message',
    );
    const panel = await frame.evaluate(() => {
      const box = document.getElementById('verdict').getBoundingClientRect();
      return { top: box.top + window.scrollY, height: box.height };
    });
    assert.ok(Math.abs(message.top - panel.top) <= 2 && Math.abs(message.height - panel.height) <= 2, `the scroll message ${JSON.stringify(message)} is not the verdict panel ${JSON.stringify(panel)}`);
    // In view (centred, or as far as the page scrolls); a panel taller than the window covers it.
    await pollUntil(
      () =>
        page.evaluate((p) => {
          const top = document.querySelector('iframe').getBoundingClientRect().top + p.top;
          return { top, bottom: top + p.height, viewport: window.innerHeight, scrolled: window.scrollY };
        }, panel),
      (s) => s.scrolled > 0 && (s.bottom - s.top <= s.viewport ? s.top >= -1 && s.bottom <= s.viewport + 1 : s.top <= 1 && s.bottom >= s.viewport - 1),
      'the verdict panel centred in the host page’s view',
    );
  }

  for (const width of WIDTHS) {
    test(`with saved answers, pasted as it is into a wiki page, embeds the app, which grows with its content (${width.name})`, { timeout: TIMEOUT }, async () => {
      const { sameOrigin: snippet } = await offered();
      assert.ok(snippet.includes(`<iframe src="${appServer.url}?embed=1"`), `the snippet does not frame ${appServer.url}?embed=1:\n${snippet}`);
      assert.ok(snippet.includes(`event.origin !== "${appServer.origin}"`), `the snippet does not check the sender's origin:\n${snippet}`);
      assert.ok(snippet.includes('frame.contentWindow !== event.source'), `the snippet does not check the sending frame:\n${snippet}`);
      const sandbox = sandboxOf(snippet);
      for (const flag of ['allow-scripts', 'allow-same-origin', 'allow-popups', 'allow-downloads']) {
        assert.ok(sandbox.includes(flag), `the snippet's sandbox lacks ${flag}: ${sandbox.join(' ')}`);
      }
      // Nothing in the app submits a form: the snippet grants no more than the app uses.
      assert.ok(!sandbox.includes('allow-forms'), `the snippet's sandbox grants allow-forms, which nothing uses: ${sandbox.join(' ')}`);

      await withSession(pasted(snippet), { contextOptions: width.contextOptions }, async ({ page }) => {
        const frame = await appFrame(page, 'iframe[title="KOOM Readiness"]');
        await waitForAppIn(frame);
        await frame.locator('body.embed').waitFor({ state: 'attached' });
        await assertFrameNotice(frame, 'partitioned');
        // The snippet's frame starts at 900px; it takes the start screen's height, then grows.
        const start = await fits(page, frame, 'the start screen', 0);
        await frame.getByRole('button', { name: 'Open the Raccoons Inc. example' }).click();
        await waitForView(frame, 'preconditions');
        const example = await fits(page, frame, 'the example', Math.max(900, start.iframe));
        await whyScrollsTheHost(page, frame);
        await openView(frame, 'report');
        await fits(page, frame, 'the example report', example.iframe);
      });
    });
  }

  test('without allow-same-origin (an opaque origin): the frame still grows, and "Why?" scrolls the host (desktop)', { timeout: TIMEOUT }, async () => {
    const { opaque: snippet } = await offered();
    const sandbox = sandboxOf(snippet);
    assert.ok(sandbox.includes('allow-scripts') && !sandbox.includes('allow-same-origin'), `the snippet's sandbox: ${sandbox.join(' ')}`);
    assert.ok(snippet.includes('event.origin !== "null"') && snippet.includes('frame.contentWindow !== event.source'), `the snippet does not know its frame by the sending window:\n${snippet}`);
    await withSession(pasted(snippet), {}, async ({ page }) => {
      const frame = await appFrame(page, 'iframe[title="KOOM Readiness"]');
      await waitForAppIn(frame);
      await assertFrameNotice(frame, 'memory');
      const start = await fits(page, frame, 'the start screen', 0);
      await frame.getByRole('button', { name: 'Open the Raccoons Inc. example' }).click();
      await waitForView(frame, 'preconditions');
      await fits(page, frame, 'the example', Math.max(900, start.iframe));
      await whyScrollsTheHost(page, frame);
    });
  });

  test('without a script: a frame of fixed height that scrolls inside, and a link to the full page (desktop)', { timeout: TIMEOUT }, async () => {
    const { noScript: snippet } = await offered();
    assert.ok(!snippet.includes('<script'), `the snippet has a script:\n${snippet}`);
    await withSession(pasted(snippet), {}, async ({ page }) => {
      const frame = await appFrame(page, 'iframe[title="KOOM Readiness"]');
      await waitForAppIn(frame);
      await assertFrameNotice(frame, 'partitioned');
      const link = page.getByRole('link', { name: 'Open KOOM Readiness on its own page' });
      assert.equal(await link.getAttribute('href'), appServer.url);
      const fixed = await page.evaluate(() => document.querySelector('iframe').getBoundingClientRect().height);
      await frame.getByRole('button', { name: 'Open the Raccoons Inc. example' }).click();
      await waitForView(frame, 'preconditions');
      await openView(frame, 'report');
      const after = await page.evaluate(() => document.querySelector('iframe').getBoundingClientRect().height);
      assert.equal(after, fixed, 'the frame without a script changed its height');
      const inner = await frame.evaluate(() => document.documentElement.scrollHeight - document.documentElement.clientHeight);
      assert.ok(inner > 0, 'the long report does not scroll inside the fixed frame');
    });
  });
});

// ---- 5. Never a blank page ----------------------------------------------------------------------

describe('never a blank page', () => {
  /** Waits for index.html's first screen to say `reason` in #boot-status; checks it is not blank. */
  async function assertBootProblem(frame, reason) {
    const status = frame.locator('#boot-status.boot-problem');
    await status.waitFor({ state: 'visible', timeout: 15_000 });
    const text = (await status.textContent()).trim();
    assert.match(text, reason);
    assert.ok(await frame.locator('#boot h1', { hasText: 'KOOM Readiness' }).isVisible(), 'the first screen has no visible title');
    const body = (await frame.locator('body').innerText()).trim();
    assert.ok(body.includes(text), 'the reason is not in the visible text of the page');
  }

  const couldNotStart = /^KOOM Readiness could not start \(.+\)\. Reload the page\. If it is embedded in a wiki, .*open the tool on its own page/;

  test('the .wasm refused: the first screen says the app could not start, and what to do', { timeout: TIMEOUT }, async () => {
    const session = await openSession(appServer.url, { setup: (context) => context.route('**/*_bg.wasm', (route) => route.abort()) });
    try {
      await assertBootProblem(session.page, couldNotStart);
      assert.deepEqual(session.cspViolations, [], 'Content-Security-Policy violations');
    } finally {
      await session.close();
    }
  });

  test('the .wasm refused inside a wiki frame: the frame says why', { timeout: TIMEOUT }, async () => {
    const session = await openSession(hostPageFor(KINDS[0]), { setup: (context) => context.route('**/*_bg.wasm', (route) => route.abort()) });
    try {
      await assertBootProblem(await appFrame(session.page), couldNotStart);
    } finally {
      await session.close();
    }
  });

  test('the .wasm refused before the module arrives: the reason, and no uncaught error', { timeout: TIMEOUT }, async () => {
    // boot.js asks for the module and the .wasm at once; here the .wasm fails first (as when
    // a proxy refuses .wasm files), while the module takes a little longer.
    const session = await openSession(appServer.url, {
      setup: async (context) => {
        await context.route('**/koom-readiness-*.js', async (route) => {
          await new Promise((resolveDelay) => setTimeout(resolveDelay, 500));
          await route.continue();
        });
        await context.route('**/*_bg.wasm', (route) => route.abort());
      },
    });
    try {
      await assertBootProblem(session.page, couldNotStart);
      assert.deepEqual(session.pageErrors, [], 'uncaught errors while the page says why it could not start');
    } finally {
      await session.close();
    }
  });

  test('the opaque-origin build refused in a sandbox="allow-scripts" frame: the frame says why', { timeout: TIMEOUT }, async () => {
    const kind = KINDS.find((k) => k.opaque);
    const session = await openSession(hostPageFor(kind), { setup: (context) => context.route('**/koom-opaque-*.js', (route) => route.abort()) });
    try {
      await assertBootProblem(await appFrame(session.page), /^KOOM Readiness could not load its files in this frame\. Reload the page\. If it still does not start, open the tool on its own page, or ask the wiki's administrators to add allow-same-origin to the frame's sandbox\.$/);
      assert.deepEqual(session.pageErrors, [], 'uncaught errors');
    } finally {
      await session.close();
    }
  });

  test('a browser without WebAssembly: the first screen says so', { timeout: TIMEOUT }, async () => {
    const session = await openSession(appServer.url, {
      setup: (context) =>
        context.addInitScript(() => {
          delete window.WebAssembly;
        }),
    });
    try {
      await assertBootProblem(session.page, /^This browser cannot run KOOM Readiness: it has no WebAssembly\. Open the page in a current browser/);
      assert.deepEqual(
        session.requests.filter((r) => /\.wasm$|koom-readiness-.*\.js$/.test(r.url)),
        [],
        'the app was requested although it cannot run',
      );
      assertSessionClean(session);
    } finally {
      await session.close();
    }
  });

  test('JavaScript turned off: the noscript reason and the static first screen are visible', { timeout: TIMEOUT }, async () => {
    const session = await openSession(appServer.url, { contextOptions: { viewport: DESKTOP, javaScriptEnabled: false } });
    try {
      const { page } = session;
      // (Playwright's text selectors skip <noscript>; CSS reaches its content, parsed as HTML here.)
      const reason = page.locator('noscript p.boot-problem');
      await reason.waitFor({ state: 'visible' });
      assert.match((await reason.textContent()).trim(), /^KOOM Readiness runs entirely in your browser and needs JavaScript and WebAssembly, which are turned off here\./);
      assert.ok((await page.locator('body').innerText()).includes('needs JavaScript and WebAssembly'), 'the reason is not in the visible text');
      assert.ok(await page.getByRole('heading', { level: 1, name: 'KOOM Readiness' }).isVisible(), 'no visible title');
      const start = page.getByRole('button', { name: 'Start an assessment', includeHidden: true });
      assert.ok(await start.isVisible(), 'the first screen has no visible "Start an assessment"');
      assert.ok(await start.isDisabled(), 'the static "Start an assessment" is not disabled');
      assertSessionClean(session);
    } finally {
      await session.close();
    }
  });

  test('a start that never finishes: after 20 s the first screen says it is taking long', { timeout: TIMEOUT }, async () => {
    const session = await openSession(appServer.url, {
      setup: async (context) => {
        await context.clock.install();
        // The .wasm never arrives (nor fails).
        await context.route('**/*_bg.wasm', () => {});
      },
    });
    try {
      const { page } = session;
      const status = page.locator('#boot-status');
      assert.equal((await status.textContent()).trim(), 'Loading the checklist…');
      await page.clock.fastForward(20_500);
      await assertBootProblem(page, /^KOOM Readiness is taking long to start\. If nothing happens, reload the page\.$/);
      assert.deepEqual(session.pageErrors, [], 'uncaught errors');
    } finally {
      await session.close();
    }
  });
});

// ---- 6. The Content-Security-Policy -------------------------------------------------------------

describe('Content-Security-Policy', () => {
  test('is strict: the boot script by its hash, WebAssembly, nothing inline or from elsewhere', { timeout: TIMEOUT }, async () => {
    const html = readFileSync(join(distDir(), 'index.html'), 'utf8');
    const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/g)];
    assert.equal(metas.length, 1, 'index.html should have one CSP <meta>');
    const directives = Object.fromEntries(
      metas[0][1]
        .split(';')
        .map((part) => part.trim().split(/\s+/))
        .filter(([name]) => name)
        .map(([name, ...values]) => [name, values]),
    );
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 1, 'index.html should have exactly one script (boot.js, inline)');
    assert.equal(scripts[0][1].trim(), '', 'the boot script should be inline, without attributes');
    const hash = `'sha256-${createHash('sha256').update(scripts[0][2]).digest('base64')}'`;
    // The module boot.js inserts to start the app, allowed by its hash; what the two load, by
    // 'strict-dynamic' ('self' only for browsers without it).
    // (boot.js is minified: the module is the one string literal that begins with an import,
    // in whichever quotes the minifier chose.)
    const literal = /("import init from (?:[^"\\]|\\.)*"|'import init from (?:[^'\\]|\\.)*')/.exec(scripts[0][2])?.[1];
    const start = literal ? runInNewContext(literal) : null;
    assert.match(start ?? '', /^import init from "\.\/app-[0-9a-f]+\/koom-readiness\.js";\n/, 'the start module');
    const startHash = `'sha256-${createHash('sha256').update(start).digest('base64')}'`;
    assert.deepEqual(directives['script-src'], ["'self'", "'wasm-unsafe-eval'", hash, startHash, "'strict-dynamic'"], 'script-src');
    for (const name of ['default-src', 'connect-src', 'style-src', 'font-src', 'worker-src', 'manifest-src']) assert.deepEqual(directives[name], ["'self'"], name);
    assert.deepEqual(directives['object-src'], ["'none'"], 'object-src');
    assert.deepEqual(directives['base-uri'], ["'none'"], 'base-uri');
    for (const [name, values] of Object.entries(directives)) {
      for (const value of values) {
        assert.ok(!/^'unsafe-(inline|eval|hashes)'$|^\*$|^https?:|^wss?:|^blob:/.test(value), `${name} allows ${value}`);
      }
    }
  });

  // The loader asks for the .wasm once the first paint is reported and for the module once the
  // largest paint is (so after the load event, by design), the module its part loader; once each. Then, at
  // idle, the later parts, once each; and nothing else after load.
  const APP_FILE = /\/app-[0-9a-f]+\/(koom-readiness(_bg\.wasm|\.js)|__wasm_split\.js)$/;
  const notAppFile = (request) => !APP_FILE.test(new URL(request.url).pathname) && !isLaterPart(request);
  const assertAppFilesOnce = (session) => {
    const files = session.requests.filter((request) => APP_FILE.test(new URL(request.url).pathname)).map((request) => new URL(request.url).pathname);
    assert.equal(files.length, 3, `the app's files were not each asked for once: ${files.join(', ')}`);
    assert.equal(new Set(files).size, 3, `the app's files were not each asked for once: ${files.join(', ')}`);
    const parts = session.requests.filter(isLaterPart).map((request) => new URL(request.url).pathname);
    assert.equal(parts.length, laterParts().length, `the later parts were not each asked for once: ${parts.join(', ')}`);
    assert.equal(new Set(parts).size, parts.length, `a later part was asked for twice: ${parts.join(', ')}`);
  };

  test('a whole journey breaks no rule of it, and nothing is requested after load', { timeout: TIMEOUT }, async () => {
    const session = await openSession(appServer.url);
    let link;
    try {
      const { page } = session;
      await page.locator('#org-name').waitFor({ state: 'visible', timeout: 15_000 });
      const { preconditions, redFlags } = readinessModel();
      await startInFrame(session, page.mainFrame(), 'Policed Parcels');
      await answer(page, preconditions[0].id, preconditions[0].healthy);
      await openView(page, 'red-flags');
      await answer(page, redFlags[0].question, 'yes');
      await waitForVerdict(page, 'stop');
      await openView(page, 'report');
      const panel = page.locator('section.share-panel');
      await panel.getByRole('button', { name: 'Make the link' }).click();
      link = await pollUntil(() => page.locator('input#share-url').inputValue(), (value) => value.includes('#/s/'), 'the share link');
      await partsFetched(session);
      assertSessionClean(session);
      assert.deepEqual(session.requestsAfterLoad(notAppFile), [], 'requests after load');
      assertAppFilesOnce(session);

      // The listener does see a violation (so its silence above means something): an inline
      // event handler is refused. (A <script> a running script inserts is trusted by
      // 'strict-dynamic', as the loader's are, so it cannot show one; eval cannot be tried from
      // here: the debugging protocol's evaluations are allowed eval whatever the policy; the
      // <meta> test covers it.)
      const ran = await page.evaluate(() => {
        const target = document.createElement('div');
        target.setAttribute('onclick', 'window.__inlineRan = true;');
        document.body.append(target);
        target.click();
        target.remove();
        return window.__inlineRan === true;
      });
      assert.equal(ran, false, 'an inline event handler ran');
      await pollUntil(
        () => session.cspViolations.map((v) => v.directive),
        (directives) => directives.includes('script-src-attr'),
        'the securitypolicyviolation event of the inline event handler',
      );
    } finally {
      await session.close();
    }

    // The link, opened in another browser profile: no violation, nothing after load.
    const opened = await openSession(link);
    try {
      const { page } = opened;
      await page.locator('[data-opened="shared"]').waitFor({ state: 'visible', timeout: 15_000 });
      await waitForVerdict(page, 'stop');
      await openView(page, 'preconditions');
      await partsFetched(opened);
      assertSessionClean(opened);
      assert.deepEqual(opened.requestsAfterLoad(notAppFile), [], 'requests after load of the share link');
      assertAppFilesOnce(opened);
    } finally {
      await opened.close();
    }
  });
});
