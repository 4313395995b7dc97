import { randomFillSync } from 'node:crypto';

/**
 * Random bytes drawn 4 KiB at a time: one `randomFillSync` per 1,024 ids instead of one or two
 * `randomBytes` calls per id (each a system call into the kernel's generator).
 */
function randomPool(size = 4096): (count: number) => Buffer {
  const pool = Buffer.alloc(size);
  let offset = size;
  return (count) => {
    if (offset + count > size) {
      randomFillSync(pool);
      offset = 0;
    }
    const bytes = pool.subarray(offset, offset + count);
    offset += count;
    return bytes;
  };
}

/** Makes uuids that sort (as Postgres compares uuids: bytewise) in the order they were made. */
export type OrderedJobIds = () => string;

/**
 * A UUIDv7-shaped id generator, monotonic within the process: 48 bits of milliseconds, then a
 * 42-bit counter that starts at a random point each millisecond and carries into the clock when
 * it overflows, then 32 random bits. pg-boss breaks ties between jobs of one key that share a
 * `created_on` (one transaction) by id, so ids made in arrival order keep a thread's jobs in order.
 */
export function orderedJobIds(now: () => number = Date.now): OrderedJobIds {
  const randomBytes = randomPool();
  let lastMs = 0;
  let counter = 0;
  return () => {
    const ms = now();
    if (ms > lastMs) {
      lastMs = ms;
      counter = randomBytes(5).readUIntBE(0, 5); // < 2^40: room for 3 * 2^40 more ids this ms
    } else {
      counter += 1;
      if (counter >= 2 ** 42) {
        lastMs += 1;
        counter = 0;
      }
    }
    const hex =
      lastMs.toString(16).padStart(12, '0') +
      // version 7, then the counter's top 12 bits
      (0x7000 + Math.floor(counter / 2 ** 30)).toString(16) +
      // variant 10, then 30 more counter bits, then 32 random bits
      (0x80000000 + (counter % 2 ** 30)).toString(16).padStart(8, '0') +
      randomBytes(4).toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
}
