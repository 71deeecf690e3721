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
  /** An AI category of the account: a correction that teaches the account's classifier. */
  category?: string
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

// ---- AI (classification, settings, categories) ----

/** The socket event `ai:classification` (docs/realtime.md). */
export interface AiClassificationEvent {
  conversationId: number
  messageId: number
  category: string | null
  priority: Priority | null
  sentiment: Sentiment | null
  language: string | null
  confidence: number | null
  reasoning: string | null
  provider: string | null
  model?: string | null
  suggestedTeamId?: number | null
}

export interface AiSettings {
  provider: string | null
  effectiveProvider: string
  confidenceThreshold: number
  languages: string[]
  effectiveLanguages: string[]
  policies: string | null
  availableProviders: string[]
  availableLanguages: string[]
}

export interface AiSettingsChanges {
  provider?: string | null
  confidenceThreshold?: number
  languages?: string[]
  policies?: string
}

export interface AiCategoryExample {
  id: number
  text: string
  /** `seed` (written by an admin) or `correction` (learnt from an agent's correction). */
  source: 'seed' | 'correction' | string
  messageId: number | null
}

export interface AiCategory {
  id: number
  name: string
  description: string | null
  teamId: number | null
  examples: AiCategoryExample[]
  updatedAt: string
}

export interface AiCategoryInput {
  name?: string
  description?: string | null
  teamId?: number | null
  examples?: string[]
}

export interface AiStats {
  classified: number
  corrected: number
  correctedRate: number
  autoAssigned: number
  corrections: number
  manualClassifications: number
}

// ---- Drafts ----

export type DraftStatus = 'pending' | 'accepted' | 'edited' | 'rejected'
export type DraftOutcome = 'accepted' | 'edited' | 'rejected'

export interface StoredDraft {
  id: number
  conversationId: number
  messageId: number
  origin: 'pipeline' | 'regenerated' | string
  content: string
  confidence: number
  reasoning: string | null
  citedArticleIds: number[]
  provider: string | null
  model?: string | null
  latencyMs?: number
  status: DraftStatus
  finalText?: string | null
  editDistance?: number | null
  createdAt?: string
  updatedAt?: string
}

/** The socket event `ai:draft`. */
export interface AiDraftEvent {
  conversationId: number
  messageId: number
  draftId: number
  origin: string
  content: string
  confidence: number
  reasoning: string | null
  citedArticleIds: number[] | null
  provider: string | null
}

export interface DraftStats {
  drafts: number
  withFeedback: number
  accepted: number
  edited: number
  rejected: number
  acceptanceRate: number | null
  editedRate: number | null
  rejectedRate: number | null
  meanEditDistance: number | null
}

// ---- Routing explanation ----

export interface RoutingCandidate {
  rank: number
  userId: number
  name: string
  openConversations: number
  maxConcurrent: number
  spareCapacity: number
  skillMatch: boolean
  teamMatch: boolean
  languageMatch: boolean
  performance: number | null
  medianFirstResponseSeconds: number | null
  resolutionRate: number | null
  handledRecently: number
  lastAssignedAt: string | null
}

export interface RoutingDecision {
  id: number
  decidedAt: string
  trigger: string
  strategy: string
  outcome: 'assigned' | 'queued' | string
  rule: string
  summary: string
  assignee: Ref | null
  routedOn: { category: string | null; teamId: number | null; language: string | null } | null
  candidates: RoutingCandidate[]
  excluded: Record<string, number>
}

export interface RoutingExplanation {
  conversationId: number
  strategy: string
  assigneeId: number | null
  queuedSince: string | null
  decisions: RoutingDecision[]
}

/** `GET /api/conversations/:id/routing/preview`: whom routing would choose now; nothing is assigned. */
export interface RoutingPreview {
  conversationId: number
  strategy: string
  assigneeId: number | null
  suggestedAgentId: number | null
  rule: string
  summary: string
  candidates: RoutingCandidate[]
  excluded: Record<string, number>
}

// ---- Knowledge base ----

export type ArticleStatus = 'draft' | 'published'

export interface ArticleSummary {
  id: number
  title: string
  tags: string[]
  language: string
  status: ArticleStatus
  source: string | null
  createdAt: string
  updatedAt: string
}

export interface Article extends ArticleSummary {
  body: string
}

export interface ArticleInput {
  title?: string
  body?: string
  tags?: string[]
  language?: string
  status?: ArticleStatus
}

export interface ArticlePage {
  articles: ArticleSummary[]
  pagination: Pagination
}

export interface SearchHit {
  articleId: number
  title: string
  chunkId: number
  heading: string | null
  score: number
  similarity: number
  /** HTML-escaped text with the matched words in `<mark>`. */
  snippet: string
  content?: string
}

export interface SearchResponse {
  query: string
  results: SearchHit[]
}

export interface ImportStatus {
  id: number
  status: string
  total: number
  done: number
  failed: number
  pending: number
  errors: { file: string; error: string }[]
  createdAt: string
  finishedAt: string | null
}
