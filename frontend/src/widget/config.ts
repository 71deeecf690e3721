/** What the embedding page configures on the script tag (data-* attributes). */
export interface WidgetConfig {
  inbox: string
  /** Where the API and socket.io live: the origin the script was loaded from. */
  apiBase: string
  name?: string
  email?: string
  identifierHash?: string
  title: string
  color: string
}

export const DEFAULT_TITLE = 'Chat with us'
export const DEFAULT_COLOR = '#4f46e5'

// Only a hex colour reaches the stylesheet: a data-color like "red; background: url(...)" must not inject CSS.
const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i

function optional(value: string | undefined): string | undefined {
  const trimmed = value?.trim()
  return trimmed ? trimmed : undefined
}

/** Reads the script tag's data-* attributes; throws with a message for the site's developer when data-inbox is missing. */
export function parseConfig(dataset: DOMStringMap, scriptSrc: string): WidgetConfig {
  const inbox = optional(dataset.inbox)
  if (!inbox) throw new Error('HummDesk widget: add data-inbox="YOUR_INBOX_PUBLIC_ID" to the script tag.')
  const color = optional(dataset.color)
  return {
    inbox,
    apiBase: new URL(scriptSrc).origin,
    name: optional(dataset.name),
    email: optional(dataset.email),
    identifierHash: optional(dataset.identifierHash),
    title: optional(dataset.title) ?? DEFAULT_TITLE,
    color: color && HEX_COLOR.test(color) ? color : DEFAULT_COLOR,
  }
}
