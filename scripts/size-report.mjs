// Size report of a built bundle: raw, gzip (level 9) and brotli (quality 11) bytes per file and
// in total. Prints figures, asserts nothing. Node's zlib only, no dependencies.
//
//   node scripts/size-report.mjs [dist-dir]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, brotliCompressSync, gzipSync } from 'node:zlib';
import { splitModules } from './lib/bundle-files.mjs';

const BUDGET_BROTLI_BYTES = 150 * 1024; // docs/product.md §10: first load (in parts: the first WASM part), brotli, <= 150 KB

const TEXT = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.md', '.webmanifest']);

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : entry.isFile() ? [path] : [];
  });
}

function sizes(path) {
  const data = readFileSync(path);
  const text = TEXT.has(extname(path));
  return {
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: text ? constants.BROTLI_MODE_TEXT : constants.BROTLI_MODE_GENERIC,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }).length,
  };
}

const args = process.argv.slice(2);
const check = args.includes('--check');
const dist = args.find((a) => !a.startsWith('--')) ?? 'dist';
if (!statSync(dist, { throwIfNoEntry: false })?.isDirectory()) {
  console.error(`size-report: ${dist} is not a directory; build the release bundle first`);
  process.exit(1);
}

// Files that are not part of the first load (scripts/finish-dist.mjs writes them), and when they
// are asked for instead.
const LATER = [
  [/^koom-opaque-.*\.js$/, 'only in opaque-origin frames'],
  [/^service-worker\.js$/, 'after the app has started, at the top level'],
  [/^(manifest\.webmanifest|icon[-.].*)$/, 'after the app has started, to install it'],
  [/^koom-readiness-offline\.html$/, 'only when downloaded (the offline copy)'],
  // A language's texts (issue 24): fetched before the first screen, only for a reader of it.
  [/^app-[0-9a-f]+\/split_lang_[a-z]+\.wasm$/, 'only for a reader of its language, at start'],
  // The split build's later parts and their shared chunks (scripts/split-dist.mjs).
  [/^app-[0-9a-f]+\/split_.*\.wasm$/, 'at idle after start-up, or when its view is opened'],
  [/^app-[0-9a-f]+\/chunk_.*\.wasm$/, 'with the later part or a language\'s texts, whichever needs it'],
];
const later = (name) => LATER.find(([pattern]) => pattern.test(name))?.[1];
const isFirstLoad = (name) => !later(name);
const all = filesUnder(dist)
  .map((path) => ({ name: relative(dist, path), ...sizes(path) }))
  .sort((a, b) => b.raw - a.raw || a.name.localeCompare(b.name));
const rows = all.filter((row) => isFirstLoad(row.name));
const others = all.filter((row) => !isFirstLoad(row.name));
const total = rows.reduce(
  (sum, row) => ({ raw: sum.raw + row.raw, gzip: sum.gzip + row.gzip, brotli: sum.brotli + row.brotli }),
  { raw: 0, gzip: 0, brotli: 0 },
);

const nameWidth = Math.max(5, ...rows.map((row) => row.name.length));
const line = (name, raw, gzip, brotli) =>
  `${name.padEnd(nameWidth)}  ${String(raw).padStart(10)}  ${String(gzip).padStart(10)}  ${String(brotli).padStart(10)}`;

console.log(`Size report of ${dist} (bytes; gzip -9, brotli q11)`);
console.log(line('file', 'raw', 'gzip', 'brotli'));
for (const row of rows) console.log(line(row.name, row.raw, row.gzip, row.brotli));
console.log(line('total', total.raw, total.gzip, total.brotli));
for (const row of others) console.log(`${line(row.name, row.raw, row.gzip, row.brotli)}  (${later(row.name)}; not in the first load)`);
const kib = (bytes) => (bytes / 1024).toFixed(1);
console.log(
  `brotli total ${kib(total.brotli)} KiB of the ${kib(BUDGET_BROTLI_BYTES)} KiB first-load budget ` +
    `(${((100 * total.brotli) / BUDGET_BROTLI_BYTES).toFixed(0)}%)`,
);

// The guard: bytes are exact, so the test command may hold them. size-budget.json holds the
// size reached (plus a small margin); a change that goes over it fails until the budget file
// is raised on purpose, saying so in the change's note.
// A language other than English adds its texts to the first load (its own part) and the
// chunks its part needs (what the splitter's loader lists for it); one of them may be the later
// part's too.
const LANGUAGE_PACK = /^app-[0-9a-f]+\/split_lang_([a-z]+)\.wasm$/;
const brotliOf = new Map(others.map((row) => [row.name, row.brotli]));
function needs(pack) {
  const [folder, file] = pack.split('/');
  const files = Object.values(splitModules(join(dist, folder))).find((module) => module[0] === file);
  if (!files) throw new Error(`size-report: ${folder}/__wasm_split.js does not load ${file}`);
  return files.map((name) => `${folder}/${name}`);
}
const packs = others
  .filter((row) => LANGUAGE_PACK.test(row.name))
  .map((row) => {
    const files = needs(row.name);
    return { name: row.name, files, brotli: files.reduce((sum, file) => sum + brotliOf.get(file), 0) };
  });
for (const pack of packs) {
  console.log(
    `the first load of a reader of ${pack.name.match(LANGUAGE_PACK)[1]}: ${total.brotli + pack.brotli} bytes brotli ` +
      `(its texts and the chunks they need, ${pack.files.length} files: ${pack.brotli})`,
  );
}
const largestPack = Math.max(0, ...packs.map((pack) => pack.brotli));
const packFiles = new Set(packs.flatMap((pack) => pack.files));
const budgetFile = join(dirname(fileURLToPath(import.meta.url)), '..', 'size-budget.json');
const {
  first_load_brotli_bytes: guard,
  app_total_brotli_bytes: totalGuard,
  language_pack_brotli_bytes: packGuard,
} = JSON.parse(readFileSync(budgetFile, 'utf8'));
// The whole app: the first load and every later part (what the idle preload fetches), not the
// files made for special cases (the opaque-frame script, the offline copy) nor the worker and
// the install files; and one language's texts (a reader fetches only their own).
// (A chunk a language's texts need is counted with them, not twice.)
const parts = others.filter((row) => /^app-[0-9a-f]+\//.test(row.name) && !packFiles.has(row.name));
const appTotal = total.brotli + parts.reduce((sum, row) => sum + row.brotli, 0) + largestPack;
console.log(`the whole app (the first load, the later part, the largest language's texts and every chunk they need): ${appTotal} bytes brotli`);
const checks = [
  ['the first load', total.brotli, guard, 'first_load_brotli_bytes'],
  ['the whole app', appTotal, totalGuard, 'app_total_brotli_bytes'],
  ['the largest language\'s texts (and the chunks they need)', largestPack, packGuard, 'language_pack_brotli_bytes'],
];
let over = false;
for (const [what, bytes, limit, key] of checks) {
  if (typeof limit !== 'number') {
    console.error(`size-report: size-budget.json has no ${key}`);
    over = over || check;
    continue;
  }
  console.log(`guard (size-budget.json ${key}): ${what} ${bytes} of ${limit} bytes brotli, ${bytes <= limit ? 'within' : 'OVER'}`);
  if (check && bytes > limit) {
    over = true;
    console.error(
      `size-report: ${what} is ${bytes} bytes brotli, over the guard of ${limit} in size-budget.json ` +
        `(by ${bytes - limit}). Make it smaller, or raise the guard on purpose and say so in the change's note.`,
    );
  }
}
if (over) process.exit(1);
