// A small driver-neutral layer over the two other engines the suite runs in, so one list of
// journeys (journeys.mjs) runs in each:
//   firefox  Debian's Firefox ESR, headless, through puppeteer-core (WebDriver BiDi);
//   webkit   Debian's WebKitGTK MiniBrowser through WebKitWebDriver and selenium-webdriver,
//            under an Xvfb display of its own (MiniBrowser has no headless mode).
// Neither downloads a browser. What each engine's automation cannot do is worked around here,
// once, and said so:
//   - Firefox ESR's BiDi cannot locate nodes inside frames: every click is a mouse click at the
//     element's centre, computed in the page (inside a frame: the frame's box plus the
//     element's box in the frame);
//   - puppeteer's waitForFunction needs eval, which the app's CSP forbids: waits poll evaluate;
//   - WebKitWebDriver allows one session per driver, and without a window manager the
//     MiniBrowser window never has keyboard focus (:focus never matches) until it is given X
//     input focus: each tab gets its own Xvfb, driver and session, and X focus (XSetInputFocus
//     through libX11, from python3's ctypes) once it is open. The window is sized by WebDriver
//     (--full-screen needs a window manager); MiniBrowser's toolbar keeps it at least 447 px
//     wide, so "phone width" there is 447 px (the phone layout all the same).
//
// A tab: { engine, goto(url), reload(), eval(fn, ...args), waitFor(fn, args, what, timeout),
// click(selector), type(text), press(key), chooseFile(selector, path), frame(selector),
// errors(), close() }. `eval` runs `fn` (a function, serialised) in the page and returns what it
// returns (JSON-able values). `frame(selector)` is the same interface inside that iframe of the
// page (one level).
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER_PATH = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
export const WEBKIT_BROWSER_PATH =
  process.env.WEBKIT_BROWSER_PATH ?? `/usr/lib/${process.arch === 'arm64' ? 'aarch64' : 'x86_64'}-linux-gnu/webkit2gtk-4.1/MiniBrowser`;

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** `fn` and its arguments as the text of a script expression. */
const call = (fn, args) => `(${fn})(${args.map((a) => JSON.stringify(a ?? null)).join(', ')})`;

/** Polls `read()` until `check(value)` holds; fails with `what` and the last value. */
export async function poll(read, check, what, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await read();
      if (check(last)) return last;
    } catch (error) {
      last = `error: ${error.message}`;
    }
    if (Date.now() > deadline) assert.fail(`${what}: not reached within ${timeout} ms; last seen: ${JSON.stringify(last)?.slice(0, 1_000)}`);
    await sleep(100);
  }
}

/** In the page: the centre of the first element matching `selector`, scrolled into view. */
function centreOf(selector) {
  const el = document.querySelector(selector);
  if (!el) return null;
  el.scrollIntoView({ block: 'center', inline: 'center' });
  const box = el.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return { hidden: true };
  const x = box.left + box.width / 2;
  const y = box.top + box.height / 2;
  const hit = document.elementFromPoint(x, y);
  return { x, y, covered: hit !== el && !el.contains(hit) && !(hit && hit.control === el) && !(el.labels && [...el.labels].includes(hit?.closest('label'))) };
}

