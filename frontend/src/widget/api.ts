/** The public inbox API (/api/public/inboxes/{inbox}/...) as the widget calls it. */

/** A message as the customer sees it (PublicMessage on the server). */
export interface ChatMessage {
  id: number
  messageType: string // 'incoming' (the customer's) | 'outgoing' (an agent's)
  senderType: string | null
  senderName: string | null
  content: string
  createdAt: string
}

export interface ContactIdentity {
  name?: string
  email?: string
  identifierHash?: string
}

/** A failed call, with a sentence the customer can act on. {@code status} 0 means the network failed. */
export class WidgetApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }

  /** The saved session is no longer usable (token expired or the conversation is gone): start over. */
  get sessionLost(): boolean {
    return this.status === 401 || this.status === 403 || this.status === 404
  }
}

export function plainError(status: number): string {
  if (status === 0) return 'Could not reach us. Check your connection and try again.'
  if (status === 401 || status === 403)
    return 'Your chat session has expired. Please send your message again.'
  if (status === 404) return 'This chat is not available right now.'
  if (status === 413 || status === 422)
    return 'That message could not be sent. Please shorten it and try again.'
  if (status === 429) return 'Too many messages at once. Please wait a moment and try again.'
  return 'Something went wrong on our side. Please try again.'
}

export class PublicInboxApi {
  private readonly base: string

  constructor(
    apiBase: string,
    inbox: string,
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
  ) {
    this.base = `${apiBase}/api/public/inboxes/${encodeURIComponent(inbox)}`
  }

  openSession(identity: ContactIdentity): Promise<{ contactToken: string }> {
    return this.call('POST', '/contacts', { body: identity })
  }

  startConversation(
    token: string,
    content: string,
    idempotencyKey: string,
  ): Promise<{ conversationId: number; message: ChatMessage }> {
    return this.call('POST', '/conversations', { token, body: { content }, idempotencyKey })
  }

  send(token: string, conversationId: number, content: string, idempotencyKey: string): Promise<ChatMessage> {
    return this.call('POST', `/conversations/${conversationId}/messages`, {
      token,
      body: { content },
      idempotencyKey,
    })
  }

  /** The newest page, or the messages after a given id (catching up after a reconnect). */
  messages(token: string, conversationId: number, after?: number): Promise<{ messages: ChatMessage[] }> {
    const query = after === undefined ? '?limit=100' : `?limit=100&after=${after}`
    return this.call('GET', `/conversations/${conversationId}/messages${query}`, { token })
  }

  private async call<T>(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; idempotencyKey?: string },
  ): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' }
    if (options.body !== undefined) headers['Content-Type'] = 'application/json'
    if (options.token) headers.Authorization = `Bearer ${options.token}`
    if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey
    let response: Response
    try {
      response = await this.fetchImpl(this.base + path, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      })
    } catch {
      throw new WidgetApiError(0, plainError(0))
    }
    if (!response.ok) throw new WidgetApiError(response.status, plainError(response.status))
    return (await response.json()) as T
  }
}
