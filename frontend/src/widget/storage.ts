/** The customer's session in this browser: enough to resume the conversation after a reload. */
export interface SavedSession {
  contactToken: string
  conversationId?: number
}

const key = (inbox: string) => `hummdesk.widget.${inbox}`

/** The saved session for the inbox, or null when there is none or it is unreadable (then the widget starts over). */
export function loadSession(storage: Storage, inbox: string): SavedSession | null {
  try {
    const raw = storage.getItem(key(inbox))
    if (!raw) return null
    const parsed: unknown = JSON.parse(raw)
    if (typeof parsed !== 'object' || parsed === null) return null
    const { contactToken, conversationId } = parsed as Record<string, unknown>
    if (typeof contactToken !== 'string' || !contactToken) return null
    return typeof conversationId === 'number' ? { contactToken, conversationId } : { contactToken }
  } catch {
    return null // storage blocked (privacy mode) or corrupt JSON
  }
}

export function saveSession(storage: Storage, inbox: string, session: SavedSession): void {
  try {
    storage.setItem(key(inbox), JSON.stringify(session))
  } catch {
    // Storage full or blocked: the chat still works, it just won't survive a reload.
  }
}

export function clearSession(storage: Storage, inbox: string): void {
  try {
    storage.removeItem(key(inbox))
  } catch {
    // as above
  }
}
