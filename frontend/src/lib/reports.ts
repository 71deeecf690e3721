/** Formatting and ranges for the reports page, and the inbox integration snippet. */

/** "45 s", "12 min", "3.5 h", "2.1 d"; an em dash when there is nothing to show. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—'
  if (seconds < 60) return `${Math.round(seconds)} s`
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`
  if (seconds < 86400) return `${trim(seconds / 3600)} h`
  return `${trim(seconds / 86400)} d`
}

/** 0.6667 → "66.7%"; null (nothing to divide by) → "—". */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '—'
  return `${trim(rate * 100)}%`
}

function trim(value: number): string {
  return (Math.round(value * 10) / 10).toString()
}

/** YYYY-MM-DD of a date in the browser's local calendar. */
export function isoDate(date: Date): string {
  const m = String(date.getMonth() + 1).padStart(2, '0')
  const d = String(date.getDate()).padStart(2, '0')
  return `${date.getFullYear()}-${m}-${d}`
}

/** The last `days` days ending today (both included), like the API's default of 30. */
export function lastDays(days: number, today = new Date()): { from: string; to: string } {
  const from = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (days - 1))
  return { from: isoDate(from), to: isoDate(today) }
}

/** The browser's IANA time zone, so that "a day" on the page is the agent's day. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
  } catch {
    return 'UTC'
  }
}

/** A shell example of the public API: open a contact session, then start a conversation with it. */
export function curlSnippet(origin: string, publicId: string): string {
  const base = `${origin.replace(/\/$/, '')}/api/public/inboxes/${publicId}`
  return [
    '# 1. Open a contact session. To reach a known customer, your server adds',
    '#    "identifierHash": hex HMAC-SHA256(the inbox identity secret, the lowercased email).',
    `TOKEN=$(curl -s -X POST '${base}/contacts' \\`,
    "  -H 'Content-Type: application/json' \\",
    `  -d '{"name":"Jane Doe","email":"jane@example.com"}' | sed -E 's/.*"contactToken":"([^"]+)".*/\\1/')`,
    '',
    '# 2. Start a conversation with its first message',
    `curl -s -X POST '${base}/conversations' \\`,
    '  -H "Authorization: Bearer $TOKEN" \\',
    "  -H 'Content-Type: application/json' \\",
    `  -d '{"content":"Hello! I need help with my order."}'`,
  ].join('\n')
}

/** The script tag that embeds the chat widget for an inbox (served by this same origin). */
export function widgetSnippet(origin: string, publicId: string): string {
  return `<script src="${origin.replace(/\/$/, '')}/widget.js" data-inbox="${publicId}" async></script>`
}
