import { launchChromium } from './support.mjs';
const browser = await launchChromium();
const ctx = await browser.newContext({ viewport: { width: 412, height: 823 } });
const page = await ctx.newPage();
await page.addInitScript(() => {
  window.__lcp = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lcp.push({ t: Math.round(e.startTime), size: e.size, id: e.element && e.element.dataset.tag }); }).observe({ type: 'largest-contentful-paint', buffered: true });
});
await page.route('**/*_bg.wasm', (r) => r.abort());
await page.goto('http://127.0.0.1:8790/');
await page.waitForTimeout(500);
await page.evaluate(() => {
  const lede = document.querySelector('#boot p.lede'); lede.dataset.tag = 'static';
  const boot = document.getElementById('boot');
  const hero = lede.parentElement; hero.remove();         // detach
  boot.remove();
  const main = document.createElement('main'); main.className = 'page page-start';
  const sec = document.createElement('section'); sec.className = 'start'; main.appendChild(sec);
  sec.appendChild(hero);                                   // re-attach the same node
  document.body.appendChild(main);
});
await page.waitForTimeout(500);
await page.evaluate(() => {
  // control: an equal new element
  const p = document.querySelector('p.lede').cloneNode(true); p.dataset.tag = 'clone';
  document.querySelector('p.lede').replaceWith(p);
});
await page.waitForTimeout(500);
console.log(await page.evaluate(() => window.__lcp));
await browser.close();
