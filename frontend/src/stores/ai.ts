import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '../api'
import type {
  AiCategory,
  AiCategoryInput,
  AiSettings,
  AiSettingsChanges,
  AiStats,
  DraftStats,
} from '../api/types'

/** The account's AI settings, its categories (the choices of a category correction) and the pipeline's figures. */
export const useAiStore = defineStore('ai', () => {
  const settings = ref<AiSettings | null>(null)
  const categories = ref<AiCategory[]>([])
  const categoriesLoaded = ref(false)
  const stats = ref<AiStats | null>(null)
  const draftStats = ref<DraftStats | null>(null)

  async function loadCategories(force = false): Promise<AiCategory[]> {
    if (categoriesLoaded.value && !force) return categories.value
    const list = await api.get<{ categories: AiCategory[] }>('/api/ai/categories')
    categories.value = list.categories
    categoriesLoaded.value = true
    return categories.value
  }

  async function loadSettings(): Promise<AiSettings> {
    settings.value = await api.get<AiSettings>('/api/ai/settings')
    return settings.value
  }

  async function saveSettings(changes: AiSettingsChanges): Promise<AiSettings> {
    settings.value = await api.put<AiSettings>('/api/ai/settings', changes)
    return settings.value
  }

  async function loadStats(): Promise<void> {
    const [a, d] = await Promise.all([
      api.get<AiStats>('/api/ai/stats'),
      api.get<DraftStats>('/api/ai/drafts/stats'),
    ])
    stats.value = a
    draftStats.value = d
  }

  function sorted(list: AiCategory[]): AiCategory[] {
    return [...list].sort((a, b) => a.name.localeCompare(b.name))
  }

  async function createCategory(input: AiCategoryInput): Promise<AiCategory> {
    const created = await api.post<AiCategory>('/api/ai/categories', input)
    categories.value = sorted([...categories.value, created])
    return created
  }

  async function updateCategory(id: number, input: AiCategoryInput): Promise<AiCategory> {
    const updated = await api.patch<AiCategory>(`/api/ai/categories/${id}`, input)
    categories.value = sorted(categories.value.map((c) => (c.id === id ? updated : c)))
    return updated
  }

  async function deleteCategory(id: number): Promise<void> {
    await api.del(`/api/ai/categories/${id}`)
    categories.value = categories.value.filter((c) => c.id !== id)
  }

  function reset(): void {
    settings.value = null
    categories.value = []
    categoriesLoaded.value = false
    stats.value = null
    draftStats.value = null
  }

  return {
    settings,
    categories,
    categoriesLoaded,
    stats,
    draftStats,
    loadCategories,
    loadSettings,
    saveSettings,
    loadStats,
    createCategory,
    updateCategory,
    deleteCategory,
    reset,
  }
})
