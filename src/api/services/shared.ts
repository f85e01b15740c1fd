/**
 * Values shared between requests: a view cached under its data version is handed to every request
 * that asks for it while the version holds. Such a value is frozen (no caller can change what the
 * next one gets), and its JSON text is made once, as UTF-8 bytes, for the API to send as it is.
 */
const shared = new WeakSet<object>();
const texts = new WeakMap<object, Buffer>();

/** Freezes the value (its own properties; what it holds is shared as it is) and marks it shared. */
export function share<T extends object>(value: T): Readonly<T> {
  shared.add(Object.freeze(value));
  return value;
}

/** The JSON text of a shared value as UTF-8, made on the first call; undefined for any other value. */
export function sharedJson(value: unknown): Buffer | undefined {
  if (typeof value !== 'object' || value === null || !shared.has(value)) return undefined;
  let text = texts.get(value);
  if (text === undefined) {
    text = Buffer.from(JSON.stringify(value), 'utf8');
    texts.set(value, text);
  }
  return text;
}
