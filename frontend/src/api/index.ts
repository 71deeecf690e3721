import { createApiClient, localStorageTokens } from './client'
import type { Session } from './types'

export const tokenStore = localStorageTokens()

type Listener = (session: Session | null) => void
const listeners: Listener[] = []

/** The auth store subscribes here to learn about refreshed or expired sessions. */
export function onSessionChange(listener: Listener): void {
  listeners.push(listener)
}

export const api = createApiClient({
  baseUrl: import.meta.env.VITE_API_URL && import.meta.env.DEV ? '' : (import.meta.env.VITE_API_URL ?? ''),
  tokens: tokenStore,
  onRefreshed: (session) => listeners.forEach((l) => l(session)),
  onSessionExpired: () => listeners.forEach((l) => l(null)),
})
