import { describe, expect, it } from 'vitest';
import { sniffImage, stripImageMetadata } from './image.js';
import { pngWithText } from '../../../test/images.js';

const seg = (marker: number, body: Buffer) => {
  const h = Buffer.from([0xff, marker, 0, 0]);
  h.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([h, body]);
};

describe('image metadata', () => {
  it('removes EXIF and comments from a JPEG, keeping JFIF and the picture', () => {
    const jpeg = Buffer.concat([
      Buffer.from([0xff, 0xd8]),
      seg(0xe0, Buffer.from('JFIF\u0000\u0001\u0001', 'latin1')),
      seg(0xe1, Buffer.from('Exif\u0000\u0000GPS 36.06N 103.83E', 'latin1')),
      seg(0xfe, Buffer.from('taken by Mr Wang', 'latin1')),
      seg(0xdb, Buffer.alloc(65, 1)),
      Buffer.from([0xff, 0xda, 0, 2, 9, 9, 9, 0xff, 0xd9]),
    ]);
    const out = stripImageMetadata(jpeg);
    expect(sniffImage(out)).toBe('image/jpeg');
    expect(out.toString('latin1')).not.toContain('GPS');
    expect(out.toString('latin1')).not.toContain('Mr Wang');
    expect(out.toString('latin1')).toContain('JFIF');
    expect(out.subarray(-9).equals(Buffer.from([0xff, 0xda, 0, 2, 9, 9, 9, 0xff, 0xd9]))).toBe(true);
  });

  it('removes text chunks from a PNG and refuses what is not an image', () => {
    const out = stripImageMetadata(pngWithText());
    expect(out.toString('latin1')).not.toContain('Location');
    expect(out.toString('latin1')).toContain('IDAT');
    expect(sniffImage(Buffer.from('<svg onload=alert(1)>'))).toBeNull();
    expect(() => stripImageMetadata(Buffer.from('GIF89a'))).toThrow();
  });
});
