// Load benchmark: navigation → first question usable, on the release bundle (dist/) served on
// 127.0.0.1, in headless Chromium. Prints figures (median of N loads); asserts nothing.
//
//   node bench/load.mjs [loads=10]        (after ./scripts/build-release.sh)
//
// Two journeys, each on a fresh browser context (cold cache, empty storage):
// - "start": a first visit; usable = the organisation field of the start screen is enabled.
// - "resume": a returning visit with a saved assessment open on Preconditions;
//   usable = the first question's radio buttons are rendered and enabled.
// Also counts requests made after the load event (the budget is none).

import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(resolve(here, '../tests/e2e/package.json'));
const { chromium } = require('playwright-core');
const { startStaticServer, CHROMIUM_ARGS } = await import(resolve(here, '../tests/e2e/support.mjs'));

const loads = Number(process.argv[2] ?? 10);
const server = await startStaticServer();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });

const observer = (selector) => `
  (() => {
    const seen = () => {
      const el = document.querySelector(${JSON.stringify(selector)});
      if (el && !el.disabled && !window.__usableAt) { window.__usableAt = performance.now(); return true; }
      return false;
    };
    new MutationObserver((_, o) => { if (seen()) o.disconnect(); })
      .observe(document, { childList: true, subtree: true, attributes: true });
  })();`;

const saved = JSON.stringify({
  schema: 1,
  view: 'preconditions',
  assessment: { model_version: '1.0', organisation: 'Bench Org', answers: { 'precondition.executives.micromanaging_workers': 'no' } },
});

async function once(kind) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  if (kind === 'resume') {
    await context.addInitScript((value) => {
      if (!localStorage.getItem('koom-readiness/current')) localStorage.setItem('koom-readiness/current', value);
    }, saved);
  }
  const selector = kind === 'start' ? '#org-name' : 'input[type=radio][name="precondition.executives.micromanaging_workers"]';
  await context.addInitScript(observer(selector));
  const page = await context.newPage();
  let afterLoad = 0;
  let loaded = false;
  page.on('request', () => { if (loaded) afterLoad += 1; });
  await page.goto(server.url, { waitUntil: 'load' });
  loaded = true;
  await page.waitForFunction(() => window.__usableAt !== undefined, null, { timeout: 15000 });
  const usable = await page.evaluate(() => window.__usableAt);
  await page.waitForTimeout(300);
  await context.close();
  return { usable, afterLoad };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

for (const kind of ['start', 'resume']) {
  const runs = [];
  for (let i = 0; i < loads; i += 1) runs.push(await once(kind));
  const times = runs.map((r) => r.usable);
  console.log(`${kind.padEnd(7)} navigation → first question usable: median ${median(times).toFixed(1)} ms ` +
    `(min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}; ${loads} loads); ` +
    `requests after load: ${Math.max(...runs.map((r) => r.afterLoad))}`);
}

await browser.close();
await server.close();
