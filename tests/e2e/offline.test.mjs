// Offline and installable: the service worker (boot/service-worker.js, written into dist/ by
// scripts/finish-dist.mjs and registered by boot/boot.js), the web app manifest, the offer of a
// new version, and the offline copy (one HTML file that runs from file://).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { answer, captureDownload, openView, radio, readinessModel, startAssessment } from './flows.mjs';
import { DESKTOP, assertClean, distDir, launchChromium, openApp, partsFetched, startStaticServer } from './support.mjs';

const TIMEOUT = 90_000;
const WITH_WORKERS = { contextOptions: { viewport: DESKTOP, serviceWorkers: 'allow' } };

let browser;
const scratch = mkdtempSync(join(tmpdir(), 'koom-offline-'));
before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** The files the built worker precaches, read from dist/service-worker.js. */
function precached(dir = distDir()) {
  const source = readFileSync(join(dir, 'service-worker.js'), 'utf8');
  const files = JSON.parse(/var FILES = (\[[^\]]*\]);/.exec(source)[1]);
  const build = JSON.parse(/var BUILD = ("[^"]*");/.exec(source)[1]);
  return { files, build };
}

/** Waits until the page's worker is active (its files are cached then) and says what it holds. */
async function workerReady(page) {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const names = await caches.keys();
    const entries = await Promise.all(names.map(async (name) => (await (await caches.open(name)).keys()).map((r) => r.url)));
    return { scope: registration.scope, state: registration.active.state, caches: names, cached: entries.flat() };
  });
}

/** The first precondition question and its healthy answer. */
const firstQuestion = () => readinessModel().preconditions[0];

async function assertAppRuns(page) {
  await page.locator('h1').first().waitFor({ state: 'visible', timeout: 15_000 });
  await page.waitForFunction(() => !document.getElementById('boot'), null, { timeout: 15_000 });
}

