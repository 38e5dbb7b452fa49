// The app's icon, one shape drawn two ways: as SVG, and as PNG at any size (the web app
// manifest needs 192 and 512 pixel PNGs to make the app installable). The mark is the
// masthead's: a white "K" on the accent blue, in a rounded square. Node's zlib only.
//
//   import { iconSvg, iconPng } from './icons.mjs';
import { crc32, deflateSync } from 'node:zlib';

const SIZE = 512;
const RADIUS = 96;
const BLUE = [0x1d, 0x4e, 0xd8];
const WHITE = [0xff, 0xff, 0xff];
// The K, in the 512-unit square, clockwise.
const K = [
  [160, 120], [224, 120], [224, 232], [328, 120], [408, 120], [296, 244],
  [416, 392], [334, 392], [248, 282], [224, 308], [224, 392], [160, 392],
];

/** The icon as an SVG document. */
export function iconSvg() {
  const path = `M${K.map(([x, y]) => `${x} ${y}`).join('L')}z`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SIZE} ${SIZE}">` +
    `<rect width="${SIZE}" height="${SIZE}" rx="${RADIUS}" fill="#1d4ed8"/>` +
    `<path d="${path}" fill="#fff"/></svg>\n`
  );
}

function inK(x, y) {
  let inside = false;
  for (let i = 0, j = K.length - 1; i < K.length; j = i++) {
    const [xi, yi] = K[i];
    const [xj, yj] = K[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inSquare(x, y) {
  const cx = Math.min(Math.max(x, RADIUS), SIZE - RADIUS);
  const cy = Math.min(Math.max(y, RADIUS), SIZE - RADIUS);
  return (x - cx) ** 2 + (y - cy) ** 2 <= RADIUS ** 2;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, sum]);
}

/** The icon as an RGBA PNG of `px` by `px` pixels (4 by 4 samples a pixel for smooth edges). */
export function iconPng(px) {
  const samples = 4;
  const row = px * 4 + 1;
  const raw = Buffer.alloc(row * px);
  for (let y = 0; y < px; y += 1) {
    raw[y * row] = 0; // filter: none
    for (let x = 0; x < px; x += 1) {
      let square = 0;
      let k = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const ux = ((x + (sx + 0.5) / samples) * SIZE) / px;
          const uy = ((y + (sy + 0.5) / samples) * SIZE) / px;
          if (inSquare(ux, uy)) {
            square += 1;
            if (inK(ux, uy)) k += 1;
          }
        }
      }
      const at = y * row + 1 + x * 4;
      const white = square ? k / square : 0;
      for (let c = 0; c < 3; c += 1) raw[at + c] = Math.round(BLUE[c] + (WHITE[c] - BLUE[c]) * white);
      raw[at + 3] = Math.round((255 * square) / (samples * samples));
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(px, 0);
  header.writeUInt32BE(px, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
