import { Readable } from 'node:stream';

/** The first bytes of a stream (up to `size`) and a stream of the whole, so a file can be judged before it is read. */
export async function peek(input: Readable, size: number): Promise<{ sample: Buffer; whole: Readable; ended: boolean }> {
  const iterator = input[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const chunks: Buffer[] = [];
  let length = 0;
  let ended = false;
  while (length < size) {
    const next = await iterator.next();
    if (next.done) { ended = true; break; }
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    chunks.push(chunk);
    length += chunk.length;
  }
  const sample = Buffer.concat(chunks);
  async function* rest(): AsyncGenerator<Buffer> {
    if (sample.length) yield sample;
    if (ended) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    }
  }
  return { sample: sample.subarray(0, size), whole: Readable.from(rest(), { objectMode: false }), ended };
}

/** What the first bytes say a file is, whatever its name. */
export function sniff(sample: Buffer): 'zip' | 'ole' | 'utf16' | 'binary' | 'text' {
  if (sample.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'zip';
  if (sample.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) return 'ole';
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf16';
  if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf16';
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return 'binary';
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) control++;
  }
  // Text has next to no control characters; images, archives and executables are full of them.
  return control > sample.length / 100 ? 'binary' : 'text';
}
