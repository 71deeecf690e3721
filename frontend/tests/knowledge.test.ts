import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'

vi.mock('../src/api', async () => (await import('./support/mockApi')).apiModule())

import { api } from './support/mockApi'

import ArticleEditor from '../src/components/kb/ArticleEditor.vue'
import SearchTester from '../src/components/kb/SearchTester.vue'
import ImportPanel from '../src/components/kb/ImportPanel.vue'
import { IMPORT_POLL_MS, importProgress, useKnowledgeStore } from '../src/stores/knowledge'
import { useAuthStore } from '../src/stores/auth'
import { ApiError } from '../src/api/client'
import type { Article, ImportStatus } from '../src/api/types'

const article = (over: Partial<Article> = {}): Article => ({
  id: 3,
  title: 'Refunds',
  body: '# Refunds\n\nWe refund **duplicate** charges.',
  tags: ['billing'],
  language: 'en',
  status: 'draft',
  source: null,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
  ...over,
})

function pinia(role = 'admin') {
  const p = createPinia()
  setActivePinia(p)
  useAuthStore().role = role
  return p
}

const page = (articles: Article[]) => ({
  articles: articles.map(({ body: _b, ...rest }) => (void _b, rest)),
  pagination: { total: articles.length, page: 1, pageSize: 100 },
})

describe('article editor', () => {
  beforeEach(() => {
    Object.values(api).forEach((f) => f.mockReset())
    vi.useFakeTimers()
  })
  afterEach(() => vi.useRealTimers())

  it('previews the markdown live, sanitised', async () => {
    api.get.mockResolvedValue(article())
    const wrapper = mount(ArticleEditor, { props: { id: 3 }, global: { plugins: [pinia()] } })
    await flushPromises()
    expect(wrapper.get('[data-testid="article-preview"] h1').text()).toBe('Refunds')
    await wrapper
      .get('[data-testid="article-body"]')
      .setValue('## Steps\n\n<img src=x onerror=alert(1)> *now*')
    expect(wrapper.find('[data-testid="article-dirty"]').exists()).toBe(true)
    await vi.advanceTimersByTimeAsync(200)
    const preview = wrapper.get('[data-testid="article-preview"]')
    expect(preview.get('h2').text()).toBe('Steps')
    expect(preview.get('em').text()).toBe('now')
    expect(preview.find('img').exists()).toBe(false)
    expect(preview.find('[onerror]').exists()).toBe(false)
  })

  it('publishes with the edits in one PATCH, then unpublishes', async () => {
    api.get.mockResolvedValue(article())
    api.patch
      .mockResolvedValueOnce(article({ title: 'Refunds (2025)', status: 'published' }))
      .mockResolvedValueOnce(article({ title: 'Refunds (2025)', status: 'draft' }))
    const wrapper = mount(ArticleEditor, { props: { id: 3 }, global: { plugins: [pinia()] } })
    await flushPromises()
    await wrapper.get('[data-testid="article-title"]').setValue('Refunds (2025)')
    await wrapper.get('[data-testid="article-publish"]').trigger('click')
    await flushPromises()
    expect(api.patch).toHaveBeenCalledWith('/api/kb/articles/3', {
      title: 'Refunds (2025)',
      body: article().body,
      tags: ['billing'],
      language: 'en',
      status: 'published',
    })
    expect(wrapper.get('[data-testid="article-status"]').text()).toBe('Published')
    expect(wrapper.emitted('saved')).toHaveLength(1)
    await wrapper.get('[data-testid="article-unpublish"]').trigger('click')
    await flushPromises()
    expect(api.patch.mock.calls[1]).toEqual([
      '/api/kb/articles/3',
      expect.objectContaining({ status: 'draft' }),
    ])
    expect(wrapper.get('[data-testid="article-status"]').text()).toBe('Draft')
  })

  it('creates a new article and shows validation errors next to the field', async () => {
    api.post.mockRejectedValueOnce(
      new ApiError(422, 'validation_failed', 'Some fields are invalid: title', {
        fields: { title: 'must be at most 300 characters' },
      }),
    )
    const wrapper = mount(ArticleEditor, { props: { id: null }, global: { plugins: [pinia('agent')] } })
    await flushPromises()
    expect(wrapper.find('[data-testid="article-publish"]').exists()).toBe(false) // agents write drafts only
    await wrapper.get('[data-testid="article-title"]').setValue('x'.repeat(10))
    await wrapper.get('[data-testid="article-tags"]').setValue('billing, refunds, billing')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(api.post).toHaveBeenCalledWith('/api/kb/articles', {
      title: 'xxxxxxxxxx',
      body: '',
      tags: ['billing', 'refunds'],
      language: 'en',
    })
    expect(wrapper.get('#article-title-error').text()).toBe('Title must be at most 300 characters')
    expect(wrapper.get('[role="alert"]').text()).toContain('Some fields are invalid')
  })

  it('is read-only for an agent once the article is published', async () => {
    api.get.mockResolvedValue(article({ status: 'published' }))
    const wrapper = mount(ArticleEditor, { props: { id: 3 }, global: { plugins: [pinia('agent')] } })
    await flushPromises()
    expect(wrapper.get('[data-testid="article-title"]').element.matches(':disabled')).toBe(true)
    expect(wrapper.find('[data-testid="article-save"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="article-delete"]').exists()).toBe(false)
    expect(wrapper.text()).toContain('only admins and owners can change it')
  })

  it('deletes after confirming', async () => {
    api.get.mockResolvedValue(article())
    api.del.mockResolvedValue(undefined)
    vi.spyOn(window, 'confirm').mockReturnValue(true)
    const wrapper = mount(ArticleEditor, { props: { id: 3 }, global: { plugins: [pinia()] } })
    await flushPromises()
    await wrapper.get('[data-testid="article-delete"]').trigger('click')
    await flushPromises()
    expect(api.del).toHaveBeenCalledWith('/api/kb/articles/3')
    expect(wrapper.emitted('deleted')).toEqual([[3]])
  })
})

