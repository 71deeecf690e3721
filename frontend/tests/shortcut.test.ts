import { describe, expect, it } from 'vitest'
import { expandShortcut, shortcutBefore } from '../src/lib/shortcut'

describe('canned-response shortcuts', () => {
  it('finds /code right before the caret', () => {
    expect(shortcutBefore('/thanks')).toEqual({ code: 'thanks', start: 0, end: 7 })
    expect(shortcutBefore('Hi!\n/refund-policy')).toEqual({ code: 'refund-policy', start: 4, end: 18 })
    expect(shortcutBefore('see /thanks and more', 11)).toEqual({ code: 'thanks', start: 4, end: 11 })
  })

  it('ignores slashes inside words and URLs', () => {
    expect(shortcutBefore('and/or')).toBeNull()
    expect(shortcutBefore('https://example.com/path')).toBeNull()
    expect(shortcutBefore('/thanks ')).toBeNull()
    expect(shortcutBefore('')).toBeNull()
  })

  it('replaces the token and puts the caret after the expansion', () => {
    const text = 'Hello /thx, bye'
    const token = shortcutBefore(text, 10)!
    expect(expandShortcut(text, token, 'Thank you!')).toEqual({ text: 'Hello Thank you!, bye', caret: 16 })
  })
})
