export function relativeTime(iso: string | null | undefined, now: number = Date.now()): string {
  if (!iso) return ''
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return ''
  const s = Math.max(0, Math.round((now - t) / 1000))
  if (s < 45) return 'just now'
  const m = Math.round(s / 60)
  if (m < 60) return `${m}m`
  const h = Math.round(m / 60)
  if (h < 24) return `${h}h`
  const d = Math.round(h / 24)
  if (d < 30) return `${d}d`
  return new Date(t).toLocaleDateString()
}

/** Time only for today, else a short date and time. */
export function timestamp(iso: string | null | undefined, now: Date = new Date()): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  const time = d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
  if (d.toDateString() === now.toDateString()) return time
  return `${d.toLocaleDateString([], { month: 'short', day: 'numeric' })}, ${time}`
}

export function initials(name: string | null | undefined): string {
  const parts = (name ?? '?').trim().split(/\s+/).filter(Boolean)
  return (
    (parts[0]?.[0] ?? '?') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')
  ).toUpperCase()
}

export function titleCase(value: string | null | undefined): string {
  if (!value) return ''
  return value.charAt(0).toUpperCase() + value.slice(1).replace(/_/g, ' ')
}

export const STATUSES = ['open', 'pending', 'snoozed', 'resolved'] as const
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const
export const SENTIMENTS = ['positive', 'neutral', 'negative', 'frustrated'] as const
export const CATEGORIES = ['billing', 'technical', 'sales', 'account', 'feedback', 'general'] as const

export const priorityClass: Record<string, string> = {
  urgent: 'bg-red-100 text-red-800 ring-red-200',
  high: 'bg-orange-100 text-orange-800 ring-orange-200',
  normal: 'bg-slate-100 text-slate-700 ring-slate-200',
  low: 'bg-slate-50 text-slate-500 ring-slate-200',
}

export const statusClass: Record<string, string> = {
  open: 'bg-emerald-100 text-emerald-800 ring-emerald-200',
  pending: 'bg-amber-100 text-amber-800 ring-amber-200',
  snoozed: 'bg-sky-100 text-sky-800 ring-sky-200',
  resolved: 'bg-slate-100 text-slate-600 ring-slate-200',
}

export const sentimentClass: Record<string, string> = {
  positive: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  neutral: 'bg-slate-50 text-slate-700 ring-slate-200',
  negative: 'bg-orange-50 text-orange-800 ring-orange-200',
  frustrated: 'bg-red-50 text-red-800 ring-red-200',
}
