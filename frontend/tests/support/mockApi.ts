import { vi } from 'vitest'

/** The `api` of src/api as component tests see it: every method a vi.fn the test scripts. */
export const api = {
  get: vi.fn(),
  post: vi.fn(),
  patch: vi.fn(),
  put: vi.fn(),
  del: vi.fn(),
  upload: vi.fn(),
  request: vi.fn(),
}

/**
 * What src/api is replaced with: `vi.mock('../src/api', async () => (await import('./support/mockApi')).apiModule())`.
 * `signedIn` gives the token store a session.
 */
export function apiModule(signedIn = false) {
  return {
    api,
    tokenStore: {
      get: () => (signedIn ? { accessToken: 'tok', refreshToken: 'r' } : null),
      set: () => undefined,
    },
    onSessionChange: () => undefined,
  }
}
