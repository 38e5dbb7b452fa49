// Puts the split build into the release bundle Trunk wrote to dist/ (scripts/build-release.sh):
//   - the split build's files (the wasm-bindgen glue, the first part's .wasm, the splitter's
//     loader `__wasm_split.js`, every later part and shared chunk) go into one folder named
//     after their content, `app-<hash>/`: they refer to each other by plain relative names, and
//     a new build is a new folder, so no cache can ever mix a part of one build with another's;
//   - Trunk's single-module glue and .wasm leave dist/, and index.html's loader names the
//     folder's glue and first part instead (scripts/finish-dist.mjs then replaces the loader);
//   - the splitter's loader instantiates a part from its bytes when the server does not say
//     `application/wasm` (an intranet wiki's file store, say), as wasm-bindgen's glue does for
//     the first part, and says which file failed when the response is not a success.
//
//   node scripts/split-dist.mjs <dist dir> <split build dir>
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minifyJs } from './lib/minify-js.mjs';

const [dist, split] = process.argv.slice(2);
if (!dist || !split) {
  console.error('usage: node scripts/split-dist.mjs <dist dir> <split build dir>');
  process.exit(2);
}
const GLUE = 'koom-readiness.js';
const FIRST = 'koom-readiness_bg.wasm';
const LOADER = '__wasm_split.js';

const expected = (name) => name === GLUE || name === FIRST || name === LOADER || /^(split_|chunk_).*\.wasm$/.test(name);
const files = readdirSync(split).sort();
// Anything else (a wasm-bindgen `snippets/` folder, say) would be left behind while the glue
// imports it: the app would not start. Stop here instead.
const unexpected = files.filter((name) => !expected(name));
if (unexpected.length) throw new Error(`${split}: unexpected ${unexpected.join(', ')} (copy it into the bundle in scripts/split-dist.mjs)`);
for (const needed of [GLUE, FIRST, LOADER]) {
  if (!files.includes(needed)) throw new Error(`${split}: ${needed} is missing (did the split build run?)`);
}
if (!files.some((name) => name.startsWith('split_'))) throw new Error(`${split}: no split_*.wasm (no split point in the build?)`);

// The loader: every part instantiated through one function that checks the response.
let loader = readFileSync(join(split, LOADER), 'utf8');
const streaming = /WebAssembly\.instantiateStreaming\(src, imports\)/g;
const parts = files.filter((name) => name !== GLUE && name !== FIRST && name !== LOADER).length;
const found = loader.match(streaming)?.length ?? 0;
if (found !== parts) throw new Error(`${LOADER}: ${found} instantiations for ${parts} parts (has the splitter's output changed?)`);
loader = loader.replace(streaming, '__koomInstantiate(src, imports)');
loader = loader.replace(
  /^(import [^\n]+\n)/,
  (line) =>
    line +
    '\n// KOOM Readiness (scripts/split-dist.mjs): a part is instantiated from its bytes when the server\n' +
    "// does not say application/wasm, and a failed response names its file.\n" +
    'async function __koomInstantiate(src, imports) {\n' +
    '    const response = await src;\n' +
    '    if (!response.ok) throw new Error(`${response.url}: HTTP ${response.status}`);\n' +
    "    if ((response.headers.get('Content-Type') || '').split(';')[0].trim() === 'application/wasm') {\n" +
    '        return WebAssembly.instantiateStreaming(response, imports);\n' +
    '    }\n' +
    '    return WebAssembly.instantiate(await response.arrayBuffer(), imports);\n' +
    '}\n',
);
if (!loader.includes('async function __koomInstantiate')) throw new Error(`${LOADER}: its first line is not an import`);

// The glue minified (scripts/lib/minify-js.mjs). The loader stays as the splitter wrote it
// (scripts/lib/bundle-files.mjs reads from it which part needs which chunk; minified it would
// save 394 B).
const glue = await minifyJs(readFileSync(join(split, GLUE), 'utf8'), { module: true, what: GLUE });
const content = new Map(
  files.map((name) => [name, name === LOADER ? Buffer.from(loader) : name === GLUE ? Buffer.from(glue) : readFileSync(join(split, name))]),
);
const hash = createHash('sha256');
for (const [name, bytes] of content) hash.update(name).update('\0').update(bytes).update('\0');
const folder = `app-${hash.digest('hex').slice(0, 16)}`;

for (const old of readdirSync(dist).filter((name) => /^app-[0-9a-f]+$/.test(name))) rmSync(join(dist, old), { recursive: true });
mkdirSync(join(dist, folder));
for (const [name, bytes] of content) writeFileSync(join(dist, folder, name), bytes);

// index.html: Trunk's loader names its glue and .wasm; they become the folder's.
const indexPath = join(dist, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const trunkFiles = readdirSync(dist).filter((name) => /^koom-readiness-[0-9a-f]+(_bg\.wasm|\.js)$/.test(name));
const trunkGlue = trunkFiles.find((name) => name.endsWith('.js'));
const trunkWasm = trunkFiles.find((name) => name.endsWith('.wasm'));
if (!trunkGlue || !trunkWasm) throw new Error(`${dist}: Trunk's glue and .wasm were not found`);
for (const [from, to] of [
  [trunkGlue, `${folder}/${GLUE}`],
  [trunkWasm, `${folder}/${FIRST}`],
]) {
  if (!html.includes(`./${from}`)) throw new Error(`${indexPath}: ./${from} is not named`);
  html = html.split(`./${from}`).join(`./${to}`);
  rmSync(join(dist, from));
}
writeFileSync(indexPath, html);
console.log(`split build in ${dist}/${folder}: ${files.length} files (${parts} later parts and shared chunks)`);