/** Adds the interface both engines share on top of `eval`. */
function withCommon(tab) {
  tab.waitFor = (fn, args, what, timeout = 10_000) => poll(() => tab.eval(fn, ...args), Boolean, what, timeout);
  /** Waits until `selector` matches a visible element. */
  tab.waitForSelector = (selector, timeout = 10_000) =>
    tab.waitFor(
      (s) => {
        const el = document.querySelector(s);
        return Boolean(el && el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden');
      },
      [selector],
      `a visible ${selector}`,
      timeout,
    );
  tab.text = (selector) => tab.eval((s) => document.querySelector(s)?.textContent.trim() ?? null, selector);
  tab.value = (selector) => tab.eval((s) => document.querySelector(s)?.value ?? null, selector);
  /** Clears a text field by script, then focuses it by a click and types `text` with the keyboard. */
  tab.fill = async (selector, text) => {
    await tab.eval((s) => {
      const el = document.querySelector(s);
      el.value = '';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, selector);
    await tab.click(selector);
    await tab.type(text);
  };
  return tab;
}

// ---- Firefox (puppeteer-core, WebDriver BiDi) --------------------------------------------------

async function firefoxEngine() {
  if (!existsSync(FIREFOX_PATH)) throw new Error(`no Firefox at ${FIREFOX_PATH}: apt-get install firefox-esr (./scripts/test.sh does it)`);
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    extraPrefsFirefox: {
      // Nothing that phones home; downloads land without asking.
      'app.update.enabled': false,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      // The downloads panel, opened on each download, takes the focus from the page for good
      // in headless Firefox (document.hasFocus() false: a date field then takes no typing).
      'browser.download.alwaysOpenPanel': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
    },
  });
  return {
    name: 'firefox',
    async open({ width = 1280, height = 800 } = {}) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      try {
        await page.setViewport({ width, height });
      } catch (error) {
        // puppeteer-core sends the viewport and a screen-orientation override together; a
        // Firefox ESR without `emulation.setScreenOrientationOverride` refuses only the second
        // (Debian's 140.10, seen 2026-12-03). The viewport itself is checked just below.
        if (!String(error?.message).includes('emulation.setScreenOrientationOverride')) throw error;
      }
      const inner = async () => page.evaluate(() => [window.innerWidth, window.innerHeight]);
      for (let i = 0; i < 50 && (await inner())[0] !== width; i++) await new Promise((r) => setTimeout(r, 100));
      const [innerWidth] = await inner();
      assert.equal(innerWidth, width, `the Firefox viewport is ${innerWidth} px wide, not ${width}`);
      const errors = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(String(error)));
      const mouse = page.mouse;
      const keyboard = page.keyboard;
      const inside = (frameSelector) => {
        const frameOf = async () => {
          const handle = await page.$(frameSelector);
          assert.ok(handle, `no ${frameSelector} in the page`);
          const frame = await handle.contentFrame();
          assert.ok(frame, `${frameSelector} has no document`);
          return frame;
        };
        return withCommon({
          engine: 'firefox',
          async eval(fn, ...args) {
            return (await frameOf()).evaluate(call(fn, args));
          },
          async click(selector) {
            const frame = await frameOf();
            const target = await poll(() => frame.evaluate(call(centreOf, [selector])), (c) => c && !c.hidden && !c.covered, `a clickable ${selector} in the frame`);
            // The frame's point in the page, scrolled into the page's view first.
            const box = await page.evaluate(call((s, y) => {
              const frameBox = () => document.querySelector(s).getBoundingClientRect();
              const at = frameBox().top + y;
              if (at < 0 || at > window.innerHeight) window.scrollBy(0, at - window.innerHeight / 2);
              const r = frameBox();
              return { x: r.left, y: r.top };
            }, [frameSelector, target.y]));
            await mouse.click(box.x + target.x, box.y + target.y);
          },
          type: (text) => keyboard.type(text),
          press: (key) => keyboard.press(key),
        });
      };
      const tab = withCommon({
        engine: 'firefox',
        page,
        async goto(url) {
          await page.goto(url, { waitUntil: 'load' });
        },
        async reload() {
          await page.reload({ waitUntil: 'load' });
        },
        eval: (fn, ...args) => page.evaluate(call(fn, args)),
        async click(selector) {
          const target = await poll(() => page.evaluate(call(centreOf, [selector])), (c) => c && !c.hidden && !c.covered, `a clickable ${selector}`);
          await mouse.click(target.x, target.y);
        },
        type: (text) => keyboard.type(text),
        async press(key) {
          const keys = key.split('+').map((k) => (k === 'Space' ? ' ' : k));
          for (const k of keys.slice(0, -1)) await keyboard.down(k);
          await keyboard.press(keys.at(-1));
          for (const k of keys.slice(0, -1).reverse()) await keyboard.up(k);
        },
        async chooseFile(selector, path) {
          const input = await page.$(selector);
          await input.uploadFile(path);
        },
        frame: inside,
        errors: () => errors,
        close: () => context.close(),
      });
      return tab;
    },
    close: () => browser.close(),
  };
}

