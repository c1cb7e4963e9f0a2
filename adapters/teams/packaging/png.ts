import { deflateSync } from 'node:zlib';

/** An RGBA image: `pixels` holds width × height × 4 bytes, row by row. */
export interface RgbaImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes an RGBA image as a PNG (8-bit, colour type 6, no filtering). Deterministic bytes. */
export function encodePng(image: RgbaImage): Buffer {
  const { width, height, pixels } = image;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    raw[y * (width * 4 + 1)] = 0;
    raw.set(pixels.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', new Uint8Array())]);
}

/** Width, height and colour type from a PNG's header; throws when the bytes are not a PNG. */
export function pngInfo(bytes: Uint8Array): { width: number; height: number; colorType: number } {
  const buffer = Buffer.from(bytes);
  if (buffer.length < 33 || buffer.readUInt32BE(0) !== 0x89504e47 || buffer.toString('ascii', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG file');
  }
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20), colorType: buffer[25]! };
}

/** Accent colour of the app (also the manifest's `accentColor`). */
export const ACCENT = [0x2e, 0x5e, 0x4e] as const;

/** Sound-wave bars (relative heights) drawn on both icons: a quiet tune playing in the background. */
const BARS = [0.3, 0.55, 0.85, 0.55, 0.7, 0.4];

function drawBars(image: RgbaImage, box: { x: number; y: number; size: number }, rgba: readonly [number, number, number, number]): void {
  const slot = box.size / (BARS.length * 2 - 1);
  BARS.forEach((h, i) => {
    const x0 = Math.round(box.x + i * 2 * slot);
    const x1 = Math.round(box.x + (i * 2 + 1) * slot);
    const barHeight = Math.max(2, Math.round(box.size * h));
    const y0 = Math.round(box.y + (box.size - barHeight) / 2);
    for (let y = y0; y < y0 + barHeight; y += 1) {
      for (let x = x0; x < x1; x += 1) image.pixels.set(rgba, (y * image.width + x) * 4);
    }
  });
}

/** The 192×192 full-colour icon: white bars on the accent colour. */
export function colorIcon(): RgbaImage {
  const size = 192;
  const image: RgbaImage = { width: size, height: size, pixels: new Uint8Array(size * size * 4) };
  for (let i = 0; i < size * size; i += 1) image.pixels.set([...ACCENT, 255], i * 4);
  drawBars(image, { x: 40, y: 40, size: 112 }, [255, 255, 255, 255]);
  return image;
}

/** The 32×32 outline icon Teams requires: white on a transparent background, nothing else. */
export function outlineIcon(): RgbaImage {
  const size = 32;
  const image: RgbaImage = { width: size, height: size, pixels: new Uint8Array(size * size * 4) };
  drawBars(image, { x: 5, y: 5, size: 22 }, [255, 255, 255, 255]);
  return image;
}