describe('knowledge store', () => {
  beforeEach(() => {
    Object.values(api).forEach((f) => f.mockReset())
    vi.useFakeTimers()
  })
  afterEach(() => vi.useRealTimers())

  it('lists with the filters and keeps the list in step with saves', async () => {
    pinia()
    const kb = useKnowledgeStore()
    api.get.mockResolvedValue(page([article({ status: 'published' })]))
    kb.filters.status = 'published'
    kb.filters.q = ' refunds '
    await kb.fetchList()
    expect(api.get).toHaveBeenCalledWith('/api/kb/articles', {
      status: 'published',
      q: 'refunds',
      pageSize: 100,
    })
    expect(kb.total).toBe(1)
    api.patch.mockResolvedValue(article({ status: 'draft' }))
    await kb.setStatus(3, 'draft')
    expect(kb.articles).toEqual([]) // no longer matches "published"
    expect(kb.total).toBe(0)
  })

  it('uploads a zip and polls the import until it finishes, then reloads the list', async () => {
    pinia()
    const kb = useKnowledgeStore()
    const status = (over: Partial<ImportStatus>): ImportStatus => ({
      id: 5,
      status: 'running',
      total: 4,
      done: 0,
      failed: 1,
      pending: 3,
      errors: [{ file: 'bad.pdf', error: 'unsupported file type' }],
      createdAt: '',
      finishedAt: null,
      ...over,
    })
    api.upload.mockResolvedValue(status({}))
    api.get.mockImplementation(async (path: string) => {
      if (path === '/api/kb/imports/5') {
        const n = api.get.mock.calls.filter(([p]) => p === '/api/kb/imports/5').length
        return n === 1 ? status({ done: 2, pending: 1 }) : status({ status: 'done', done: 3, pending: 0 })
      }
      return page([article()])
    })
    const file = new File(['zip'], 'kb.zip', { type: 'application/zip' })
    await kb.startImport(file, 'draft')
    const [path, form] = api.upload.mock.calls[0]!
    expect(path).toBe('/api/kb/imports')
    expect((form as FormData).get('status')).toBe('draft')
    expect(((form as FormData).get('file') as File).name).toBe('kb.zip')
    expect(importProgress(kb.currentImport)).toBe(25)
    await vi.advanceTimersByTimeAsync(IMPORT_POLL_MS)
    expect(importProgress(kb.currentImport)).toBe(75)
    await vi.advanceTimersByTimeAsync(IMPORT_POLL_MS)
    expect(kb.currentImport?.status).toBe('done')
    expect(importProgress(kb.currentImport)).toBe(100)
    expect(api.get).toHaveBeenCalledWith('/api/kb/articles', expect.anything())
    const polls = api.get.mock.calls.filter(([p]) => p === '/api/kb/imports/5').length
    await vi.advanceTimersByTimeAsync(IMPORT_POLL_MS * 3)
    expect(api.get.mock.calls.filter(([p]) => p === '/api/kb/imports/5').length).toBe(polls) // stopped
  })

  it('shows the progress bar and per-file errors', async () => {
    const p = pinia()
    const kb = useKnowledgeStore()
    kb.currentImport = {
      id: 5,
      status: 'running',
      total: 10,
      done: 4,
      failed: 1,
      pending: 5,
      errors: [{ file: 'docs/huge.md', error: 'over 2 MiB' }],
      createdAt: '',
      finishedAt: null,
    }
    const wrapper = mount(ImportPanel, { global: { plugins: [p] } })
    expect(wrapper.get('[data-testid="kb-import-bar"]').attributes('aria-valuenow')).toBe('50')
    expect(wrapper.get('[data-testid="kb-import-counts"]').text()).toContain(
      '4 imported · 1 failed · 5 pending of 10',
    )
    expect(wrapper.get('[data-testid="kb-import-errors"]').text()).toContain('docs/huge.md')
    expect(wrapper.get('[data-testid="kb-import-errors"]').text()).toContain('over 2 MiB')
  })

  it('says an upload failure plainly', async () => {
    pinia()
    const kb = useKnowledgeStore()
    api.upload.mockRejectedValue(new ApiError(413, 'upload_too_large', 'The archive must be at most 50 MiB.'))
    await kb.startImport(new File(['x'], 'big.zip'))
    expect(kb.importError).toBe('The archive must be at most 50 MiB.')
  })
})

