// Load benchmark: navigation → first question usable, on the release bundle (dist/) served on
// 127.0.0.1, in headless Chromium. Prints figures (median of N loads); asserts nothing.
//
//   node bench/load.mjs [loads=10]        (after ./scripts/build-release.sh)
//
// Two journeys, each on a fresh browser context (cold cache, empty storage):
// - "start": a first visit; usable = the organisation field of the start screen is enabled.
// - "resume": a returning visit with a saved assessment open on Preconditions;
//   usable = the first question's radio buttons are rendered and enabled.
// Also counts requests made once the app runs (the budget is none) and after the load event, and measures
// answer click → verdict updated in the DOM (it paints at the next frame), median and 95th
// percentile over 60 clicks that flip the verdict between Stop and Hold.

import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(resolve(here, '../tests/e2e/package.json'));
const { chromium } = require('playwright-core');
const { startStaticServer, CHROMIUM_ARGS, isLaterPart } = await import(resolve(here, '../tests/e2e/support.mjs'));

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

const record = JSON.stringify({
  schema: 2,
  id: 'bench',
  revision: 1,
  updated_at: 0,
  assessment: { model_version: '1.0', organisation: 'Bench Org', answers: { 'precondition.executives.micromanaging_workers': 'no' } },
});
const session = JSON.stringify({ schema: 2, open: 'bench', view: 'preconditions' });
const seed = ([r, s]) => {
  if (!localStorage.getItem('koom-readiness/assessment/bench')) {
    localStorage.setItem('koom-readiness/assessment/bench', r);
    localStorage.setItem('koom-readiness/session', s);
  }
};

async function once(kind) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  if (kind === 'resume') {
    await context.addInitScript(seed, [record, session]);
  }
  const selector = kind === 'start' ? '#org-name' : 'input[type=radio][name="precondition.executives.micromanaging_workers"]';
  await context.addInitScript(observer(selector));
  const page = await context.newPage();
  // The first screen is painted from index.html, so the load event comes before the app's
  // module is asked for (boot/boot.js inserts it once the largest paint is reported, and asks
  // for the .wasm once the first paint is). What must never happen is a request once the app is
  // running but the later part the app asks for at idle (the split build's views after the
  // verdict): count those, the later parts apart, and the ones after `load`.
  let afterLoad = 0;
  let afterStart = 0;
  let parts = 0;
  let loaded = false;
  let started = false;
  page.on('request', (request) => {
    if (isLaterPart({ url: request.url() })) {
      parts += 1;
      return;
    }
    if (loaded) afterLoad += 1;
    if (started) afterStart += 1;
  });
  await page.goto(server.url, { waitUntil: 'load' });
  loaded = true;
  await page.waitForFunction(() => window.__usableAt !== undefined, null, { timeout: 15000 });
  await page.waitForFunction(() => !document.getElementById('boot'), null, { timeout: 15000 });
  started = true;
  const usable = await page.evaluate(() => window.__usableAt);
  await page.waitForTimeout(300);
  await context.close();
  return { usable, afterLoad, afterStart, parts };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

for (const kind of ['start', 'resume']) {
  const runs = [];
  for (let i = 0; i < loads; i += 1) runs.push(await once(kind));
  const times = runs.map((r) => r.usable);
  console.log(`${kind.padEnd(7)} navigation → first question usable: median ${median(times).toFixed(1)} ms ` +
    `(min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}; ${loads} loads); ` +
    `requests once the app runs: ${Math.max(...runs.map((r) => r.afterStart))} ` +
    `(after the load event: ${Math.max(...runs.map((r) => r.afterLoad))}: the app's module, asked for after the first paint, and the .wasm when its download started after load); ` +
    `later parts fetched at idle: ${Math.max(...runs.map((r) => r.parts))}`);
}

async function answerToVerdict(clicks) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(seed, [record, session]);
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('aside#verdict');
  const times = await page.evaluate(async (n) => {
    const name = 'precondition.executives.bypassing_managers';
    const verdict = document.querySelector('aside#verdict');
    const out = [];
    for (let i = 0; i < n; i += 1) {
      const value = i % 2 === 0 ? 'yes' : 'not_sure';
      const before = verdict.getAttribute('data-verdict');
      const changed = new Promise((resolve) => {
        const o = new MutationObserver(() => {
          if (verdict.getAttribute('data-verdict') !== before) { o.disconnect(); resolve(); }
        });
        o.observe(verdict, { attributes: true });
      });
      const t0 = performance.now();
      document.querySelector(`input[name="${name}"][value="${value}"]`).click();
      await changed;
      out.push(performance.now() - t0);
      // Let the frame paint before the next click.
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }
    return out;
  }, clicks);
  await context.close();
  return times;
}

const flips = await answerToVerdict(60);
const sorted = [...flips].sort((a, b) => a - b);
console.log(`answer click → verdict updated in the DOM: median ${median(flips).toFixed(1)} ms, ` +
  `p95 ${sorted[Math.floor(sorted.length * 0.95) - 1].toFixed(1)} ms (${flips.length} clicks)`);

await browser.close();
await server.close();