// ---- WebKitGTK (WebKitWebDriver, selenium-webdriver) -------------------------------------------

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** Starts Xvfb on a free display of `width`x`height`; returns { display, stop() }. */
async function startXvfb(width, height) {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', `${width}x${height}x24`, '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  xvfb.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const display = await Promise.race([
    new Promise((resolveDisplay) => xvfb.stdio[3].once('data', (data) => resolveDisplay(`:${String(data).trim()}`))),
    new Promise((_, reject) => xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${stderr}`)))),
    sleep(10_000).then(() => {
      throw new Error(`Xvfb did not start: ${stderr}`);
    }),
  ]);
  return {
    display,
    stop: () =>
      new Promise((done) => {
        if (xvfb.exitCode !== null) return done();
        xvfb.once('exit', done);
        xvfb.kill();
      }),
  };
}

/**
 * Gives X input focus to the top-level window on `display` (the only one: MiniBrowser's), as a
 * window manager would when it is shown. Without it WebKit's page never has focus.
 */
function focusWindow(display) {
  const script = `
import ctypes, sys
x = ctypes.cdll.LoadLibrary("libX11.so.6")
x.XOpenDisplay.restype = ctypes.c_void_p
x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
x.XDefaultRootWindow.restype = ctypes.c_ulong
x.XQueryTree.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.POINTER(ctypes.c_ulong)), ctypes.POINTER(ctypes.c_uint)]
x.XSetInputFocus.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_ulong]
x.XMapRaised.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
x.XFlush.argtypes = [ctypes.c_void_p]
x.XCloseDisplay.argtypes = [ctypes.c_void_p]
class Attrs(ctypes.Structure):
    _fields_ = [("x", ctypes.c_int), ("y", ctypes.c_int), ("width", ctypes.c_int), ("height", ctypes.c_int), ("border_width", ctypes.c_int), ("depth", ctypes.c_int), ("visual", ctypes.c_void_p), ("root", ctypes.c_ulong), ("cls", ctypes.c_int), ("bit_gravity", ctypes.c_int), ("win_gravity", ctypes.c_int), ("backing_store", ctypes.c_int), ("backing_planes", ctypes.c_ulong), ("backing_pixel", ctypes.c_ulong), ("save_under", ctypes.c_int), ("colormap", ctypes.c_ulong), ("map_installed", ctypes.c_int), ("map_state", ctypes.c_int), ("all_event_masks", ctypes.c_long), ("your_event_mask", ctypes.c_long), ("do_not_propagate_mask", ctypes.c_long), ("override_redirect", ctypes.c_int), ("screen", ctypes.c_void_p)]
x.XGetWindowAttributes.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(Attrs)]
d = x.XOpenDisplay(sys.argv[1].encode())
if not d:
    sys.exit("cannot open display " + sys.argv[1])
root = x.XDefaultRootWindow(d)
r = ctypes.c_ulong(); p = ctypes.c_ulong(); children = ctypes.POINTER(ctypes.c_ulong)(); n = ctypes.c_uint()
x.XQueryTree(d, root, ctypes.byref(r), ctypes.byref(p), ctypes.byref(children), ctypes.byref(n))
best = None
for i in range(n.value):
    a = Attrs()
    x.XGetWindowAttributes(d, children[i], ctypes.byref(a))
    if a.map_state == 2 and not a.override_redirect and (best is None or a.width * a.height >= best[1]):
        best = (children[i], a.width * a.height)
if best is None:
    sys.exit("no window to focus on " + sys.argv[1])
