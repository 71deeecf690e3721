/** Shapes of GET /api/reports/overview and /api/inboxes (kept apart from types.ts: these pages own them). */

export interface DayCount {
  date: string
  count: number
}

export interface KeyCount {
  key: string
  count: number
}

export interface Durations {
  count: number
  medianSeconds: number | null
  p90Seconds: number | null
}

export interface ReportOverview {
  range: { from: string; to: string; timeZone: string }
  volume: { total: number; byDay: DayCount[]; byCategory: KeyCount[]; bySentiment: KeyCount[] }
  firstResponse: Durations
  resolution: Durations
  ai: {
    classifiedConversations: number
    autoAssigned: number
    autoAssignRate: number | null
    corrected: number
    correctedRate: number | null
    drafts: {
      total: number
      withFeedback: number
      accepted: number
      edited: number
      rejected: number
      acceptedRate: number | null
      editedRate: number | null
      rejectedRate: number | null
    }
  }
}

export type RoutingStrategy = 'manual' | 'round_robin' | 'load_balanced'

export interface Inbox {
  id: number
  name: string
  channelType: string
  publicId: string
  routingStrategy: RoutingStrategy
  teamId: number | null
  teamName: string | null
  conversationCount: number
  createdAt: string
}

export interface InboxPage {
  inboxes: Inbox[]
  pagination: { total: number; page: number; pageSize: number }
}
