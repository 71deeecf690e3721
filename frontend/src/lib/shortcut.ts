/** Canned-response shortcuts in the composer: `/code` right before the caret. */
export interface ShortcutToken {
  code: string
  start: number
  end: number
}

const TOKEN = /(^|\s)\/([A-Za-z0-9_-]{1,64})$/

export function shortcutBefore(text: string, caret: number = text.length): ShortcutToken | null {
  const head = text.slice(0, caret)
  const match = TOKEN.exec(head)
  if (!match) return null
  const code = match[2] ?? ''
  return { code, start: caret - code.length - 1, end: caret }
}

/** Replaces the token with the expansion; returns the new text and caret position. */
export function expandShortcut(
  text: string,
  token: ShortcutToken,
  expansion: string,
): { text: string; caret: number } {
  const next = text.slice(0, token.start) + expansion + text.slice(token.end)
  return { text: next, caret: token.start + expansion.length }
}
