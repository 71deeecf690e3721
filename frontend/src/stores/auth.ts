import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api, onSessionChange, tokenStore } from '../api'
import type { AccountSummary, Session, SessionUser } from '../api/types'

interface Me {
  user: SessionUser
  role: string
  accounts: AccountSummary[]
}

export const useAuthStore = defineStore('auth', () => {
  const user = ref<SessionUser | null>(null)
  const role = ref<string>('')
  const accounts = ref<AccountSummary[]>([])
  const accessToken = ref<string | null>(tokenStore.get()?.accessToken ?? null)

  const signedIn = computed(() => user.value !== null)
  const accountId = computed(() => user.value?.accountId ?? null)
  const account = computed(() => accounts.value.find((a) => a.id === accountId.value) ?? null)
  const isAdmin = computed(() => role.value === 'admin' || role.value === 'owner')

  function apply(session: Session | (Me & { accessToken?: string })): void {
    user.value = session.user
    role.value = session.role
    accounts.value = session.accounts
    if ('accessToken' in session && session.accessToken) accessToken.value = session.accessToken
  }

  function clear(): void {
    user.value = null
    role.value = ''
    accounts.value = []
    accessToken.value = null
  }

  onSessionChange((session) => (session ? apply(session) : clear()))

  async function login(email: string, password: string): Promise<void> {
    const session = await api.request<Session>('POST', '/api/auth/login', {
      auth: false,
      body: { email, password },
    })
    tokenStore.set({ accessToken: session.accessToken, refreshToken: session.refreshToken })
    apply(session)
  }

  /** Restores the session from stored tokens (refreshing them if the access token expired). */
  async function restore(): Promise<boolean> {
    if (user.value) return true
    if (!tokenStore.get()) return false
    try {
      const me = await api.get<Me>('/api/auth/me')
      accessToken.value = tokenStore.get()?.accessToken ?? null
      apply(me)
      return true
    } catch {
      tokenStore.set(null)
      clear()
      return false
    }
  }

  async function switchAccount(id: number): Promise<void> {
    const session = await api.post<Session>('/api/auth/switch-account', { accountId: id })
    tokenStore.set({ accessToken: session.accessToken, refreshToken: session.refreshToken })
    apply(session)
  }

  async function logout(): Promise<void> {
    const tokens = tokenStore.get()
    tokenStore.set(null)
    clear()
    if (tokens) {
      await api
        .request('POST', '/api/auth/logout', { auth: false, body: { refreshToken: tokens.refreshToken } })
        .catch(() => undefined)
    }
  }

  return {
    user,
    role,
    accounts,
    accessToken,
    signedIn,
    accountId,
    account,
    isAdmin,
    login,
    restore,
    switchAccount,
    logout,
  }
})
