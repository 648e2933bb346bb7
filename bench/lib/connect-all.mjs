// Connects many benchmark sockets a few at a time (each handshake costs the server a session
// lookup and a join) and answers the orchestrator's 'connect' with what came up.
const now = () => performance.timeOrigin + performance.now();

/** connectOne(spec) resolves {state} or {error}; connected states are pushed to `into`. */
export async function connectAll(specs, connectOne, into, concurrency = 10) {
  const t0 = now();
  const errors = [];
  const queue = [...specs];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let spec; (spec = queue.shift()); ) {
        const { state, error } = await connectOne(spec);
        if (error) errors.push(error);
        else into.push(state);
      }
    }),
  );
  return { type: 'connected', ok: into.length, failed: errors.length, errors: errors.slice(0, 5), ms: now() - t0 };
}

/** fn(item, i) over every item, at most `limit` at a time; the results in the items' order. */
export async function mapLimit(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}
