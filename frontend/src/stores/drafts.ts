import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api } from '../api'
import { ApiError, errorMessage } from '../api/client'
import type { AiDraftEvent, Article, DraftOutcome, StoredDraft } from '../api/types'

export type DraftState = 'idle' | 'loading' | 'ready' | 'none' | 'error' | 'off'

export const aiFeaturesEnabled = (): boolean => import.meta.env.VITE_ENABLE_AI_FEATURES !== 'false'

/** Same text for feedback purposes: surrounding whitespace and line-ending differences do not count as edits. */
export function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\r\n/g, '\n').trim()
  return norm(a) === norm(b)
}

/**
 * The open conversation's reply drafts (latest first), what the agent does with them (insert → send records
 * accepted or edited, reject, regenerate) and the titles of the articles they cite.
 */
export const useDraftStore = defineStore('drafts', () => {
  const conversationId = ref<number | null>(null)
  const drafts = ref<StoredDraft[]>([])
  const state = ref<DraftState>('idle')
  const error = ref<string | null>(null)
  const busy = ref<'regenerate' | 'reject' | null>(null)
  const actionError = ref<string | null>(null)
  /** Per conversation: the draft the agent put in the composer, and its text at that moment. */
  const inserted = ref<Record<number, { draftId: number; content: string }>>({})
  /** Cited article id → title; null when it cannot be shown (deleted, or not visible). */
  const titles = ref<Record<number, string | null>>({})
  const latest = computed(() => drafts.value[0] ?? null)

  function upsert(draft: StoredDraft): void {
    if (draft.conversationId !== conversationId.value) return
    const rest = drafts.value.filter((d) => d.id !== draft.id)
    const existing = drafts.value.find((d) => d.id === draft.id)
    // An event may arrive after the API answer with feedback already recorded: keep what we know.
    const merged = existing && existing.status !== 'pending' ? { ...draft, ...existing } : draft
    drafts.value = [merged, ...rest].sort((a, b) => b.id - a.id)
    state.value = 'ready'
    void resolveTitles(merged.citedArticleIds)
  }

  async function open(id: number): Promise<void> {
    conversationId.value = id
    drafts.value = []
    error.value = null
    actionError.value = null
    busy.value = null
    if (!aiFeaturesEnabled()) {
      state.value = 'off'
      return
    }
    state.value = 'loading'
    try {
      const list = await api.get<{ drafts: StoredDraft[] }>('/api/ai/drafts', { conversationId: id })
      if (conversationId.value !== id) return
      // A live draft may have arrived while we waited.
      const known = new Set(drafts.value.map((d) => d.id))
      drafts.value = [...drafts.value, ...list.drafts.filter((d) => !known.has(d.id))].sort(
        (a, b) => b.id - a.id,
      )
      state.value = drafts.value.length ? 'ready' : 'none'
      void resolveTitles(drafts.value[0]?.citedArticleIds ?? [])
    } catch (e) {
      if (conversationId.value !== id) return
      error.value = errorMessage(e)
      state.value = 'error'
    }
  }

  /** Catches up without a loading state (polling while the socket is down, reconnects). */
  async function refresh(): Promise<void> {
    const id = conversationId.value
    if (id === null || !aiFeaturesEnabled() || state.value === 'loading') return
    try {
      const list = await api.get<{ drafts: StoredDraft[] }>('/api/ai/drafts', { conversationId: id })
      if (conversationId.value !== id) return
      const head = list.drafts[0]
      if (head && head.id !== drafts.value[0]?.id) upsert(head)
    } catch {
      // keep what we show; the next poll tries again
    }
  }

  function close(): void {
    conversationId.value = null
    drafts.value = []
    state.value = 'idle'
  }

  /** The socket event `ai:draft`. */
  function receive(event: AiDraftEvent): void {
    if (!aiFeaturesEnabled() || event.conversationId !== conversationId.value) return
    upsert({
      id: event.draftId,
      conversationId: event.conversationId,
      messageId: event.messageId,
      origin: event.origin,
      content: event.content,
      confidence: event.confidence,
      reasoning: event.reasoning,
      citedArticleIds: event.citedArticleIds ?? [],
      provider: event.provider,
      status: 'pending',
    })
  }

  async function regenerate(): Promise<void> {
    const id = conversationId.value
    if (id === null || busy.value) return
    busy.value = 'regenerate'
    actionError.value = null
    try {
      upsert(await api.post<StoredDraft>('/api/ai/drafts', { conversationId: id }))
    } catch (e) {
      if (conversationId.value === id) actionError.value = errorMessage(e)
    } finally {
      busy.value = null
    }
  }

  async function feedback(draft: StoredDraft, outcome: DraftOutcome, finalText?: string): Promise<void> {
    try {
      const updated = await api.post<StoredDraft>(`/api/ai/drafts/${draft.id}/feedback`, {
        outcome,
        ...(finalText !== undefined ? { finalText } : {}),
      })
      replace(updated)
    } catch (e) {
      // Recorded already (another tab, a retry): nothing to do.
      if (e instanceof ApiError && e.status === 409) return
      throw e
    }
  }

  function replace(updated: StoredDraft): void {
    drafts.value = drafts.value.map((d) => (d.id === updated.id ? { ...d, ...updated } : d))
  }

  async function reject(draft: StoredDraft): Promise<void> {
    if (busy.value) return
    busy.value = 'reject'
    actionError.value = null
    try {
      await feedback(draft, 'rejected')
      replace({ ...draft, status: 'rejected' })
      const ins = inserted.value[draft.conversationId]
      if (ins?.draftId === draft.id) forget(draft.conversationId)
    } catch (e) {
      actionError.value = errorMessage(e)
    } finally {
      busy.value = null
    }
  }

  /** The agent put this draft in the composer: what they send next is its feedback. */
  function markInserted(draft: StoredDraft): void {
    inserted.value = {
      ...inserted.value,
      [draft.conversationId]: { draftId: draft.id, content: draft.content },
    }
  }

  function forget(cid: number): void {
    const next = { ...inserted.value }
    delete next[cid]
    inserted.value = next
  }

  /**
   * A public reply was sent in the conversation: when it came from an inserted draft, records `accepted` (sent as
   * drafted) or `edited` with the text that was sent. Returns the outcome recorded, if any.
   */
  async function replySent(cid: number, text: string): Promise<DraftOutcome | null> {
    const ins = inserted.value[cid]
    if (!ins) return null
    forget(cid)
    const draft = drafts.value.find((d) => d.id === ins.draftId) ?? {
      id: ins.draftId,
      conversationId: cid,
      content: ins.content,
    }
    const outcome: DraftOutcome = sameText(text, ins.content) ? 'accepted' : 'edited'
    try {
      await feedback(draft as StoredDraft, outcome, text)
      return outcome
    } catch (e) {
      if (conversationId.value === cid) actionError.value = `Draft feedback not recorded: ${errorMessage(e)}`
      return null
    }
  }

  const pendingTitles = new Set<number>()
  async function resolveTitles(ids: number[]): Promise<void> {
    const missing = ids.filter((id) => !(id in titles.value) && !pendingTitles.has(id))
    missing.forEach((id) => pendingTitles.add(id))
    await Promise.all(
      missing.map(async (id) => {
        let title: string | null = null
        try {
          title = (await api.get<Article>(`/api/kb/articles/${id}`)).title
        } catch {
          title = null
        } finally {
          pendingTitles.delete(id)
        }
        titles.value = { ...titles.value, [id]: title }
      }),
    )
  }

  function reset(): void {
    close()
    inserted.value = {}
    titles.value = {}
  }

  return {
    conversationId,
    drafts,
    latest,
    state,
    error,
    busy,
    actionError,
    inserted,
    titles,
    open,
    refresh,
    close,
    receive,
    regenerate,
    reject,
    markInserted,
    replySent,
    resolveTitles,
    reset,
  }
})
