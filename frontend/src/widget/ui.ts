import type { ChatMessage } from './api'
import type { ChatSession, PendingMessage } from './chat'
import type { WidgetConfig } from './config'
import { widgetStyles } from './styles'

const CHAT_ICON =
  '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true"><path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12z"/></svg>'

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(props)) if (value !== undefined) node.setAttribute(name, value)
  if (text !== undefined) node.textContent = text // always text: a message never becomes markup
  return node
}

/** The launcher and the panel in a shadow root on the host page, rendered from the chat's state. */
export class WidgetView {
  readonly host: HTMLElement
  private readonly launcher: HTMLButtonElement
  private readonly panel: HTMLElement
  private readonly log: HTMLElement
  private readonly pendingList: HTMLElement
  private readonly empty: HTMLElement
  private readonly typing: HTMLElement
  private readonly error: HTMLElement
  private readonly input: HTMLTextAreaElement
  private readonly body: HTMLElement
  private rendered: number[] = []
  private onOpen: () => void = () => {}

  constructor(
    config: WidgetConfig,
    private readonly chat: ChatSession,
  ) {
    this.host = el('div', { 'data-hummdesk-widget': '' })
    // Open (not closed) so that automated browser tests can reach inside; host styles still cannot.
    const shadow = this.host.attachShadow({ mode: 'open' })
    const style = el('style', {}, widgetStyles(config.color))
    const root = el('div', { class: 'root' })

    this.panel = el('section', {
      class: 'panel',
      id: 'hd-panel',
      role: 'dialog',
      'aria-label': config.title,
      'data-part': 'panel',
    })
    this.panel.hidden = true
    const header = el('div', { class: 'header' })
    header.append(el('h2', {}, config.title))
    const close = el('button', { type: 'button', class: 'close', 'aria-label': 'Close chat' }, '×')
    close.addEventListener('click', () => this.close())
    header.append(close)

    this.body = el('div', { class: 'body' })
    this.empty = el('p', { class: 'empty' }, 'Ask us anything. We usually answer within a few minutes.')
    // role=log is polite by default; new messages (agent replies included) are announced, not the whole history.
    this.log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': 'Messages' })
    this.pendingList = el('div', { class: 'pending' })
    this.body.append(this.empty, this.log, this.pendingList)
    this.typing = el('div', { class: 'typing', 'aria-live': 'polite', 'data-part': 'typing' })
    this.error = el('div', { class: 'error', role: 'alert', 'data-part': 'error' })

    const form = el('form')
    const label = el('label', { for: 'hd-input', class: 'visually-hidden' }, 'Your message')
    this.input = el('textarea', {
      id: 'hd-input',
      rows: '1',
      placeholder: 'Write a message…',
      'data-part': 'input',
    })
    const send = el('button', { type: 'submit', class: 'send', 'data-part': 'send' }, 'Send')
    form.append(label, this.input, send)
    form.addEventListener('submit', (event) => {
      event.preventDefault()
      this.submit()
    })
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault()
        this.submit()
      }
    })
    this.panel.append(header, this.body, this.typing, this.error, form)

    this.launcher = el('button', {
      type: 'button',
      class: 'launcher',
      'aria-controls': 'hd-panel',
      'aria-expanded': 'false',
      'aria-label': 'Open chat',
      'data-part': 'launcher',
    })
    this.launcher.innerHTML = CHAT_ICON // a constant, never customer or host input
    this.launcher.addEventListener('click', () => (this.panel.hidden ? this.open() : this.close()))

    root.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !this.panel.hidden) {
        event.stopPropagation()
        this.close()
      }
    })
    root.append(this.panel, this.launcher)
    shadow.append(style, root)
    chat.subscribe(() => this.render())
    this.render()
  }

  /** Called when the panel first opens (the widget connects its socket then, not on every page view). */
  whenOpened(callback: () => void): void {
    this.onOpen = callback
  }

  open(): void {
    this.panel.hidden = false
    this.launcher.setAttribute('aria-expanded', 'true')
    this.launcher.setAttribute('aria-label', 'Close chat')
    this.onOpen()
    this.scrollToEnd()
    this.input.focus()
  }

  close(): void {
    this.panel.hidden = true
    this.launcher.setAttribute('aria-expanded', 'false')
    this.launcher.setAttribute('aria-label', 'Open chat')
    this.launcher.focus()
  }

  private submit(): void {
    const text = this.input.value
    if (!text.trim()) return
    this.input.value = ''
    void this.chat.send(text)
  }

  private render(): void {
    this.renderMessages(this.chat.messages)
    this.renderPending(this.chat.pending)
    this.empty.hidden = this.chat.messages.length > 0 || this.chat.pending.length > 0
    this.typing.textContent = this.chat.agentTyping ? 'An agent is typing…' : ''
    this.error.textContent = this.chat.error ?? ''
    this.scrollToEnd()
  }

  // Appends only new messages so the live region announces them, not the whole history again.
  private renderMessages(messages: ChatMessage[]): void {
    const ids = messages.map((m) => m.id)
    const isAppend = this.rendered.every((id, i) => ids[i] === id)
    if (!isAppend) {
      this.log.replaceChildren()
      this.rendered = []
    }
    for (const message of messages.slice(this.rendered.length)) {
      this.log.append(this.messageNode(message))
      this.rendered.push(message.id)
    }
  }

  private messageNode(message: ChatMessage): HTMLElement {
    const mine = message.messageType === 'incoming'
    const node = el('div', {
      class: `msg ${mine ? 'mine' : 'agent'}`,
      'data-part': mine ? 'message-mine' : 'message-agent',
    })
    node.append(
      el(
        'span',
        { class: mine ? 'visually-hidden' : 'who' },
        mine ? 'You: ' : (message.senderName ?? 'Support'),
      ),
    )
    node.append(document.createTextNode(message.content))
    return node
  }

  private renderPending(pending: PendingMessage[]): void {
    this.pendingList.replaceChildren()
    for (const message of pending) {
      this.pendingList.append(
        el(
          'div',
          { class: `msg mine ${message.state}`, 'data-part': `message-${message.state}` },
          message.content,
        ),
      )
      if (message.state === 'failed') {
        const failure = el('div', { class: 'failure', role: 'alert' })
        failure.append(el('span', {}, `Not sent. ${message.error ?? ''}`.trim()))
        const retry = el('button', { type: 'button', class: 'retry', 'data-part': 'retry' }, 'Retry')
        retry.addEventListener('click', () => void this.chat.retry(message.localId))
        failure.append(retry)
        this.pendingList.append(failure)
      }
    }
  }

  private scrollToEnd(): void {
    this.body.scrollTop = this.body.scrollHeight
  }
}
