import { apiClient, NetworkError } from './api-client';

// index.html's inline script fills window.__hopsoEarly; in these tests nothing listens at the
// relative paths, so a read that is not answered early fails as a read with no answer does.
const earlyAnswer = (body: unknown) => Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }));

beforeEach(() => {
  // the page's clock: one second after navigation (the test process itself may be older than 15 s)
  jest.spyOn(performance, 'now').mockReturnValue(1_000);
  (globalThis as { window?: unknown }).window = { __hopsoEarly: { '/api/auth/me': earlyAnswer({ id: 'u1' }), '/api/meetings': earlyAnswer([{ id: 'm1' }]) } };
});
afterEach(() => {
  delete (globalThis as { window?: unknown }).window;
  jest.restoreAllMocks();
});

describe('answers index.html asked for before the app loaded', () => {
  it("answer the app's first read of that path, once", async () => {
    await expect(apiClient.get('/api/auth/me')).resolves.toEqual({ id: 'u1' });
    await expect(apiClient.get('/api/auth/me')).rejects.toBeInstanceOf(NetworkError);
  });

  it('are all dropped at the first write, so nothing read before a login is used after it', async () => {
    await expect(apiClient.post('/api/auth/login', { login: 'x', password: 'y' })).rejects.toBeInstanceOf(NetworkError);
    await expect(apiClient.get('/api/meetings')).rejects.toBeInstanceOf(NetworkError);
  });

  it('are not used once the first screen is long past', async () => {
    jest.mocked(performance.now).mockReturnValue(60_000);
    await expect(apiClient.get('/api/meetings')).rejects.toBeInstanceOf(NetworkError);
  });
});
