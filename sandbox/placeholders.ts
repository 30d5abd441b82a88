// What storage serves for a key the catalog names but whose bytes were never uploaded: the seeds'
// product images and plan files (and those of a state file, whose uploads are not kept). Images get
// a small generated PNG (a colour from the key, so two images look different), anything else a line
// of text. Deterministic and pure.
import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';

export interface Placeholder {
  bytes: Buffer;
  contentType: string;
}

const IMAGE_EXTENSIONS = /\.(png|jpe?g|gif|webp|svg|bmp|avif)$/i;
const SIZE = 64;

export function placeholderFor(key: string): Placeholder {
  if (IMAGE_EXTENSIONS.test(key)) return { bytes: placeholderPng(key), contentType: 'image/png' };
  const name = key.split('/').pop() ?? key;
  return { bytes: Buffer.from(`${name}\n\nA placeholder from the kelviq sandbox: this seeded file was never uploaded, so the sandbox serves this text instead.\n`), contentType: 'text/plain; charset=utf-8' };
}

/** A SIZE×SIZE RGB PNG: a diagonal split between two colours drawn from the key's hash. */
export function placeholderPng(key: string): Buffer {
  const hash = createHash('sha256').update(key).digest();
  const a = [hash[0]!, hash[1]!, hash[2]!];
  const b = a.map((c) => 255 - Math.floor(c / 2));
  const rows: Buffer[] = [];
  for (let y = 0; y < SIZE; y++) {
    const row = Buffer.alloc(1 + SIZE * 3); // filter byte 0: none
    for (let x = 0; x < SIZE; x++) {
      const colour = x + y < SIZE ? a : b;
      row[1 + x * 3] = colour[0]!;
      row[2 + x * 3] = colour[1]!;
      row[3 + x * 3] = colour[2]!;
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed) >>> 0);
  return Buffer.concat([length, typed, crc]);
}