describe('service worker, from /', () => {
  let server;
  before(async () => {
    server = await startStaticServer();
  });
  after(async () => {
    await server?.close();
  });

  test('precaches the build, asks for nothing once set up, and the app reloads offline', { timeout: TIMEOUT }, async () => {
    const app = await openApp(browser, server.url, WITH_WORKERS);
    try {
      const { page } = app;
      const { files, build } = precached();
      assert.ok(files.includes('index.html') && files.some((f) => f.endsWith('_bg.wasm')), `precache list: ${files.join(', ')}`);
      assert.ok(!files.some((f) => /^koom-opaque-/.test(f)), 'the opaque-frame script is precached');
      const ready = await workerReady(page);
      assert.equal(ready.scope, server.url);
      assert.deepEqual(ready.caches, [`koom-readiness-${build}`]);
      assert.deepEqual(
        ready.cached.map((url) => url.slice(server.url.length)).sort(),
        [...files].sort(),
        'the cache holds exactly the precache list',
      );
      assert.equal(await page.locator('link[rel="manifest"]').count(), 1, 'the manifest is linked');
      const manifest = await page.evaluate(async () => (await fetch('manifest.webmanifest')).json());
      assert.equal(manifest.start_url, './');
      for (const icon of manifest.icons) {
        const size = await page.evaluate(async (src) => {
          const image = new Image();
          image.src = src;
          await image.decode();
          return [image.naturalWidth, image.naturalHeight];
        }, icon.src);
        if (icon.sizes !== 'any') assert.equal(size.join('x'), icon.sizes, `${icon.src} decodes at its stated size`);
      }

      // Set up (its later parts fetched at idle), the app asks for nothing more while it is used.
      await partsFetched(app);
      const before = app.requests.length;
      const question = firstQuestion();
      await startAssessment(page, 'Offline Ltd');
      await answer(page, question.id, question.healthy);
      await app.settle();
      assert.deepEqual(app.requests.slice(before).map((r) => r.url), [], 'requests while the app is used');

      await app.context.setOffline(true);
      await page.reload();
      await assertAppRuns(page);
      assert.ok(await radio(page, question.id, question.healthy).isChecked(), 'the answer is there after the offline reload');
      // A view loaded after start-up comes from the cache too.
      await openView(page, 'report');
      await page.locator('main header.page-header #main-heading').waitFor({ timeout: 15_000 });
      assert.equal(await page.locator('.part-missing').count(), 0, 'a later part could not be loaded offline');
      await app.context.setOffline(false);
      assertClean(app);
    } finally {
      await app.close();
    }
  });

  test('registers no worker in embed mode or in a frame', { timeout: TIMEOUT }, async () => {
    const embedded = await openApp(browser, `${server.url}?embed=1`, WITH_WORKERS);
    try {
      await embedded.settle(2_000);
      assert.equal(await embedded.page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
      assert.equal(await embedded.page.locator('link[rel="manifest"]').count(), 0);
      assertClean(embedded);
    } finally {
      await embedded.close();
    }

    const hostDir = mkdtempSync(join(scratch, 'host-'));
    writeFileSync(join(hostDir, 'index.html'), `<!DOCTYPE html><title>Wiki</title><iframe title="KOOM Readiness" src="${server.url}" width="900" height="700"></iframe>`);
    const host = await startStaticServer({ root: hostDir });
    const context = await browser.newContext({ serviceWorkers: 'allow' });
    try {
      const page = await context.newPage();
      await page.goto(host.url);
      const frame = page.frameLocator('iframe');
      await frame.locator('h1').first().waitFor({ state: 'visible', timeout: 15_000 });
      await page.waitForTimeout(2_000);
      const inFrame = page.frames().find((f) => f.url().startsWith(server.url));
      assert.equal(await inFrame.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
      assert.equal(await inFrame.evaluate(() => document.querySelectorAll('link[rel="manifest"]').length), 0);
    } finally {
      await context.close();
      await host.close();
    }
  });
});

describe('service worker, from a sub-path', () => {
  let server;
  before(async () => {
    server = await startStaticServer({ basePath: '/tools/koom/' });
  });
  after(async () => {
    await server?.close();
  });

  test('its scope is the sub-path, and the app reloads offline there', { timeout: TIMEOUT }, async () => {
    const app = await openApp(browser, server.url, WITH_WORKERS);
    try {
      const ready = await workerReady(app.page);
      assert.equal(ready.scope, server.url);
      await app.context.setOffline(true);
      await app.page.reload();
      await assertAppRuns(app.page);
      await app.context.setOffline(false);
      assertClean(app);
    } finally {
      await app.close();
    }
  });
});

describe('a new version', () => {
  let server;
  let next;
  before(async () => {
    // The next version: the same files with another build name in its worker.
    const current = join(scratch, 'current');
    next = join(scratch, 'next');
    cpSync(distDir(), current, { recursive: true });
    cpSync(distDir(), next, { recursive: true });
    const worker = join(next, 'service-worker.js');
    writeFileSync(worker, readFileSync(worker, 'utf8').replace(/var BUILD = "([^"]*)";/, 'var BUILD = "$1next";'));
    server = await startStaticServer({ root: current });
  });
  after(async () => {
    await server?.close();
  });

  test('is offered, and "Reload to update" switches to it keeping the answer just given', { timeout: TIMEOUT }, async () => {
    const app = await openApp(browser, server.url, WITH_WORKERS);
    try {
      const { page } = app;
      await workerReady(page);
      const question = firstQuestion();
      await startAssessment(page, 'Update Ltd');
      assert.equal(await page.locator('[data-notice="update"]').count(), 0, 'an update offered with none deployed');

      server.setRoot(next);
      await page.reload();
      await assertAppRuns(page);
      const offer = page.locator('[data-notice="update"]');
      await offer.waitFor({ state: 'visible', timeout: 15_000 });
      assert.equal(await offer.getAttribute('role'), 'status');

      // An answer given just before: still inside the autosave's delay when the page reloads.
      await answer(page, question.id, question.healthy);
      await Promise.all([page.waitForEvent('load'), offer.getByRole('button', { name: 'Reload to update' }).click()]);
      await assertAppRuns(page);
      assert.ok(await radio(page, question.id, question.healthy).isChecked(), 'the answer given before the update is kept');
      const { build } = precached(next);
      const ready = await workerReady(page);
      assert.deepEqual(ready.caches, [`koom-readiness-${build}`], 'the old build\'s cache is removed');
      assert.equal(await page.locator('[data-notice="update"]').count(), 0, 'the offer stays after the update');
      assertClean(app);
    } finally {
      await app.close();
    }
  });
});

describe('the offline copy', () => {
  let server;
  before(async () => {
    server = await startStaticServer();
  });
  after(async () => {
    await server?.close();
  });

  test('is one HTML file that runs from file://, says where answers are kept, and keeps one', { timeout: TIMEOUT }, async () => {
    const app = await openApp(browser, server.url);
    let file;
    try {
      const download = await captureDownload(app.page, () => app.page.getByRole('link', { name: 'Download an offline copy' }).click());
      assert.equal(download.name, 'koom-readiness-offline.html');
      file = join(scratch, download.name);
      writeFileSync(file, download.text);
      // Its policy allows exactly its own inline scripts and style, by their hashes.
      const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(download.text)[1];
      const directives = Object.fromEntries(policy.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
      const hash = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
      const scripts = [...download.text.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => hash(m[1]));
      const styles = [...download.text.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => hash(m[1]));
      assert.equal(scripts.length, 2, 'the offline copy has its loader and the app inline');
      assert.deepEqual(directives['script-src'], ["'wasm-unsafe-eval'", ...scripts]);
      assert.deepEqual(directives['style-src'], styles);
      assert.deepEqual(directives['default-src'], ["'none'"]);
      assert.ok(!/<(script|link)[^>]*\ssrc=|<link[^>]*stylesheet/.test(download.text), 'the offline copy refers to another file');
      assertClean(app);
    } finally {
      await app.close();
    }

    const context = await browser.newContext({ viewport: DESKTOP });
    const problems = [];
    const requests = [];
    try {
      const page = await context.newPage();
      page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
      page.on('pageerror', (error) => problems.push(String(error)));
      page.on('request', (request) => requests.push(request.url()));
      // The loader has nothing to load here: it must not say, even for a moment, that it could not.
      await page.addInitScript(() => {
        window.__bootProblems = [];
        new MutationObserver(() => {
          const status = document.getElementById('boot-status');
          if (status && status.classList.contains('boot-problem')) window.__bootProblems.push(status.textContent);
        }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      });
      await page.goto(pathToFileURL(file).href);
      await assertAppRuns(page);
      assert.deepEqual(await page.evaluate(() => window.__bootProblems), [], 'the offline copy said it could not load');
      const notice = page.locator('[data-notice="offline-copy"]');
      assert.match(await notice.textContent(), /Answers are kept in this browser/);
      assert.equal(await page.getByRole('link', { name: 'Download an offline copy' }).count(), 0, 'the copy offers to download itself');
      const question = firstQuestion();
      await startAssessment(page, 'Offline Copy Ltd');
      await answer(page, question.id, question.healthy);
      await page.reload();
      await assertAppRuns(page);
      await radio(page, question.id, question.healthy).waitFor({ state: 'attached', timeout: 5_000 });
      assert.ok(await radio(page, question.id, question.healthy).isChecked(), 'the answer is there after a reload of the file');
      assert.deepEqual(problems, [], 'console errors in the offline copy');
      assert.deepEqual(
        requests.filter((url) => !/^(file|data|blob):/.test(url)),
        [],
        'the offline copy asked the network for something',
      );
      const kept = await page.evaluate(() => Object.keys(localStorage).some((key) => key.startsWith('koom-readiness/assessment/')));
      assert.ok(kept, 'the answer was not kept in the browser');
    } finally {
      await context.close();
    }
  });
});
