import zlib from 'node:zlib';
import { PNG_SIGNATURE, pngChunk } from '../src/demo/png.js';

/** A real 1×1 PNG carrying a text chunk with a "location", for tests of metadata stripping. */
export function pngWithText(): Buffer {
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', ihdr),
    pngChunk('tEXt', Buffer.from('Location\u000036.06N 103.83E', 'latin1')),
    pngChunk('IDAT', zlib.deflateSync(Buffer.from([0, 200, 50, 50]))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
