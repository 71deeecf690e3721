import { type ChatMessage, type ContactIdentity, PublicInboxApi, WidgetApiError, plainError } from './api'
import { type SavedSession, clearSession, loadSession, saveSession } from './storage'

/** A message the customer wrote that the server has not confirmed yet; a failed one keeps its text for a retry. */
export interface PendingMessage {
  localId: string
  content: string
  state: 'sending' | 'failed'
  error?: string
  /** Same key on every retry, so a send that reached the server but lost its answer is not stored twice. */
  idempotencyKey: string
}

/** What the socket delivers for an agent's public reply (MessageCreated on the server). */
export interface AgentReplyEvent {
  conversationId: number
  messageId: number
  content: string
  createdAt: string
}

// If the "stopped typing" event is lost (a dropped socket), the indicator must not stay forever.
export const TYPING_TIMEOUT_MS = 8_000

function randomKey(): string {
  // randomUUID needs a secure context; a host page on plain http (not localhost) does not have one.
  return (
    globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
  )
}

/**
 * The conversation's state and the rules for sending, without any DOM: the first message opens a contact session
 * and starts the conversation, later ones are sent into it; sends go one at a time so two quick messages never
 * start two conversations.
 */
export class ChatSession {
  messages: ChatMessage[] = []
  pending: PendingMessage[] = []
  agentTyping = false
  /** A problem loading the history (sending problems are on their pending message). */
  error: string | null = null
  private session: SavedSession | null
  private queue: Promise<void> = Promise.resolve()
  private typingTimer: ReturnType<typeof setTimeout> | undefined
  private readonly listeners = new Set<() => void>()

  constructor(
    private readonly api: PublicInboxApi,
    private readonly storage: Storage,
    private readonly inbox: string,
    private readonly identity: ContactIdentity,
    private readonly newKey: () => string = randomKey,
  ) {
    this.session = loadSession(storage, inbox)
  }

  get contactToken(): string | null {
    return this.session?.contactToken ?? null
  }

  get conversationId(): number | null {
    return this.session?.conversationId ?? null
  }

  /** Called on every change (for rendering); returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Loads the saved conversation's history; a session the server no longer accepts is forgotten. */
  async resume(): Promise<void> {
    const token = this.contactToken
    const conversationId = this.conversationId
    if (!token || conversationId === null) return
    try {
      const page = await this.api.messages(token, conversationId)
      this.merge(page.messages)
      this.error = null
    } catch (e) {
      if (e instanceof WidgetApiError && e.sessionLost) this.forget()
      else this.error = e instanceof WidgetApiError ? e.message : plainError(0)
    }
    this.changed()
  }

  /** Fetches what arrived while the socket was away (messages newer than the last one shown). */
  async catchUp(after: number | undefined = this.messages.at(-1)?.id): Promise<void> {
    const token = this.contactToken
    const conversationId = this.conversationId
    if (!token || conversationId === null) return
    try {
      const page = await this.api.messages(token, conversationId, after)
      this.merge(page.messages)
      this.changed()
    } catch {
      // The live connection is back; a failed catch-up is retried on the next reconnect.
    }
  }

  send(text: string): Promise<void> {
    const content = text.trim()
    if (!content) return Promise.resolve()
    const message: PendingMessage = {
      localId: this.newKey(),
      content,
      state: 'sending',
      idempotencyKey: this.newKey(),
    }
    this.pending.push(message)
    this.changed()
    return this.enqueue(message)
  }

  retry(localId: string): Promise<void> {
    const message = this.pending.find((p) => p.localId === localId)
    if (!message || message.state !== 'failed') return Promise.resolve()
    message.state = 'sending'
    message.error = undefined
    this.changed()
    return this.enqueue(message)
  }

  /** An agent's reply from the socket; replies about another conversation of the same contact are not shown here. */
  receiveAgentReply(event: AgentReplyEvent): void {
    if (event.conversationId !== this.conversationId) return
    const before = this.messages.filter((m) => m.id < event.messageId).at(-1)?.id
    this.merge([
      {
        id: event.messageId,
        messageType: 'outgoing',
        senderType: 'user',
        senderName: null,
        content: event.content,
        createdAt: event.createdAt,
      },
    ])
    this.setAgentTyping(event.conversationId, false)
    this.changed()
    // The socket event carries no sender name; the API's copy of the reply does (as a reload would show it).
    void this.catchUp(before)
  }

  setAgentTyping(conversationId: number, typing: boolean): void {
    if (conversationId !== this.conversationId) return
    clearTimeout(this.typingTimer)
    this.agentTyping = typing
    if (typing) {
      this.typingTimer = setTimeout(() => {
        this.agentTyping = false
        this.changed()
      }, TYPING_TIMEOUT_MS)
    }
    this.changed()
  }

  private enqueue(message: PendingMessage): Promise<void> {
    this.queue = this.queue.then(() => this.deliver(message))
    return this.queue
  }

  private async deliver(message: PendingMessage): Promise<void> {
    try {
      const token = await this.ensureContact()
      const conversationId = this.conversationId
      if (conversationId === null) {
        const started = await this.api.startConversation(token, message.content, message.idempotencyKey)
        this.session = { contactToken: token, conversationId: started.conversationId }
        saveSession(this.storage, this.inbox, this.session)
        this.merge([started.message])
      } else {
        this.merge([await this.api.send(token, conversationId, message.content, message.idempotencyKey)])
      }
      this.pending = this.pending.filter((p) => p !== message)
    } catch (e) {
      message.state = 'failed'
      message.error = e instanceof WidgetApiError ? e.message : plainError(0)
      // An expired token or a vanished conversation: the retry starts a fresh session instead of failing again.
      if (e instanceof WidgetApiError && e.sessionLost && this.session) this.forget()
    }
    this.changed()
  }

  private async ensureContact(): Promise<string> {
    if (this.session) return this.session.contactToken
    const opened = await this.api.openSession(this.identity)
    this.session = { contactToken: opened.contactToken }
    saveSession(this.storage, this.inbox, this.session)
    return opened.contactToken
  }

  private forget(): void {
    this.session = null
    this.messages = []
    clearSession(this.storage, this.inbox)
  }

  private merge(incoming: ChatMessage[]): void {
    const byId = new Map(this.messages.map((m) => [m.id, m]))
    for (const m of incoming) byId.set(m.id, m)
    this.messages = [...byId.values()].sort((a, b) => a.id - b.id)
  }

  private changed(): void {
    for (const listener of this.listeners) listener()
  }
}