describe('search tester', () => {
  beforeEach(() => Object.values(api).forEach((f) => f.mockReset()))

  it('shows results with scores, similarity and highlighted snippets', async () => {
    api.get.mockResolvedValue({
      query: 'charged twice',
      results: [
        {
          articleId: 3,
          title: 'Refunds',
          chunkId: 11,
          heading: 'Refunds › How to request',
          score: 0.03279,
          similarity: 0.78,
          snippet: 'were <mark>charged</mark> <mark>twice</mark> &lt;b&gt;<script>x()</script>',
        },
      ],
    })
    const wrapper = mount(SearchTester, {
      global: { plugins: [pinia()], stubs: { RouterLink: RouterLinkStub } },
    })
    await wrapper.get('[data-testid="kb-search-input"]').setValue('charged twice')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(api.get).toHaveBeenCalledWith('/api/kb/search', { q: 'charged twice', limit: 5 })
    const hit = wrapper.get('[data-testid="kb-hit-11"]')
    expect(hit.get('[data-testid="kb-hit-score"]').text()).toBe('score 0.0328')
    expect(hit.get('[data-testid="kb-hit-similarity"]').text()).toContain('similarity 0.78')
    const snippet = hit.get('[data-testid="kb-hit-snippet"]')
    expect(snippet.findAll('mark').map((m) => m.text())).toEqual(['charged', 'twice'])
    expect(snippet.find('script').exists()).toBe(false)
    expect(snippet.text()).toContain('<b>')
    expect(hit.getComponent(RouterLinkStub).props('to')).toEqual({ name: 'knowledge', params: { id: 3 } })
  })
})
