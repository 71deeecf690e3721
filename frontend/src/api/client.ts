import type { Session } from './types'

/** An API failure, carrying the server's `{"error":{"code","message"}}` when there was one. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly details: unknown

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.details = details
  }
}

export interface Tokens {
  accessToken: string
  refreshToken: string
}

/** Where the tokens live (localStorage in the app, memory in tests). */
export interface TokenStore {
  get(): Tokens | null
  set(tokens: Tokens | null): void
}

export interface RequestOptions {
  query?: Record<string, string | number | undefined | null>
  body?: unknown
  /** A multipart body (file uploads); the browser sets its Content-Type with the boundary. */
  form?: FormData
  headers?: Record<string, string>
  /** Send the bearer token and refresh it on 401 (default true). */
  auth?: boolean
}

export interface ApiClientOptions {
  baseUrl?: string
  fetch?: typeof fetch
  tokens: TokenStore
  /** Called with the new session after a refresh rotated the tokens. */
  onRefreshed?: (session: Session) => void
  /** Called when the session cannot be refreshed any more (signed out elsewhere, refresh token reused...). */
  onSessionExpired?: () => void
}

export type ApiClient = ReturnType<typeof createApiClient>

export function createApiClient(options: ApiClientOptions) {
  const base = (options.baseUrl ?? '').replace(/\/$/, '')
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init))
  // One refresh at a time: refresh tokens rotate and a reused one revokes its whole family.
  let refreshing: Promise<boolean> | null = null

  function url(path: string, query?: RequestOptions['query']): string {
    const params = new URLSearchParams()
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== null && value !== '') params.set(key, String(value))
    }
    const qs = params.toString()
    return base + path + (qs ? `?${qs}` : '')
  }

  async function send(method: string, path: string, opts: RequestOptions): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers }
    if (opts.body !== undefined && !opts.form) headers['Content-Type'] = 'application/json'
    const tokens = options.tokens.get()
    if (opts.auth !== false && tokens) headers.Authorization = `Bearer ${tokens.accessToken}`
    try {
      return await doFetch(url(path, opts.query), {
        method,
        headers,
        body: opts.form ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
      })
    } catch {
      throw new ApiError(0, 'network_error', 'Cannot reach the server. Check your connection and try again.')
    }
  }

  async function refresh(): Promise<boolean> {
    const tokens = options.tokens.get()
    if (!tokens) return false
    const response = await send('POST', '/api/auth/refresh', {
      auth: false,
      body: { refreshToken: tokens.refreshToken },
    })
    if (!response.ok) {
      options.tokens.set(null)
      options.onSessionExpired?.()
      return false
    }
    const session = (await response.json()) as Session
    options.tokens.set({ accessToken: session.accessToken, refreshToken: session.refreshToken })
    options.onRefreshed?.(session)
    return true
  }

  async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    const sentWith = options.tokens.get()?.accessToken
    let response = await send(method, path, opts)
    if (response.status === 401 && opts.auth !== false && sentWith) {
      if (options.tokens.get()?.accessToken === sentWith) {
        refreshing ??= refresh().finally(() => {
          refreshing = null
        })
        await refreshing
      }
      // Retry once, with whatever token is now current (another request may have refreshed already).
      if (options.tokens.get()) response = await send(method, path, opts)
    }
    if (!response.ok) throw await toError(response)
    if (response.status === 204) return undefined as T
    const text = await response.text()
    return (text ? JSON.parse(text) : undefined) as T
  }

  return {
    request,
    get: <T>(path: string, query?: RequestOptions['query']) => request<T>('GET', path, { query }),
    post: <T>(path: string, body?: unknown, headers?: Record<string, string>) =>
      request<T>('POST', path, { body: body ?? {}, headers }),
    patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
    put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
    upload: <T>(path: string, form: FormData) => request<T>('POST', path, { form }),
    del: (path: string) => request<void>('DELETE', path),
    refresh,
  }
}

export async function toError(response: Response): Promise<ApiError> {
  let code = `http_${response.status}`
  let message = response.statusText || `Request failed (${response.status})`
  let details: unknown
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string; details?: unknown } }
    if (body?.error) {
      code = body.error.code ?? code
      message = body.error.message ?? message
      details = body.error.details
    }
  } catch {
    // not JSON: keep the status line
  }
  return new ApiError(response.status, code, message, details)
}

/**
 * The per-field problems of a 422 `validation_failed` (`details.fields`), e.g. `{name: "is required"}`; empty when
 * the error carries none.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {}
  const details = error.details as { fields?: unknown; field?: unknown } | null | undefined
  const out: Record<string, string> = {}
  if (details && typeof details === 'object') {
    if (details.fields && typeof details.fields === 'object') {
      for (const [k, v] of Object.entries(details.fields as Record<string, unknown>)) out[k] = String(v)
    } else if (typeof details.field === 'string') {
      out[details.field] = error.message
    }
  }
  return out
}

/** The text to show for any error. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message
  if (error instanceof Error) return error.message
  return String(error)
}

export function localStorageTokens(key = 'hd.tokens'): TokenStore {
  return {
    get() {
      try {
        const raw = localStorage.getItem(key)
        return raw ? (JSON.parse(raw) as Tokens) : null
      } catch {
        return null
      }
    },
    set(tokens) {
      if (tokens) localStorage.setItem(key, JSON.stringify(tokens))
      else localStorage.removeItem(key)
    },
  }
}
