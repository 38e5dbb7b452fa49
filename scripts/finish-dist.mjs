// Finishes the release bundle Trunk wrote to dist/:
//   1. replaces Trunk's inline module loader (and its preload links) with boot/boot.js
//      (minified: scripts/lib/minify-js.mjs), which loads the same files and, when it cannot,
//      says why on the page instead of leaving it blank; the stylesheet loses its comments and
//      layout (scripts/lib/minify-css.mjs);
//   2. writes koom-opaque-<hash>.js: the app as one classic script, its WebAssembly inside, for
//      sandboxed frames with an opaque origin, where a plain static server refuses the module
//      and the .wasm (cross-origin requests there); it is loaded only in that case;
//   3. puts a strict Content-Security-Policy in a <meta>: no inline script but boot.js and the
//      module it inserts to start the app (by their hashes), what those load ('strict-dynamic'),
//      no eval but WebAssembly's, nothing from other origins;
//   4. writes service-worker.js from boot/service-worker.js: the build's name and its files, every
//      one but the opaque-frame script and the offline copy, the split build's later parts too
//      (boot.js registers it);
//   5. writes koom-readiness-offline.html: the whole app in one file (the opaque-origin build
//      inlined, its stylesheet too) that runs from file://, for "Download an offline copy".
//
//   node scripts/finish-dist.mjs <dist dir> <the cargo-built .wasm, before wasm-bindgen>
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { iconPng, iconSvg } from './icons.mjs';
import { minifyCss } from './lib/minify-css.mjs';
import { minifyJs } from './lib/minify-js.mjs';

const [dist, cargoWasm] = process.argv.slice(2);
if (!dist || !cargoWasm) {
  console.error('usage: node scripts/finish-dist.mjs <dist dir> <cargo-built .wasm>');
  process.exit(2);
}
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const indexPath = join(dist, 'index.html');
let html = readFileSync(indexPath, 'utf8');

