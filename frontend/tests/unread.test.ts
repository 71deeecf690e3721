import { describe, expect, it } from 'vitest'
import { emptyViewState, isUnread, markViewed } from '../src/lib/unread'

const conv = (id: number, at: string | null) => ({
  id,
  lastMessage: at ? { content: 'x', createdAt: at } : null,
})

describe('unread markers', () => {
  const baseline = Date.parse('2025-01-15T10:00:00Z')

  it('counts conversations never viewed from the baseline', () => {
    const state = emptyViewState(baseline)
    expect(isUnread(conv(1, '2025-01-15T09:59:00Z'), state)).toBe(false)
    expect(isUnread(conv(2, '2025-01-15T10:01:00Z'), state)).toBe(true)
    expect(isUnread(conv(3, null), state)).toBe(false)
  })

  it('a viewed conversation is read until a newer message arrives', () => {
    let state = emptyViewState(baseline)
    state = markViewed(state, 2, Date.parse('2025-01-15T10:05:00Z'))
    expect(isUnread(conv(2, '2025-01-15T10:01:00Z'), state)).toBe(false)
    expect(isUnread(conv(2, '2025-01-15T10:06:00Z'), state)).toBe(true)
  })

  it('never moves the viewed time backwards', () => {
    const later = markViewed(emptyViewState(baseline), 2, baseline + 10_000)
    expect(markViewed(later, 2, baseline + 5_000)).toBe(later)
  })
})
