import { defineStore } from 'pinia'
import { computed, reactive, ref } from 'vue'
import { api } from '../api'
import { errorMessage } from '../api/client'
import type { ConversationPage, ConversationSummary, Counts } from '../api/types'
import { isUnread, loadViewState, markViewed, saveViewState, type ViewState } from '../lib/unread'

export type Tab = 'mine' | 'unassigned' | 'all'

export interface Filters {
  status: string
  priority: string
  category: string
  sentiment: string
  team: string
  label: string
  q: string
  sort: string
}

export const defaultFilters = (): Filters => ({
  status: 'open',
  priority: '',
  category: '',
  sentiment: '',
  team: '',
  label: '',
  q: '',
  sort: 'newest',
})

/** The conversation list: tab, filters, the current page and the unread markers. */
export const useInboxStore = defineStore('inbox', () => {
  const tab = ref<Tab>('all')
  const filters = reactive<Filters>(defaultFilters())
  const conversations = ref<ConversationSummary[]>([])
  const counts = ref<Counts>({ mine: 0, unassigned: 0, all: 0 })
  const total = ref(0)
  const loading = ref(false)
  const loadedOnce = ref(false)
  const error = ref<string | null>(null)
  const viewKey = ref('hd.viewed')
  const views = ref<ViewState>({ baseline: Date.now(), viewed: {} })
  let generation = 0

  function useViewStateOf(userId: number, accountId: number): void {
    viewKey.value = `hd.viewed.${userId}.${accountId}`
    views.value = loadViewState(viewKey.value)
  }

  function query(): Record<string, string> {
    const q: Record<string, string> = { assignee: tab.value === 'all' ? 'any' : tab.value, pageSize: '50' }
    for (const [key, value] of Object.entries(filters)) if (value) q[key] = value
    return q
  }

  /** Loads the list; a slower earlier response never overwrites a newer one. */
  async function fetchList(): Promise<void> {
    const mine = ++generation
    loading.value = true
    try {
      const page = await api.get<ConversationPage>('/api/conversations', query())
      if (mine !== generation) return
      conversations.value = page.conversations
      counts.value = page.counts
      total.value = page.pagination.total
      error.value = null
    } catch (e) {
      if (mine === generation) error.value = errorMessage(e)
    } finally {
      if (mine === generation) {
        loading.value = false
        loadedOnce.value = true
      }
    }
  }

  let refreshTimer: ReturnType<typeof setTimeout> | null = null
  /** Coalesces bursts of live events into one reload. */
  function scheduleRefresh(delay = 250): void {
    if (refreshTimer) return
    refreshTimer = setTimeout(() => {
      refreshTimer = null
      void fetchList()
    }, delay)
  }

  function setTab(next: Tab): void {
    tab.value = next
    void fetchList()
  }

  function resetFilters(): void {
    Object.assign(filters, defaultFilters())
    void fetchList()
  }

  function unread(c: ConversationSummary): boolean {
    return isUnread(c, views.value)
  }

  function markRead(id: number, at: number = Date.now()): void {
    views.value = markViewed(views.value, id, at)
    saveViewState(viewKey.value, views.value)
  }

  /** Applies a change we already know about (e.g. our own PATCH) without waiting for a reload. */
  function patchLocal(id: number, change: Partial<ConversationSummary>): void {
    const i = conversations.value.findIndex((c) => c.id === id)
    const current = conversations.value[i]
    if (current) conversations.value.splice(i, 1, { ...current, ...change })
  }

  const unreadCount = computed(() => conversations.value.filter(unread).length)

  return {
    tab,
    filters,
    conversations,
    counts,
    total,
    loading,
    loadedOnce,
    error,
    views,
    unreadCount,
    useViewStateOf,
    fetchList,
    scheduleRefresh,
    setTab,
    resetFilters,
    unread,
    markRead,
    patchLocal,
  }
})
