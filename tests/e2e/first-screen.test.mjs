// The release bundle's first screen, in headless Chromium: it renders, stays quiet (no console
// errors, no failed requests, nothing leaves 127.0.0.1), works from a sub-path, and has no
// accessibility violations (axe-core) on desktop, on a phone and in the dark colour scheme.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import {
  DESKTOP,
  LOCAL_HOST,
  PHONE_CONTEXT,
  assertClean,
  formatViolations,
  launchChromium,
  openApp,
  runAxe,
  startStaticServer,
} from './support.mjs';

const TIMEOUT = 60_000;

let browser;
before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

async function assertFirstScreen(page) {
  const heading = page.getByRole('heading', { level: 1 });
  assert.equal((await heading.textContent()).trim(), 'KOOM Readiness');
  await page.getByText('v1.0').first().waitFor({ state: 'visible' });
  assert.ok(await page.getByRole('button', { name: 'Start an assessment' }).isVisible(), 'no "Start an assessment" button');
}

describe('first screen, served from /', () => {
  let server;
  before(async () => {
    server = await startStaticServer();
  });
  after(async () => {
    await server?.close();
  });

  test('renders the title, the model version and the start button, with a clean console and network', { timeout: TIMEOUT }, async () => {
    const app = await openApp(browser, server.url);
    try {
      await assertFirstScreen(app.page);
      await app.settle();
      assertClean(app);
      const afterLoad = app.requestsAfterLoad((request) => new URL(request.url).hostname !== LOCAL_HOST);
      assert.deepEqual(afterLoad, [], 'requests after load to hosts other than 127.0.0.1');
      assert.ok(
        app.requests.some((request) => request.url.endsWith('.wasm')),
        'the page never fetched its .wasm module',
      );
    } finally {
      await app.close();
    }
  });

  const viewports = [
    { name: 'desktop 1280x800', contextOptions: { viewport: DESKTOP } },
    { name: 'phone 390x844', contextOptions: PHONE_CONTEXT },
    { name: 'desktop 1280x800 in the dark colour scheme', contextOptions: { viewport: DESKTOP, colorScheme: 'dark' } },
  ];
  for (const { name, contextOptions } of viewports) {
    test(`has no axe-core violations at ${name}`, { timeout: TIMEOUT }, async () => {
      const app = await openApp(browser, server.url, { contextOptions });
      try {
        await assertFirstScreen(app.page);
        const violations = await runAxe(app.page);
        assert.equal(violations.length, 0, `axe-core violations:\n${formatViolations(violations)}`);
        const overflow = await app.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
        assertClean(app);
      } finally {
        await app.close();
      }
    });
  }
});

describe('first screen, served from a sub-path', () => {
  let server;
  before(async () => {
    server = await startStaticServer({ basePath: '/tools/koom/' });
  });
  after(async () => {
    await server?.close();
  });

  test('its stylesheet, minified, holds the rules of style/main.css as the browser reads them', { timeout: TIMEOUT }, async () => {
    const app = await openApp(browser, server.url);
    try {
      const written = readFileSync(new URL('../../style/main.css', import.meta.url), 'utf8');
      const served = await app.page.evaluate(() => fetch(document.querySelector('link[rel="stylesheet"]').href).then((response) => response.text()));
      assert.ok(served.length < written.length * 0.85, `the stylesheet is not minified (${served.length} of ${written.length} characters)`);
      // The browser's own parser on both: every rule, nested ones in their @media and @container.
      const [fromWritten, fromServed] = await app.page.evaluate((texts) => texts.map((text) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(text);
        return [...sheet.cssRules].map((rule) => rule.cssText);
      }), [written, served]);
      assert.ok(fromWritten.length > 300, `only ${fromWritten.length} rules read from style/main.css`);
      assert.deepEqual(fromServed, fromWritten);
    } finally {
      await app.close();
    }
  });

  test('loads every asset relative to the page (public_url = "./")', { timeout: TIMEOUT }, async () => {
    const app = await openApp(browser, server.url);
    try {
      await assertFirstScreen(app.page);
      await app.settle();
      assertClean(app);
      const outside = server.served.filter((entry) => !entry.path.startsWith('/tools/koom/'));
      assert.deepEqual(outside, [], 'requests outside the sub-path');
    } finally {
      await app.close();
    }
  });
});
