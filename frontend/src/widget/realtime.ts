import { io, type Socket } from 'socket.io-client'
import type { AgentReplyEvent, ChatSession } from './chat'

/**
 * The customer's socket: authenticated with the contact token, it hears the contact's agent replies and agent
 * typing. WebSocket only: the host page is another origin, and unlike the polling transport a WebSocket needs no
 * CORS from the server.
 */
export class CustomerSocket {
  private socket: Socket | null = null
  private token: string | null = null

  constructor(
    private readonly apiBase: string,
    private readonly chat: ChatSession,
  ) {}

  /** Connects for the chat's current token (reconnects when it changed, disconnects when it is gone). */
  sync(): void {
    const token = this.chat.contactToken
    if (token === this.token) return
    this.socket?.disconnect()
    this.socket = null
    this.token = token
    if (!token) return
    const socket = io(this.apiBase, { auth: { token }, transports: ['websocket'] })
    socket.on('message:sent', (event: AgentReplyEvent) => this.chat.receiveAgentReply(event))
    socket.on('agent:typing', (event: { conversationId: number; typing: boolean }) =>
      this.chat.setAgentTyping(event.conversationId, event.typing),
    )
    // Replies sent while the socket was down are only in the API: fetch them on every (re)connect.
    socket.on('connect', () => void this.chat.catchUp())
    this.socket = socket
  }

  close(): void {
    this.socket?.disconnect()
    this.socket = null
    this.token = null
  }
}
