// The release bundle's stylesheet without its comments and layout (scripts/finish-dist.mjs).
// Nothing else changes: no rule is merged, no value or query rewritten, so every browser reads
// it as it reads style/main.css. (lightningcss, Trunk's minifier, writes media queries in the
// range syntax, which Safari before 16.4 and Chrome before 104 do not read, and Trunk cannot
// give it targets.) The end-to-end suite parses both in the browser and compares their rules
// (first-screen.test.mjs).

/**
 * `css` without comments, its runs of white space made one space, and none beside `{ } ; >`;
 * quoted texts stay as they are, and so does the space after a comma (a custom property, and a
 * value with `var()`, keep their text as written).
 */
export function minifyCss(css) {
  const quoted = [];
  const squeezed = css
    .replace(/\/\*[\s\S]*?\*\/|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, (token) => {
      if (token.startsWith('/*')) return ' ';
      quoted.push(token);
      return `\u0000${quoted.length - 1}\u0000`;
    })
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};>])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();
  return squeezed.replace(/\u0000(\d+)\u0000/g, (_, index) => quoted[Number(index)]);
}
