import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '../api'
import { errorMessage } from '../api/client'
import type {
  AiClassificationEvent,
  ConversationDetail,
  ConversationUpdate,
  Message,
  MessagePage,
} from '../api/types'

function newKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`
}

/** The open conversation: detail, timeline, sending and changes. */
export const useConversationStore = defineStore('conversation', () => {
  const id = ref<number | null>(null)
  const detail = ref<ConversationDetail | null>(null)
  const messages = ref<Message[]>([])
  const olderCursor = ref<number | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)
  const updating = ref(false)
  const updateError = ref<string | null>(null)

  async function open(conversationId: number): Promise<void> {
    id.value = conversationId
    loading.value = true
    error.value = null
    updateError.value = null
    detail.value = null
    messages.value = []
    try {
      const [d, page] = await Promise.all([
        api.get<ConversationDetail>(`/api/conversations/${conversationId}`),
        api.get<MessagePage>(`/api/conversations/${conversationId}/messages`, { limit: 50 }),
      ])
      if (id.value !== conversationId) return
      detail.value = d
      messages.value = page.messages
      olderCursor.value = page.nextCursor
    } catch (e) {
      if (id.value === conversationId) error.value = errorMessage(e)
    } finally {
      if (id.value === conversationId) loading.value = false
    }
  }

  function close(): void {
    id.value = null
    detail.value = null
    messages.value = []
  }

  async function loadOlder(): Promise<void> {
    if (!id.value || !olderCursor.value) return
    const page = await api.get<MessagePage>(`/api/conversations/${id.value}/messages`, {
      before: olderCursor.value,
      limit: 50,
    })
    messages.value = [...page.messages, ...messages.value]
    olderCursor.value = page.nextCursor
  }

  /** Fetches what is newer than the last entry we have (live events, polling). */
  async function loadNewer(): Promise<void> {
    const conversationId = id.value
    if (!conversationId) return
    const last = messages.value[messages.value.length - 1]
    const page = await api.get<MessagePage>(
      `/api/conversations/${conversationId}/messages`,
      last ? { after: last.id, limit: 100 } : { limit: 50 },
    )
    if (id.value !== conversationId) return
    addMessages(page.messages)
  }

  async function reloadDetail(): Promise<void> {
    const conversationId = id.value
    if (!conversationId) return
    const d = await api.get<ConversationDetail>(`/api/conversations/${conversationId}`)
    if (id.value === conversationId) detail.value = d
  }

  /** Adds entries, skipping ones we already have, keeping id order. */
  function addMessages(incoming: Message[]): void {
    const known = new Set(messages.value.map((m) => m.id))
    const fresh = incoming.filter((m) => !known.has(m.id) && m.conversationId === id.value)
    if (fresh.length === 0) return
    messages.value = [...messages.value, ...fresh].sort((a, b) => a.id - b.id)
  }

  // One idempotency key per piece of text being sent: a retry after a failure repeats the same key, so the
  // server never stores the message twice even if the first attempt actually arrived.
  let pendingKey: { content: string; isPrivate: boolean; key: string } | null = null

  async function send(content: string, isPrivate: boolean): Promise<Message> {
    const conversationId = id.value
    if (!conversationId) throw new Error('No conversation is open.')
    if (!pendingKey || pendingKey.content !== content || pendingKey.isPrivate !== isPrivate) {
      pendingKey = { content, isPrivate, key: newKey() }
    }
    const message = await api.post<Message>(
      `/api/conversations/${conversationId}/messages`,
      { content, private: isPrivate },
      { 'Idempotency-Key': pendingKey.key },
    )
    pendingKey = null
    if (id.value === conversationId) addMessages([message])
    return message
  }

  async function update(change: ConversationUpdate): Promise<boolean> {
    const conversationId = id.value
    if (!conversationId) return false
    updating.value = true
    updateError.value = null
    try {
      const d = await api.patch<ConversationDetail>(`/api/conversations/${conversationId}`, change)
      if (id.value === conversationId) {
        detail.value = d
        void loadNewer().catch(() => undefined) // the activity entries
      }
      return true
    } catch (e) {
      updateError.value = errorMessage(e)
      return false
    } finally {
      updating.value = false
    }
  }

  /** The socket event `ai:classification`: the panel shows it at once, before the detail is reloaded. */
  function applyClassification(event: AiClassificationEvent): void {
    const d = detail.value
    if (!d || event.conversationId !== d.id) return
    detail.value = {
      ...d,
      aiCategory: event.category ?? d.aiCategory,
      priority: event.priority ?? d.priority,
      sentiment: event.sentiment ?? d.sentiment,
      language: event.language ?? d.language,
      aiConfidence: event.confidence ?? d.aiConfidence,
      aiReasoning: event.reasoning ?? d.aiReasoning,
      aiProvider: event.provider ?? d.aiProvider,
    }
  }

  return {
    id,
    detail,
    messages,
    olderCursor,
    loading,
    error,
    updating,
    updateError,
    open,
    close,
    loadOlder,
    loadNewer,
    reloadDetail,
    addMessages,
    send,
    update,
    applyClassification,
  }
})
