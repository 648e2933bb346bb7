// The integration tests' time budget, set-up hooks included: a hook that starts a server, builds a
// meeting and generates a 300-page fixture took over a minute at load 16–20 on a 2-core machine
// (live-edges, issue 15). Tests still wait for positive signals; this only bounds a stuck one.
jest.setTimeout(180_000);
