// The embeddable chat widget: <script src="https://HOST/widget.js" data-inbox="PUBLIC_ID" async></script>.
// Built by vite.widget.config.ts into dist/widget.js (one self-contained IIFE, socket.io-client included).
import { PublicInboxApi } from './api'
import { ChatSession } from './chat'
import { parseConfig } from './config'
import { CustomerSocket } from './realtime'
import { WidgetView } from './ui'

function currentScript(): HTMLScriptElement | null {
  // With async the script runs later, but document.currentScript is still this script while it executes.
  const script = document.currentScript
  if (script instanceof HTMLScriptElement) return script
  return document.querySelector<HTMLScriptElement>('script[data-inbox][src*="widget.js"]')
}

// Some browsers throw on touching localStorage (blocked third-party storage): the chat then lasts one page view.
function browserStorage(): Storage {
  try {
    return window.localStorage
  } catch {
    const memory = new Map<string, string>()
    return {
      getItem: (key: string) => memory.get(key) ?? null,
      setItem: (key: string, value: string) => void memory.set(key, value),
      removeItem: (key: string) => void memory.delete(key),
    } as Storage
  }
}

function start(script: HTMLScriptElement): void {
  const config = parseConfig(script.dataset, script.src)
  const api = new PublicInboxApi(config.apiBase, config.inbox)
  const chat = new ChatSession(api, browserStorage(), config.inbox, {
    name: config.name,
    email: config.email,
    identifierHash: config.identifierHash,
  })
  const view = new WidgetView(config, chat)
  const socket = new CustomerSocket(config.apiBase, chat)
  // Connect only once someone has a conversation or opens the chat: most page views never need a socket.
  chat.subscribe(() => socket.sync())
  view.whenOpened(() => socket.sync())
  document.body.append(view.host)
  void chat.resume().then(() => {
    if (chat.conversationId !== null) socket.sync()
  })
}

const script = currentScript()
if (script) {
  const run = () => {
    try {
      start(script)
    } catch (e) {
      console.error(e instanceof Error ? e.message : e)
    }
  }
  if (document.body) run()
  else document.addEventListener('DOMContentLoaded', run, { once: true })
}
