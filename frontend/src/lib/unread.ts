import type { ConversationSummary } from '../api/types'

/**
 * Client-side unread markers. A conversation is unread when its last message is newer than the moment this agent
 * last viewed it; conversations never viewed count from `baseline` (when the agent first signed in on this browser),
 * so a fresh login does not light up the whole inbox.
 */
export interface ViewState {
  baseline: number
  viewed: Record<string, number>
}

export function emptyViewState(now: number = Date.now()): ViewState {
  return { baseline: now, viewed: {} }
}

export function isUnread(
  conversation: Pick<ConversationSummary, 'id' | 'lastMessage'>,
  state: ViewState,
): boolean {
  const last = conversation.lastMessage ? Date.parse(conversation.lastMessage.createdAt) : NaN
  if (Number.isNaN(last)) return false
  const seen = state.viewed[String(conversation.id)] ?? state.baseline
  return last > seen
}

/** Marks a conversation viewed up to `at` (never moves backwards). */
export function markViewed(state: ViewState, id: number, at: number = Date.now()): ViewState {
  const key = String(id)
  const previous = state.viewed[key] ?? 0
  if (previous >= at) return state
  const viewed = { ...state.viewed, [key]: at }
  // Keep the map small: the 500 most recently viewed.
  const keys = Object.keys(viewed)
  if (keys.length > 500) {
    keys
      .sort((a, b) => (viewed[a] ?? 0) - (viewed[b] ?? 0))
      .slice(0, keys.length - 500)
      .forEach((k) => delete viewed[k])
  }
  return { ...state, viewed }
}

export function loadViewState(key: string): ViewState {
  try {
    const raw = localStorage.getItem(key)
    if (raw) {
      const parsed = JSON.parse(raw) as ViewState
      if (typeof parsed.baseline === 'number' && parsed.viewed) return parsed
    }
  } catch {
    // fall through
  }
  const fresh = emptyViewState()
  saveViewState(key, fresh)
  return fresh
}

export function saveViewState(key: string, state: ViewState): void {
  try {
    localStorage.setItem(key, JSON.stringify(state))
  } catch {
    // storage full or disabled: markers just won't persist
  }
}