// 1. Trunk's loader: <script type="module">import init … from './x.js'; … init({ module_or_path: './x_bg.wasm' }) …</script>
const loader = html.match(/<script type="module">[\s\S]*?from '(\.\/[^']+\.js)'[\s\S]*?module_or_path: '(\.\/[^']+\.wasm)'[\s\S]*?<\/script>/);
if (!loader) throw new Error(`${indexPath}: Trunk's module loader was not found (has Trunk's output changed?)`);
const [loaderTag, js, wasm] = loader;
html = html.replace(loaderTag, '');
html = html.replace(/<link rel="modulepreload"[^>]*>/g, '').replace(/<link rel="preload"[^>]*>/g, '');
// Integrity checks need CORS, which an opaque-origin frame's requests cannot have on a plain
// static server: the stylesheet would be blocked there. The files come from the same origin.
html = html.replace(/(<link rel="stylesheet"[^>]*?)\s+integrity="[^"]*"/g, '$1');
// The stylesheet without its comments and layout (scripts/lib/minify-css.mjs), under a name
// made from what it now holds.
{
  const written = /<link rel="stylesheet" href="\.\/(main-[0-9a-f]+\.css)"/.exec(html)?.[1];
  if (!written) throw new Error(`${indexPath}: the stylesheet <link> was not found`);
  const css = minifyCss(readFileSync(join(dist, written), 'utf8'));
  const name = `main-${createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
  rmSync(join(dist, written));
  writeFileSync(join(dist, name), css);
  html = html.replace(`href="./${written}"`, `href="./${name}"`);
}

// 2. The classic-script build for opaque-origin frames.
const work = mkdtempSync(join(tmpdir(), 'koom-opaque-'));
let opaqueBody;
try {
  execFileSync('wasm-bindgen', ['--target', 'no-modules', '--no-typescript', '--out-dir', work, '--out-name', 'koom', cargoWasm], { stdio: 'inherit' });
  const glue = readFileSync(join(work, 'koom.js'), 'utf8');
  // Its module imports under its own names: optimise its own WebAssembly, as Trunk does.
  execFileSync('wasm-opt', ['-Oz', '--output', join(work, 'koom_opt.wasm'), join(work, 'koom_bg.wasm')], { stdio: 'inherit' });
  const bytes = readFileSync(join(work, 'koom_opt.wasm')).toString('base64');
  // The stylesheet too: WebKit compares the CSP's 'self' with the frame's opaque origin and
  // refuses the <link> there (WebKit#66923); a constructed stylesheet is no request, and the
  // policy does not govern it. Applied only where the <link>'s sheet did not load.
  const cssHref = /<link rel="stylesheet" href="\.\/([^"]+\.css)"/.exec(html)?.[1];
  if (!cssHref) throw new Error(`${indexPath}: the stylesheet <link> was not found`);
  const css = readFileSync(join(dist, cssHref), 'utf8');
  const styles =
    ';(function () {\n' +
    '  var link = document.querySelector(\'link[rel="stylesheet"]\');\n' +
    '  if ((link && link.sheet) || !document.adoptedStyleSheets || typeof CSSStyleSheet !== "function") return;\n' +
    '  try {\n' +
    '    var sheet = new CSSStyleSheet();\n' +
    `    sheet.replaceSync(${JSON.stringify(css)});\n` +
    '    document.adoptedStyleSheets = document.adoptedStyleSheets.concat([sheet]);\n' +
    '  } catch (e) {}\n' +
    '})();\n';
  const body =
    styles +
    `${glue}\n;(function () {\n` +
    `  var text = atob("${bytes}");\n` +
    '  var bytes = new Uint8Array(text.length);\n' +
    '  for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);\n' +
    '  wasm_bindgen({ module_or_path: bytes }).catch(function (e) { if (window.__koomFailed) window.__koomFailed(e); });\n' +
    '})();\n';
  opaqueBody = body;
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
  for (const old of readdirSync(dist).filter((f) => /^koom-opaque-.*\.js$/.test(f))) rmSync(join(dist, old));
  var opaque = `./koom-opaque-${hash}.js`;
  writeFileSync(join(dist, opaque.slice(2)), body);
} finally {
  rmSync(work, { recursive: true, force: true });
}

// 3. boot.js inline, allowed by its hash; the module it inserts to start the app, by its hash;
// what those two insert or import, by 'strict-dynamic' (in a sandboxed frame with an opaque
// origin WebKit matches no file with 'self', WebKit#66923). 'self' stays for browsers without
// 'strict-dynamic' (CSP level 2), which ignore it.
const bootSource = readFileSync(join(root, 'boot', 'boot.js'), 'utf8');
for (const placeholder of ['"__WASM__"', '"__OPAQUE__"', '"__START__"']) {
  if (bootSource.split(placeholder).length !== 2) throw new Error(`boot/boot.js: ${placeholder} is not there once`);
}
// Filled, then minified (and checked to be ES5): the minifier folds what the values decide, so
// it must see them (the offline copy's empty ones end the script at once).
const fill = (names) =>
  minifyJs(
    bootSource
      .replace('"__WASM__"', JSON.stringify(names.wasm))
      .replace('"__OPAQUE__"', JSON.stringify(names.opaque))
      .replace('"__START__"', JSON.stringify(names.start)),
    { module: false, es5: true, what: 'boot/boot.js' },
  );
const sha256 = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const start = `import init from ${JSON.stringify(js)};\ninit({ module_or_path: window.__koomWasm }).catch(function (e) { window.__koomFailed(e); });\n`;
const script = `\n${await fill({ wasm, opaque, start })}`;
const pageHtml = html;
const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${sha256(script)} ${sha256(start)} 'strict-dynamic'`,
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const withCsp = (page, policy) =>
  page.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
html = withCsp(html, csp).replace('</head>', `<script>${script}</script>\n  </head>`);
writeFileSync(indexPath, html);

// 4. The web app manifest and its icons (boot.js links the manifest at the top level only), then
// the service worker: every file of this build but those loaded only in special cases.
const manifest = {
  name: 'KOOM Readiness',
  short_name: 'KOOM Readiness',
  description: 'Is your organisation ready to deploy KOOM, or will deploying it break you?',
  start_url: './',
  scope: './',
  display: 'standalone',
  background_color: '#f6f7f9',
  theme_color: '#1d4ed8',
  icons: [
    { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
    { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
    { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
  ],
};
writeFileSync(join(dist, 'manifest.webmanifest'), `${JSON.stringify(manifest, null, 2)}\n`);
writeFileSync(join(dist, 'icon.svg'), iconSvg());
writeFileSync(join(dist, 'icon-192.png'), iconPng(192));
writeFileSync(join(dist, 'icon-512.png'), iconPng(512));
const OFFLINE = 'koom-readiness-offline.html';
const WORKER = 'service-worker.js';
// (The split build's folder, app-<hash>/, by relative paths: the worker fetches them by those.)
const filesUnder = (dir, prefix = '') =>
  readdirSync(join(dist, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name), `${prefix}${entry.name}/`) : entry.isFile() ? [`${prefix}${entry.name}`] : [],
  );
const files = filesUnder('')
  .filter((name) => name !== WORKER && name !== OFFLINE && !/^koom-opaque-.*\.js$/.test(name) && !name.split('/').some((part) => part.startsWith('.')))
  .sort((a, b) => (a === 'index.html' ? -1 : b === 'index.html' ? 1 : a.localeCompare(b)));
const build = createHash('sha256');
for (const name of files) build.update(name).update('\0').update(readFileSync(join(dist, name))).update('\0');
const buildName = build.digest('hex').slice(0, 16);
const worker = readFileSync(join(root, 'boot', 'service-worker.js'), 'utf8')
  .replace('"__BUILD__"', JSON.stringify(buildName))
  .replace('["__FILES__"]', JSON.stringify(files));
writeFileSync(join(dist, WORKER), worker);

// 5. The offline copy: the page with its stylesheet and the opaque-origin build inlined (a page
// opened from file:// has an opaque origin too), a notice saying where its answers are kept, and
// a policy allowing exactly its own inline script and style.
const sheet = pageHtml.match(/<link rel="stylesheet" href="\.\/([^"]+\.css)"[^>]*>/);
if (!sheet) throw new Error(`${indexPath}: the stylesheet link was not found`);
const style = readFileSync(join(dist, sheet[1]), 'utf8');
if (/<\/(script|style)/i.test(opaqueBody) || /<\/style/i.test(style)) throw new Error('an inlined file contains a closing tag');
const offlineBoot = `\n${await fill({ wasm: '', opaque: '', start: '' })}`;
const offlineNotice =
  '<div class="notices offline-notices"><div class="notice notice-info" data-notice="offline-copy" role="region" aria-label="Offline copy">' +
  '<p><strong>Offline copy of KOOM Readiness.</strong> It runs from this file without a network. Answers are kept in this browser, ' +
  'in its storage for pages opened from files on this computer: not in the file itself, and not where the online version keeps them. ' +
  'Copying or sending this file does not carry them: to move an assessment, export it as a file.</p></div></div>';
const offlineCsp = [
  "default-src 'none'",
  `script-src 'wasm-unsafe-eval' ${sha256(offlineBoot)} ${sha256(opaqueBody)}`,
  `style-src ${sha256(style)}`,
  "img-src data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const offline = withCsp(pageHtml, offlineCsp)
  .replace(sheet[0], () => `<style>${style}</style>`)
  .replace('</head>', () => `<script>${offlineBoot}</script>\n  </head>`)
  .replace('<body>', () => `<body>\n    ${offlineNotice}`)
  .replace('</body>', () => `<script>${opaqueBody}</script>\n  </body>`);
writeFileSync(join(dist, OFFLINE), offline);
console.log(
  `finished ${indexPath}: loader ${js}, ${wasm}; opaque-origin build ${opaque}; CSP script hash ${sha256(script)}; ` +
    `${WORKER} for build ${buildName} (${files.length} files); offline copy ${OFFLINE}`,
);
