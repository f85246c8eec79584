/**
 * Maps items a slice at a time, letting the event loop run between slices. An import prepares the
 * next batch while the current one waits on the database; that batch's answers must not queue
 * behind a whole batch of computing (the database would idle as long).
 */
export async function mapInSlices<T, U>(items: readonly T[], size: number, map: (item: T) => U): Promise<U[]> {
  const out: U[] = [];
  for (let i = 0; i < items.length; i += size) {
    for (const item of items.slice(i, i + size)) out.push(map(item));
    if (i + size < items.length) await new Promise((resolve) => setImmediate(resolve));
  }
  return out;
}
