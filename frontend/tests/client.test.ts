import { describe, expect, it, vi } from 'vitest'
import { ApiError, createApiClient, type Tokens, type TokenStore } from '../src/api/client'

function memoryTokens(initial: Tokens | null): TokenStore & { value: Tokens | null } {
  const store = {
    value: initial,
    get: () => store.value,
    set: (t: Tokens | null) => {
      store.value = t
    },
  }
  return store
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })

const session = (n: number) => ({
  accessToken: `access-${n}`,
  refreshToken: `refresh-${n}`,
  expiresIn: 900,
  user: { id: 1, email: 'a@b.c', name: 'A', accountId: 7 },
  role: 'agent',
  accounts: [],
})

describe('api client', () => {
  it('sends the bearer token and parses JSON', async () => {
    const fetch = vi.fn(async () => json(200, { ok: true }))
    const api = createApiClient({ fetch, tokens: memoryTokens({ accessToken: 'a1', refreshToken: 'r1' }) })
    await expect(api.get('/api/x', { q: 'hi', empty: '' })).resolves.toEqual({ ok: true })
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/x?q=hi')
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer a1')
  })

  it('refreshes once on 401 and retries with the rotated token', async () => {
    const tokens = memoryTokens({ accessToken: 'access-0', refreshToken: 'refresh-0' })
    const onRefreshed = vi.fn()
    const fetch = vi.fn(async (url: string, init: RequestInit) => {
      if (url === '/api/auth/refresh') {
        expect(JSON.parse(init.body as string)).toEqual({ refreshToken: 'refresh-0' })
        return json(200, session(1))
      }
      const auth = (init.headers as Record<string, string>).Authorization
      return auth === 'Bearer access-1'
        ? json(200, { fine: 1 })
        : json(401, { error: { code: 'unauthorized', message: 'expired' } })
    })
    const api = createApiClient({ fetch: fetch as unknown as typeof globalThis.fetch, tokens, onRefreshed })
    await expect(api.get('/api/conversations')).resolves.toEqual({ fine: 1 })
    expect(tokens.value).toEqual({ accessToken: 'access-1', refreshToken: 'refresh-1' })
    expect(onRefreshed).toHaveBeenCalledOnce()
    expect(fetch).toHaveBeenCalledTimes(3)
  })

  it('shares one refresh between concurrent 401s (refresh tokens are single-use)', async () => {
    const tokens = memoryTokens({ accessToken: 'access-0', refreshToken: 'refresh-0' })
    let refreshes = 0
    const fetch = vi.fn(async (url: string, init: RequestInit) => {
      if (url === '/api/auth/refresh') {
        refreshes++
        await new Promise((r) => setTimeout(r, 10))
        return json(200, session(1))
      }
      const auth = (init.headers as Record<string, string>).Authorization
      return auth === 'Bearer access-1' ? json(200, { url }) : json(401, {})
    })
    const api = createApiClient({ fetch: fetch as unknown as typeof globalThis.fetch, tokens })
    const results = await Promise.all([api.get('/api/a'), api.get('/api/b'), api.get('/api/c')])
    expect(results).toEqual([{ url: '/api/a' }, { url: '/api/b' }, { url: '/api/c' }])
    expect(refreshes).toBe(1)
  })

  it('signs out when the refresh is rejected, and surfaces the API error', async () => {
    const tokens = memoryTokens({ accessToken: 'a', refreshToken: 'r' })
    const onSessionExpired = vi.fn()
    const fetch = vi.fn(async () => json(401, { error: { code: 'unauthorized', message: 'Sign in again.' } }))
    const api = createApiClient({ fetch, tokens, onSessionExpired })
    const error = await api.get('/api/me').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).status).toBe(401)
    expect(tokens.value).toBeNull()
    expect(onSessionExpired).toHaveBeenCalledOnce()
    expect(fetch).toHaveBeenCalledTimes(2) // the call and the refresh; no retry without tokens
  })

  it("turns the API's error body into the message shown to the agent", async () => {
    const fetch = vi.fn(async () =>
      json(422, { error: { code: 'validation_failed', message: 'content is required' } }),
    )
    const api = createApiClient({ fetch, tokens: memoryTokens(null) })
    await expect(api.post('/api/x', {})).rejects.toMatchObject({
      status: 422,
      code: 'validation_failed',
      message: 'content is required',
    })
  })

  it('reports network failures plainly', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch')
    })
    const api = createApiClient({ fetch, tokens: memoryTokens(null) })
    await expect(api.get('/api/x')).rejects.toMatchObject({ code: 'network_error' })
  })
})
