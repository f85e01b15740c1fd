/** Writing to a stream with back-pressure, whatever kind of stream it is (a file, stdout, a test). */
import { once } from 'node:events';

export interface Sink {
  write(chunk: string | Uint8Array): unknown;
}

export async function writeTo(sink: Sink, chunk: string | Uint8Array): Promise<void> {
  const ok = sink.write(chunk);
  const emitter = sink as Partial<NodeJS.EventEmitter>;
  if (ok === false && typeof emitter.once === 'function') await once(emitter as NodeJS.EventEmitter, 'drain');
}
