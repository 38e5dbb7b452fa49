// Long-text benchmark: how long each view takes to show an assessment holding a pathological
// text, on the release bundle (dist/) served on 127.0.0.1, in headless Chromium. Prints figures
// (median of N runs); asserts nothing.
//
//   node bench/pathological.mjs [runs=5]        (after ./scripts/build-release.sh)
//
// The assessment is the Raccoons Inc. example (exported from the app, so every view has
// something to show) with the same text in three places: the evidence note of the first
// precondition question, the pilot's evaluation, and the note on the first stability sign in
// cycle 1. Two texts:
// - "pathological": 1,000,000 characters without a space, as a paste gone wrong could leave
//   in a record written before texts were bounded (the app now cuts notes at 4,000);
// - "ordinary": 2,000 characters of prose (1,000, its limit, in the cycle note), for comparison.
// Each run writes the record straight into localStorage of a fresh browser context, opens it
// on Green flags, then opens every view in turn through the section navigation: per view, the
// time from the click to the view's heading rendered and the page idle (two animation frames
// later: the frame that lays it out has been painted).

import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(resolve(here, '../tests/e2e/package.json'));
const { chromium } = require('playwright-core');
const { startStaticServer, openApp, CHROMIUM_ARGS, DESKTOP } = await import(resolve(here, '../tests/e2e/support.mjs'));
const { VIEWS, exportExampleFile, seedAndOpen, withLongTexts } = await import(resolve(here, '../tests/e2e/flows.mjs'));

const runs = Number(process.argv[2] ?? 5);
const server = await startStaticServer();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });

// The example's file, exported once by mouse.
const exporter = await openApp(browser, server.url, { contextOptions: { viewport: DESKTOP } });
const example = (await exportExampleFile(exporter.page)).assessment;
await exporter.close();

const prose = (n) => {
  const words = 'Observed at the weekly review the CoE lead confirmed the SOP is followed in Zone C '.repeat(Math.ceil(n / 80));
  return words.slice(0, n);
};
const variants = [
  { name: 'pathological', what: '1,000,000 characters without a space', ...withLongTexts(example, 'x'.repeat(1_000_000)) },
  { name: 'ordinary', what: '2,000 characters of prose (1,000 in the cycle note)', ...withLongTexts(example, prose(2_000), { cycleText: prose(1_000) }) },
];

/** Clicks a view's navigation button in the page; ms until its heading is rendered and two frames passed. */
const openViewTimed = (page, token) =>
  page.evaluate(async (wanted) => {
    const button = document.querySelector(`nav[aria-label="Assessment sections"] button[data-view="${wanted}"]`);
    // The heading element may be kept from view to view; its text changes (each view's title
    // differs from the one before it in this order).
    const before = document.querySelector('main #main-heading')?.textContent;
    const frame = () => new Promise((resolveFrame) => requestAnimationFrame(() => resolveFrame()));
    const start = performance.now();
    button.click();
    for (;;) {
      const heading = document.querySelector('main #main-heading');
      if (button.getAttribute('aria-current') === 'page' && heading && heading.textContent !== before) break;
      if (performance.now() - start > 120_000) throw new Error(`${wanted}: no new heading after 120 s`);
      await frame();
    }
    await frame();
    await frame();
    return performance.now() - start;
  }, token);

async function once(variant) {
  const context = await browser.newContext({ viewport: DESKTOP, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(server.url, { waitUntil: 'load' });
  await page.locator('h1').first().waitFor({ state: 'visible', timeout: 15_000 });
  await seedAndOpen(page, 'bench-long-text', variant.assessment, { view: 'green-flags', timeout: 120_000 });
  const times = {};
  for (const view of VIEWS) times[view.token] = await openViewTimed(page, view.token);
  await context.close();
  return times;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

const results = new Map(variants.map((v) => [v.name, []]));
for (let i = 0; i < runs; i += 1) {
  for (const variant of variants) results.get(variant.name).push(await once(variant));
}

console.log(`navigation click → view's heading rendered + two frames, ms: median of ${runs} runs (min–max)`);
console.log("texts in a question's note, the pilot evaluation and a note on a sign in cycle 1:");
for (const variant of variants) console.log(`  ${variant.name}: ${variant.what}`);
console.log(`${'view'.padEnd(22)}${variants.map((v) => v.name.padEnd(28)).join('')}`);
for (const view of VIEWS) {
  const cells = variants.map((variant) => {
    const xs = results.get(variant.name).map((times) => times[view.token]);
    return `${median(xs).toFixed(1)} (${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)})`.padEnd(28);
  });
  console.log(`${view.label.padEnd(22)}${cells.join('')}`);
}

await browser.close();
await server.close();
