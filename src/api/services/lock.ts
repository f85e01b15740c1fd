/**
 * One change at a time per record within this process: an event is validated against the record's
 * events and then appended, and nothing may slip in between.
 */
const tails = new Map<string, Promise<unknown>>();

export async function withLock<T>(key: string, run: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const result = previous.then(run, run);
  const tail = result.catch(() => undefined);
  tails.set(key, tail);
  try {
    return await result;
  } finally {
    if (tails.get(key) === tail) tails.delete(key);
  }
}
