/**
 * The typed-array buffers under the word indexes (words.ts), kept from one review to the next: the
 * buffers of the indexes `forgetWords` dropped serve the next review's indexes. A typed array of more
 * than 64 bytes lives outside V8's heap: allocating one costs microseconds (about as much as reading a
 * 2,000-word plan's words for the 24 KB ones) and adds to the external memory that brings on collections.
 * A review built some 25 of them (five texts' offsets, keys and hash chains); now it reuses them.
 */
/** The spare buffers, any order. */
const spare: Int32Array[] = [];
/** More spare buffers than this are let go (a review of the longest plan keeps about 40). */
const MAX_SPARE = 64;

/**
 * A zero-based view of `length` elements on a spare buffer (the smallest that fits) or on a new one,
 * recorded in `owner` so that it goes back to the spares with its index (`giveBack`). Its contents are stale.
 */
export function take(length: number, owner: Int32Array[]): Int32Array {
  let best = -1;
  for (let i = 0; i < spare.length; i += 1) {
    const b = spare[i];
    if (b && b.length >= length && (best < 0 || b.length < (spare[best]?.length ?? 0))) best = i;
  }
  let buffer: Int32Array;
  if (best >= 0) {
    buffer = spare[best] ?? new Int32Array(0);
    spare[best] = spare[spare.length - 1] ?? buffer;
    spare.pop();
  } else {
    // Powers of two, so that texts of a similar length share buffers.
    let size = 64;
    while (size < length) size *= 2;
    buffer = new Int32Array(size);
  }
  owner.push(buffer);
  return buffer.subarray(0, length);
}

/** Hands `buffers` (an index's, emptied here) back to the spares, as far as `MAX_SPARE` allows. */
export function giveBack(buffers: Int32Array[]): void {
  for (const b of buffers) if (spare.length < MAX_SPARE) spare.push(b);
  buffers.length = 0;
}
