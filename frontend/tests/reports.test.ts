import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'

vi.mock('../src/api', async () => (await import('./support/mockApi')).apiModule())

import { api } from './support/mockApi'

import ReportsView from '../src/views/ReportsView.vue'
import { ApiError } from '../src/api/client'
import type { ReportOverview } from '../src/api/reports'
import { curlSnippet, formatDuration, formatRate, lastDays, widgetSnippet } from '../src/lib/reports'

const overview: ReportOverview = {
  range: { from: '2026-03-01', to: '2026-03-03', timeZone: 'UTC' },
  volume: {
    total: 5,
    byDay: [
      { date: '2026-03-01', count: 3 },
      { date: '2026-03-02', count: 0 },
      { date: '2026-03-03', count: 2 },
    ],
    byCategory: [
      { key: 'billing', count: 4 },
      { key: 'unclassified', count: 1 },
    ],
    bySentiment: [{ key: 'neutral', count: 5 }],
  },
  firstResponse: { count: 3, medianSeconds: 300, p90Seconds: 2940 },
  resolution: { count: 2, medianSeconds: 46800, p90Seconds: null },
  ai: {
    classifiedConversations: 3,
    autoAssigned: 2,
    autoAssignRate: 0.6667,
    corrected: 1,
    correctedRate: 0.3333,
    drafts: {
      total: 5,
      withFeedback: 4,
      accepted: 2,
      edited: 1,
      rejected: 1,
      acceptedRate: 0.5,
      editedRate: 0.25,
      rejectedRate: 0.25,
    },
  },
}

function mountView() {
  const pinia = createPinia()
  setActivePinia(pinia)
  return mount(ReportsView, { global: { plugins: [pinia] } })
}

describe('formatting', () => {
  it('formats durations and rates', () => {
    expect(formatDuration(45)).toBe('45 s')
    expect(formatDuration(300)).toBe('5 min')
    expect(formatDuration(46800)).toBe('13 h')
    expect(formatDuration(172800)).toBe('2 d')
    expect(formatDuration(null)).toBe('—')
    expect(formatRate(0.6667)).toBe('66.7%')
    expect(formatRate(null)).toBe('—')
  })

  it('computes the last n days, both ends included', () => {
    expect(lastDays(30, new Date(2026, 2, 30))).toEqual({ from: '2026-03-01', to: '2026-03-30' })
    expect(lastDays(1, new Date(2026, 0, 5))).toEqual({ from: '2026-01-05', to: '2026-01-05' })
  })

  it('builds a curl example with the inbox public id and origin', () => {
    const s = curlSnippet('https://desk.example.com/', 'inb_abc')
    expect(s).toContain("'https://desk.example.com/api/public/inboxes/inb_abc/contacts'")
    expect(s).toContain("'https://desk.example.com/api/public/inboxes/inb_abc/conversations'")
    expect(s).toContain('Authorization: Bearer $TOKEN')
  })

  it('builds the widget script tag served by this origin', () => {
    expect(widgetSnippet('https://desk.example.com/', 'inb_abc')).toBe(
      '<script src="https://desk.example.com/widget.js" data-inbox="inb_abc" async></script>',
    )
  })
})

describe('ReportsView', () => {
  beforeEach(() => {
    Object.values(api).forEach((f) => f.mockReset())
  })

  it('asks for the last 30 days in the browser time zone and shows every figure', async () => {
    api.get.mockResolvedValue(overview)
    const wrapper = mountView()
    await flushPromises()
    const [path, query] = api.get.mock.calls[0] as [string, Record<string, string>]
    expect(path).toBe('/api/reports/overview')
    expect(query.tz).toBeTruthy()
    expect(String(query.from) <= String(query.to)).toBe(true)

    expect(wrapper.get('[data-testid="volume-total"]').text()).toBe('5')
    // The chart has a text alternative and a table with every day.
    expect(wrapper.get('[data-testid="day-chart"]').attributes('aria-label')).toContain(
      '5 conversations over 3 days; busiest 2026-03-01 with 3',
    )
    expect(wrapper.findAll('[data-testid="day-table"] tbody tr')).toHaveLength(3)
    const rows = wrapper.findAll('[data-testid="bar-row"]').map((r) => r.text())
    expect(rows).toContain('billing4 (80%)')
    expect(wrapper.get('[data-testid="first-response"]').text()).toContain('5 min')
    expect(wrapper.get('[data-testid="first-response"]').text()).toContain('49 min')
    expect(wrapper.get('[data-testid="resolution"]').text()).toContain('13 h')
    expect(wrapper.get('[data-testid="auto-assign-rate"]').text()).toContain('66.7%')
    expect(wrapper.get('[data-testid="corrected-rate"]').text()).toContain('33.3%')
    const drafts = wrapper.get('[data-testid="draft-acceptance"]').text()
    expect(drafts).toContain('50%')
    expect(drafts).toContain('Rejected1 (25%)')
  })

  it('reloads with the chosen range', async () => {
    api.get.mockResolvedValue(overview)
    const wrapper = mountView()
    await flushPromises()
    await wrapper.get('#report-from').setValue('2026-01-01')
    await wrapper.get('#report-to').setValue('2026-01-31')
    await wrapper.get('[data-testid="report-range"]').trigger('submit')
    await flushPromises()
    expect(api.get).toHaveBeenLastCalledWith(
      '/api/reports/overview',
      expect.objectContaining({ from: '2026-01-01', to: '2026-01-31' }),
    )
  })

  it('shows the API error plainly', async () => {
    api.get.mockRejectedValue(new ApiError(400, 'invalid_range', 'A report covers at most 366 days.'))
    const wrapper = mountView()
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toContain('A report covers at most 366 days.')
  })
})
