import { defineStore } from 'pinia'
import { reactive, ref } from 'vue'
import { api } from '../api'
import { errorMessage } from '../api/client'
import type {
  Article,
  ArticleInput,
  ArticlePage,
  ArticleStatus,
  ArticleSummary,
  ImportStatus,
  SearchHit,
  SearchResponse,
} from '../api/types'

export const IMPORT_POLL_MS = 1000

export function importFinished(s: ImportStatus | null): boolean {
  return !!s && (s.status !== 'running' || s.pending === 0)
}

/** Share of an import's files handled (imported or failed), 0..100. */
export function importProgress(s: ImportStatus | null): number {
  if (!s) return 0
  if (s.total === 0) return importFinished(s) ? 100 : 0
  return Math.min(100, Math.round(((s.done + s.failed) / s.total) * 100))
}

function summary(a: Article): ArticleSummary {
  const { body: _body, ...rest } = a
  void _body
  return rest
}

/** The knowledge-base page: the article list and its filters, saving articles, imports and the search tester. */
export const useKnowledgeStore = defineStore('knowledge', () => {
  const filters = reactive<{ status: '' | ArticleStatus; q: string }>({ status: '', q: '' })
  const articles = ref<ArticleSummary[]>([])
  const total = ref(0)
  const loading = ref(false)
  const error = ref<string | null>(null)

  const currentImport = ref<ImportStatus | null>(null)
  const importError = ref<string | null>(null)
  let pollTimer: ReturnType<typeof setTimeout> | null = null

  let generation = 0
  async function fetchList(): Promise<void> {
    const mine = ++generation
    loading.value = true
    try {
      const page = await api.get<ArticlePage>('/api/kb/articles', {
        status: filters.status,
        q: filters.q.trim(),
        pageSize: 100,
      })
      if (mine !== generation) return
      articles.value = page.articles
      total.value = page.pagination.total
      error.value = null
    } catch (e) {
      if (mine === generation) error.value = errorMessage(e)
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  function matches(a: ArticleSummary): boolean {
    return (
      (!filters.status || a.status === filters.status) &&
      (!filters.q.trim() || a.title.toLowerCase().includes(filters.q.trim().toLowerCase()))
    )
  }

  /** Puts a saved article at the top of the list (newest change first), or drops it if the filters exclude it. */
  function track(a: Article): void {
    const rest = articles.value.filter((x) => x.id !== a.id)
    const known = rest.length !== articles.value.length
    if (matches(a)) {
      articles.value = [summary(a), ...rest]
      if (!known) total.value++
    } else {
      articles.value = rest
      if (known) total.value--
    }
  }

  async function get(id: number): Promise<Article> {
    return api.get<Article>(`/api/kb/articles/${id}`)
  }

  async function save(id: number | null, input: ArticleInput): Promise<Article> {
    const saved =
      id === null
        ? await api.post<Article>('/api/kb/articles', input)
        : await api.patch<Article>(`/api/kb/articles/${id}`, input)
    track(saved)
    return saved
  }

  async function setStatus(id: number, status: ArticleStatus): Promise<Article> {
    return save(id, { status })
  }

  async function remove(id: number): Promise<void> {
    await api.del(`/api/kb/articles/${id}`)
    const before = articles.value.length
    articles.value = articles.value.filter((a) => a.id !== id)
    if (articles.value.length !== before) total.value--
  }

  async function search(q: string, limit = 5): Promise<SearchHit[]> {
    return (await api.get<SearchResponse>('/api/kb/search', { q, limit })).results
  }

  function stopPolling(): void {
    if (pollTimer) clearTimeout(pollTimer)
    pollTimer = null
  }

  async function poll(id: number): Promise<void> {
    pollTimer = null
    try {
      currentImport.value = await api.get<ImportStatus>(`/api/kb/imports/${id}`)
      importError.value = null
    } catch (e) {
      importError.value = errorMessage(e)
    }
    if (currentImport.value?.id !== id) return
    if (importFinished(currentImport.value)) {
      await fetchList()
      return
    }
    pollTimer = setTimeout(() => void poll(id), IMPORT_POLL_MS)
  }

  /** Uploads a zip; the import runs in the background and is polled until it finishes. */
  async function startImport(file: File, status: ArticleStatus = 'published'): Promise<ImportStatus | null> {
    stopPolling()
    importError.value = null
    currentImport.value = null
    const form = new FormData()
    form.append('file', file)
    form.append('status', status)
    try {
      const started = await api.upload<ImportStatus>('/api/kb/imports', form)
      currentImport.value = started
      if (importFinished(started)) await fetchList()
      else pollTimer = setTimeout(() => void poll(started.id), IMPORT_POLL_MS)
      return started
    } catch (e) {
      importError.value = errorMessage(e)
      return null
    }
  }

  function reset(): void {
    stopPolling()
    articles.value = []
    total.value = 0
    currentImport.value = null
    importError.value = null
    error.value = null
  }

  return {
    filters,
    articles,
    total,
    loading,
    error,
    currentImport,
    importError,
    fetchList,
    get,
    save,
    setStatus,
    remove,
    search,
    startImport,
    stopPolling,
    reset,
  }
})
