import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '../api'
import { ApiError } from '../api/client'
import type { Agent, CannedResponse, Label, Team } from '../api/types'

/** The account's teams, agents and labels: the choices of filters and conversation controls. */
export const useDirectoryStore = defineStore('directory', () => {
  const teams = ref<Team[]>([])
  const agents = ref<Agent[]>([])
  const labels = ref<Label[]>([])
  const loaded = ref(false)

  async function load(force = false): Promise<void> {
    if (loaded.value && !force) return
    const [t, a, l] = await Promise.all([
      api.get<{ teams: Team[] }>('/api/teams', { pageSize: 100 }).catch(() => ({ teams: [] })),
      api.get<{ agents: Agent[] }>('/api/agents', { pageSize: 100 }).catch(() => ({ agents: [] })),
      api.get<{ labels: Label[] }>('/api/labels', { pageSize: 100 }).catch(() => ({ labels: [] })),
    ])
    teams.value = t.teams
    agents.value = a.agents
    labels.value = l.labels
    loaded.value = true
  }

  function reset(): void {
    teams.value = []
    agents.value = []
    labels.value = []
    loaded.value = false
  }

  const cannedCache = new Map<string, CannedResponse | null>()
  /** The canned response with this exact short code, or null. Cached per session. */
  async function canned(code: string): Promise<CannedResponse | null> {
    if (cannedCache.has(code)) return cannedCache.get(code) ?? null
    try {
      const found = await api.get<CannedResponse>(
        `/api/canned-responses/shortcut/${encodeURIComponent(code)}`,
      )
      cannedCache.set(code, found)
      return found
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) cannedCache.set(code, null)
      return null
    }
  }

  return { teams, agents, labels, loaded, load, reset, canned, cannedCache }
})