x.XSetInputFocus(d, best[0], 1, 0)
x.XFlush(d)
x.XCloseDisplay(d)
`;
  execFileSync('python3', ['-c', script, display], { stdio: ['ignore', 'ignore', 'pipe'] });
}

async function webkitEngine() {
  for (const path of [WEBKIT_DRIVER_PATH, WEBKIT_BROWSER_PATH]) {
    if (!existsSync(path)) throw new Error(`no ${path}: apt-get install webkit2gtk-driver xvfb (./scripts/test.sh does it)`);
  }
  const { Builder, By, Key } = await import('selenium-webdriver');
  const KEYS = { Tab: Key.TAB, Enter: Key.ENTER, Space: Key.SPACE, ArrowRight: Key.ARROW_RIGHT, ArrowLeft: Key.ARROW_LEFT, ArrowDown: Key.ARROW_DOWN, ArrowUp: Key.ARROW_UP, Shift: Key.SHIFT, Escape: Key.ESCAPE };
  const open = new Set();
  return {
    name: 'webkit',
    async open({ width = 1280, height = 800 } = {}) {
      const xvfb = await startXvfb(Math.max(width, 1280), Math.max(height, 1024));
      const port = await freePort();
      const driverProcess = spawn(WEBKIT_DRIVER_PATH, [`--port=${port}`], { env: { ...process.env, DISPLAY: xvfb.display }, stdio: 'ignore' });
      const stopAll = async (driver) => {
        await driver?.quit().catch(() => {});
        if (driverProcess.exitCode === null) {
          const exited = new Promise((done) => driverProcess.once('exit', done));
          driverProcess.kill();
          await exited;
        }
        await xvfb.stop();
      };
      let driver;
      try {
        driver = await poll(
          () =>
            new Builder()
              .usingServer(`http://127.0.0.1:${port}`)
              .withCapabilities({
                browserName: 'MiniBrowser',
                'webkitgtk:browserOptions': { binary: WEBKIT_BROWSER_PATH, args: ['--automation'] },
              })
              .build(),
          Boolean,
          'a WebKitWebDriver session',
          15_000,
        );
        await driver.manage().setTimeouts({ script: 15_000, pageLoad: 30_000 });
        // Without a window manager, --full-screen does nothing: the window is sized instead.
        // MiniBrowser's toolbar keeps it at least 447 px wide (a phone-sized layout still).
        await driver.manage().window().setRect({ x: 0, y: 0, width, height });
        focusWindow(xvfb.display);
      } catch (error) {
        await stopAll(driver);
        throw error;
      }
      let inFrame = null;
      const top = async () => {
        if (inFrame !== null) {
          await driver.switchTo().defaultContent();
          inFrame = null;
        }
      };
      const enter = async (frameSelector) => {
        if (inFrame === frameSelector) return;
        await top();
        await driver.switchTo().frame(await driver.findElement(By.css(frameSelector)));
        inFrame = frameSelector;
      };
      const run = (fn, args) => driver.executeScript(`return ${call(fn, args)};`);
      const sendKeys = async (keys) => {
        await driver.actions().sendKeys(...keys).perform();
      };
      const press = async (key) => {
        const parts = key.split('+').map((k) => KEYS[k] ?? k);
        if (parts.length === 1) return sendKeys(parts);
        const actions = driver.actions();
        for (const k of parts.slice(0, -1)) actions.keyDown(k);
        actions.sendKeys(parts.at(-1));
        for (const k of parts.slice(0, -1).reverse()) actions.keyUp(k);
        await actions.perform();
      };
      const clickIn = async (selector, what) => {
        await poll(() => run(centreOf, [selector]), (c) => c && !c.hidden && !c.covered, what);
        await driver.findElement(By.css(selector)).click();
      };
      const frameTab = (frameSelector) =>
        withCommon({
          engine: 'webkit',
          async eval(fn, ...args) {
            await enter(frameSelector);
            return run(fn, args);
          },
          async click(selector) {
            await enter(frameSelector);
            const target = await poll(() => run(centreOf, [selector]), (c) => c && !c.hidden && !c.covered, `a clickable ${selector} in the frame`);
            // As a user would, scroll the page to where the frame shows it (a frame's own
            // scrolling does not reach the page in WebKit, WebDriver's click's included).
            await top();
            await run(
              (s, y) => {
                const at = document.querySelector(s).getBoundingClientRect().top + y;
                if (at < 0 || at > window.innerHeight) window.scrollBy(0, at - window.innerHeight / 2);
              },
              [frameSelector, target.y],
            );
            await enter(frameSelector);
            await driver.findElement(By.css(selector)).click();
          },
          async type(text) {
            await enter(frameSelector);
            await sendKeys([text]);
          },
          async press(key) {
            await enter(frameSelector);
            await press(key);
          },
        });
      const tab = withCommon({
        engine: 'webkit',
        driver,
        async goto(url) {
          await top();
          await driver.get(url);
        },
        async reload() {
          await top();
          await driver.navigate().refresh();
        },
        async eval(fn, ...args) {
          await top();
          return run(fn, args);
        },
        async click(selector) {
          await top();
          await clickIn(selector, `a clickable ${selector}`);
        },
        async type(text) {
          await top();
          await sendKeys([text]);
        },
        async press(key) {
          await top();
          await press(key);
        },
        async chooseFile(selector, path) {
          await top();
          await driver.findElement(By.css(selector)).sendKeys(path);
        },
        frame: frameTab,
        // WebKitWebDriver gives no console log: the journeys check the app's own error signs.
        errors: () => [],
        async close() {
          open.delete(tab);
          await stopAll(driver);
        },
      });
      open.add(tab);
      return tab;
    },
    async close() {
      for (const tab of [...open]) await tab.close();
    },
  };
}

/** Starts `name` ('firefox' | 'webkit'). */
export function startEngine(name) {
  if (name === 'firefox') return firefoxEngine();
  if (name === 'webkit') return webkitEngine();
  throw new Error(`unknown engine ${name}`);
}
