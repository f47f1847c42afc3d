// Draws images/icon.png (128×128): a lens over a line of text with a highlighted quote.
// Kept so the icon can be redrawn; it needs nothing but Node.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const N = 128;
const px = new Uint8Array(N * N * 4);
const set = (x, y, [r, g, b, a]) => {
  const i = (y * N + x) * 4;
  const k = a / 255;
  px[i] = Math.round(px[i] * (1 - k) + r * k);
  px[i + 1] = Math.round(px[i + 1] * (1 - k) + g * k);
  px[i + 2] = Math.round(px[i + 2] * (1 - k) + b * k);
  px[i + 3] = Math.max(px[i + 3], a);
};
const inRounded = (x, y, r) => {
  const cx = Math.min(Math.max(x, r), N - 1 - r);
  const cy = Math.min(Math.max(y, r), N - 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
for (let y = 0; y < N; y++) for (let x = 0; x < N; x++) {
  if (inRounded(x, y, 22)) set(x, y, [27, 54, 93, 255]);
  // lines of text
  for (const [ly, w] of [[34, 84], [52, 70], [70, 88], [88, 60]]) if (y >= ly && y < ly + 7 && x >= 20 && x < 20 + w) set(x, y, [160, 178, 204, 255]);
  // the highlighted quote
  if (y >= 50 && y < 61 && x >= 40 && x < 92) set(x, y, [255, 196, 61, 255]);
  // the lens: a ring and a handle
  const d = Math.hypot(x - 66, y - 56);
  if (d >= 24 && d <= 31) set(x, y, [255, 255, 255, 255]);
  const t = ((x - 86) + (y - 76)) / 2;
  const off = Math.abs((x - 86) - (y - 76)) / Math.SQRT2;
  if (t >= 0 && t <= 22 && off <= 6) set(x, y, [255, 255, 255, 255]);
}
const raw = Buffer.alloc(N * (N * 4 + 1));
for (let y = 0; y < N; y++) {
  raw[y * (N * 4 + 1)] = 0;
  Buffer.from(px.buffer, y * N * 4, N * 4).copy(raw, y * (N * 4 + 1) + 1);
}
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const c = Buffer.alloc(4); c.writeUInt32BE(crc(td));
  return Buffer.concat([len, td, c]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0); ihdr.writeUInt32BE(N, 4); ihdr[8] = 8; ihdr[9] = 6;
writeFileSync('images/icon.png', Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0)),
]));
