import { beforeEach, describe, expect, it } from 'vitest'
import { clearSession, loadSession, saveSession } from './storage'

describe('session storage', () => {
  beforeEach(() => localStorage.clear())

  it('saves and loads per inbox', () => {
    saveSession(localStorage, 'a', { contactToken: 't1', conversationId: 7 })
    saveSession(localStorage, 'b', { contactToken: 't2' })
    expect(loadSession(localStorage, 'a')).toEqual({ contactToken: 't1', conversationId: 7 })
    expect(loadSession(localStorage, 'b')).toEqual({ contactToken: 't2' })
    clearSession(localStorage, 'a')
    expect(loadSession(localStorage, 'a')).toBeNull()
    expect(loadSession(localStorage, 'b')).not.toBeNull()
  })

  it('treats corrupt or foreign data as no session', () => {
    localStorage.setItem('hummdesk.widget.a', '{not json')
    expect(loadSession(localStorage, 'a')).toBeNull()
    localStorage.setItem('hummdesk.widget.a', JSON.stringify({ contactToken: 42 }))
    expect(loadSession(localStorage, 'a')).toBeNull()
  })
})
