// Layout at the four widths the project checks (390, 768, 1024, 1280 px), light and dark, on
// the Raccoons Inc. example (every section answered, so every count shows):
// - the live verdict stays in view on every view, scrolled to the top and to the bottom: the
//   sticky side panel (1200 px and wider) or the fixed verdict bar (narrower);
// - no word in the section navigation breaks inside ("Precondition s", "15/1 5", "0/2 9");
// - on a phone every section tab is on screen (nothing hidden off to the side) and Report opens;
// - axe finds nothing.
// With KOOM_SCREENSHOTS=<dir> it writes a screenshot per width and scheme there, to look at.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { formatViolations, PHONE_CONTEXT, runAxe, sharedApp } from './support.mjs';
import { VIEWS, navButton, openExample, openView } from './flows.mjs';

const TIMEOUT = 120_000;
const { withApp } = sharedApp();

const WIDTHS = [
  { name: 'phone', width: 390, contextOptions: PHONE_CONTEXT },
  { name: 'tablet', width: 768, contextOptions: { viewport: { width: 768, height: 1024 } } },
  { name: 'laptop', width: 1024, contextOptions: { viewport: { width: 1024, height: 768 } } },
  { name: 'desktop', width: 1280, contextOptions: { viewport: { width: 1280, height: 800 } } },
];

/** Words in `selector`'s text (outside visually-hidden parts) whose letters sit on more than one line. */
function brokenWords(page, selector) {
  return page.evaluate((sel) => {
    const broken = [];
    for (const element of document.querySelectorAll(sel)) {
      if (!element.getClientRects().length) continue;
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement.closest('.visually-hidden')) continue;
        for (const match of node.data.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(`"${match[0]}" in ${element.textContent.trim().replace(/\s+/g, ' ')}`);
        }
      }
      // A count split by the element boundary: "15/" on one line and "15" on the next.
      const counts = element.querySelectorAll('.nav-progress');
      for (const count of counts) {
        const lines = new Set();
        const inner = document.createTreeWalker(count, NodeFilter.SHOW_TEXT);
        for (let node = inner.nextNode(); node; node = inner.nextNode()) {
          if (node.parentElement.closest('.visually-hidden') || !node.data.trim()) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          for (const r of range.getClientRects()) if (r.width > 0) lines.add(Math.round(r.top));
        }
        if (lines.size > 1) broken.push(`count "${count.textContent.trim()}" wraps`);
      }
    }
    return broken;
  }, selector);
}

/** Where the live verdict is on screen now: 'panel', 'bar', or null when neither is in view. */
function verdictInView(page) {
  return page.evaluate(() => {
    const inView = (el) => {
      if (!el) return false;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') return false;
      const box = el.getBoundingClientRect();
      return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight && box.left >= 0 && box.right <= window.innerWidth;
    };
    if (inView(document.querySelector('aside#verdict .verdict-headline'))) return 'panel';
    if (inView(document.querySelector('.verdict-bar .verdict-bar-text'))) return 'bar';
    return null;
  });
}

for (const colorScheme of ['light', 'dark']) {
  describe(`layout (${colorScheme})`, () => {
    for (const size of WIDTHS) {
      test(`${size.width} px: the verdict stays in view, no word breaks in the navigation, every section reachable`, { timeout: TIMEOUT }, async () => {
        await withApp(async ({ page }) => {
          await openExample(page);
          const problems = [];
          for (const view of VIEWS) {
            await openView(page, view.token);
            for (const where of ['top', 'bottom']) {
              await page.evaluate((w) => window.scrollTo(0, w === 'top' ? 0 : document.documentElement.scrollHeight), where);
              await page.waitForTimeout(50);
              const seen = await verdictInView(page);
              if (!seen) problems.push(`${view.label} (${where}): the verdict is not in view`);
              else if (size.width >= 1200 && seen !== 'panel') problems.push(`${view.label} (${where}): no side panel at ${size.width} px`);
            }
            const widths = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
            if (widths[0] > widths[1]) problems.push(`${view.label}: the page scrolls sideways (${widths[0]} > ${widths[1]})`);
          }
          assert.deepEqual(problems, [], `at ${size.width} px`);

          await page.evaluate(() => window.scrollTo(0, 0));
          assert.deepEqual(await brokenWords(page, 'nav.section-nav .nav-item'), [], `words broken in the navigation at ${size.width} px`);
          await openView(page, 'sequence');
          assert.deepEqual(await brokenWords(page, 'main .step-status, main .sequence-banner'), [], `words broken in the sequence at ${size.width} px`);

          // Every section tab is fully on screen (none hidden to the side), Report included.
          const offscreen = await page.evaluate(() =>
            [...document.querySelectorAll('nav.section-nav button.nav-item')]
              .filter((b) => {
                const box = b.getBoundingClientRect();
                return box.left < 0 || box.right > document.documentElement.clientWidth || box.width === 0;
              })
              .map((b) => b.textContent.trim()),
          );
          assert.deepEqual(offscreen, [], `section tabs off screen at ${size.width} px`);
          await page.evaluate(() => window.scrollTo(0, 0));
          await navButton(page, 'report').click();
          await page.locator('nav.section-nav button[data-view="report"][aria-current="page"]').waitFor({ state: 'attached' });

          const violations = await runAxe(page);
          assert.equal(violations.length, 0, formatViolations(violations));

          if (process.env.KOOM_SCREENSHOTS) {
            mkdirSync(process.env.KOOM_SCREENSHOTS, { recursive: true });
            await openView(page, 'preconditions');
            await page.evaluate(() => window.scrollTo(0, 0));
            await page.screenshot({ path: join(process.env.KOOM_SCREENSHOTS, `layout-${size.width}-${colorScheme}.png`) });
            await openView(page, 'sequence');
            await page.evaluate(() => window.scrollTo(0, 0));
            await page.screenshot({ path: join(process.env.KOOM_SCREENSHOTS, `layout-${size.width}-${colorScheme}-sequence.png`) });
          }
        }, { contextOptions: { ...size.contextOptions, colorScheme } });
      });
    }
  });
}
