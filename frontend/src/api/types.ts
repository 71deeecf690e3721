// Shapes of the HummDesk REST API (see /openapi.json).

export interface AccountSummary {
  id: number
  name: string
  role: string
}

export interface SessionUser {
  id: number
  email: string
  name: string
  accountId: number
}

export interface Session {
  accessToken: string
  refreshToken: string
  expiresIn: number
  user: SessionUser
  role: string
  accounts: AccountSummary[]
}

export interface Pagination {
  total: number
  page: number
  pageSize: number
}

export type Status = 'open' | 'pending' | 'snoozed' | 'resolved'
export type Priority = 'low' | 'normal' | 'high' | 'urgent'
export type Sentiment = 'positive' | 'neutral' | 'negative' | 'frustrated'

export interface ConversationSummary {
  id: number
  status: Status
  priority: Priority
  aiCategory: string | null
  sentiment: Sentiment | null
  contact: { name: string | null; email: string | null } | null
  assignedAgent: { id: number; name: string } | null
  lastMessage: { content: string; createdAt: string } | null
  createdAt: string
}

export interface Counts {
  mine: number
  unassigned: number
  all: number
}

export interface ConversationPage {
  conversations: ConversationSummary[]
  pagination: Pagination
  counts: Counts
}

export interface Ref {
  id: number
  name: string
}

export interface ConversationDetail {
  id: number
  status: Status
  snoozedUntil: string | null
  priority: Priority
  subject: string | null
  inbox: Ref | null
  contact: { id: number; name: string | null; email: string | null } | null
  assignedAgent: Ref | null
  team: Ref | null
  labels: string[]
  aiCategory: string | null
  sentiment: Sentiment | null
  language: string | null
  aiConfidence: number | null
  aiReasoning: string | null
  aiProvider: string | null
  waitingSince: string | null
  firstReplyAt: string | null
  resolvedAt: string | null
  lastMessageAt: string | null
  createdAt: string
  updatedAt: string
}

export interface Message {
  id: number
  conversationId: number
  messageType: 'incoming' | 'outgoing' | 'activity' | string
  private: boolean
  senderType: string | null
  sender: Ref | null
  content: string
  createdAt: string
}

export interface MessagePage {
  messages: Message[]
  nextCursor: number | null
}

export interface ConversationUpdate {
  status?: Status
  priority?: Priority
  teamId?: number | null
  assigneeId?: number | null
  labels?: string[]
}

export interface Contact {
  id: number
  name: string | null
  email: string | null
  /** Given through the public API without identity verification: shown, never trusted. */
  unverifiedEmail?: string | null
  phone: string | null
  identifier: string | null
  createdAt: string
}

export interface ContactConversation {
  id: number
  status: Status
  priority: Priority
  subject: string | null
  lastMessagePreview: string | null
  lastMessageAt: string | null
  createdAt: string
}

export interface Agent {
  id: number
  name: string
  email: string
  role: string
  availability: string
  maxConcurrent: number
  skills: string[]
  languages: string[]
  openConversations: number
  teams: Ref[]
  joinedAt: string
}

export interface Team {
  id: number
  name: string
  description: string | null
  memberCount: number
  createdAt: string
}

export interface Label {
  id: number
  name: string
  color: string | null
  description: string | null
  createdAt: string
}

export interface CannedResponse {
  id: number
  shortCode: string
  content: string
  createdAt: string
}

export interface AiDraft {
  content: string
  confidence?: number | null
  reasoning?: string | null
}
