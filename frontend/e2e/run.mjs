// End-to-end test of the agent web app in Debian's chromium (never a downloaded browser): login, the knowledge
// base (write, publish, search), a customer message arriving live with its AI classification and a draft citing
// the article, the agent inserting, editing and sending the draft (feedback recorded as edited), resolving, the AI
// settings page, and an agent of another account who sees none of it.
//
//   node e2e/run.mjs <baseUrl> <email> <password> <otherAccountEmail> <otherPassword> <inboxPublicId>
//
// The app at baseUrl must serve the built front end and the API (WebAppE2EIT starts the real App and creates the
// data). Screenshots go to $HD_E2E_SCREENSHOTS (default ../target/screenshots). Prints "E2E OK" and exits 0 on
// success; prints the failure and exits 1 otherwise.
import { chromium } from 'playwright-core'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { reportsAndInboxes } from './reports-inboxes.mjs'
import { widgetScenario } from './widget.mjs'

const [baseUrl, email, password, otherEmail, otherPassword, inboxId] = process.argv.slice(2)
if (!inboxId) {
  console.error(
    'usage: node e2e/run.mjs <baseUrl> <email> <password> <otherEmail> <otherPassword> <inboxPublicId>',
  )
  process.exit(2)
}
const kbZip = process.env.HD_E2E_KB_ZIP
if (!kbZip) {
  console.error('HD_E2E_KB_ZIP: a zip of articles for the import screen is required')
  process.exit(2)
}
const shots = resolve(process.env.HD_E2E_SCREENSHOTS ?? join(import.meta.dirname, '../../target/screenshots'))
const executablePath = process.env.HD_E2E_CHROMIUM ?? '/usr/bin/chromium'
mkdirSync(shots, { recursive: true })
const nonce = `e2e-${Date.now().toString(36)}`
const step = (text) => console.log(`[e2e] ${text}`)

async function api(path, { method = 'GET', body, token } = {}) {
  const response = await fetch(baseUrl + path, {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${path} -> ${response.status}: ${text}`)
  return text ? JSON.parse(text) : undefined
}

async function signIn(page, who, pass) {
  await page.goto(baseUrl + '/')
  await page.waitForURL(/\/login/)
  await page.getByTestId('login-email').fill(who)
  await page.getByTestId('login-password').fill(pass)
  await page.getByTestId('login-submit').click()
  await page.getByTestId('app-header').waitFor()
  await page.getByTestId('conversation-list').waitFor()
}

// Playwright wants the profile directory as launchPersistentContext's argument, not as --user-data-dir; each
// signed-in agent gets its own fresh profile (own localStorage), i.e. its own browser process.
const profiles = []
async function launch(viewport) {
  const profile = mkdtempSync(join(tmpdir(), 'hd-e2e-chromium-'))
  profiles.push(profile)
  return chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

const contexts = []
let page
let failed = false
try {
  const context = await launch({ width: 1440, height: 900 })
  contexts.push(context)
  page = context.pages()[0] ?? (await context.newPage())
  const consoleErrors = []
  page.on('pageerror', (e) => consoleErrors.push(String(e)))

  step('login page and a wrong password')
  await page.goto(baseUrl + '/conversations')
  await page.waitForURL(/\/login/)
  await page.getByTestId('login-email').fill(email)
  await page.getByTestId('login-password').fill('wrong-password')
  await page.getByTestId('login-submit').click()
  await page.getByTestId('login-error').waitFor()
  await page.screenshot({ path: join(shots, '01-login.png') })

  step('sign in')
  await page.getByTestId('login-password').fill(password)
  await page.getByTestId('login-submit').click()
  await page.getByTestId('app-header').waitFor()
  await page.getByTestId('conversation-list').waitFor()
  await page.waitForFunction(() => document.querySelectorAll('[data-testid^="conversation-row-"]').length > 0)
  const token = () => page.evaluate(() => JSON.parse(localStorage.getItem('hd.tokens') ?? '{}').accessToken)

  step('knowledge base: write an article in the markdown editor (live preview), publish it')
  const articleTitle = `Refunds for duplicate charges (${nonce})`
  await page.getByRole('link', { name: 'Knowledge' }).click()
  await page.getByTestId('kb-new').click()
  await page.getByTestId('article-title').fill(articleTitle)
  await page.getByTestId('article-tags').fill('billing, refunds')
  await page
    .getByTestId('article-body')
    .fill(
      [
        '# Refunds for duplicate charges',
        '',
        'If you were **charged twice** for the same invoice, we refund the duplicate charge within 5 business days.',
        '',
        '## How to request a refund',
        '',
        '1. Reply with the invoice number.',
        '2. We confirm the refund of the duplicate charge by email.',
        '',
        '<script>window.__xss = 1</script>',
      ].join('\n'),
    )
  await page.getByTestId('article-preview').locator('h2', { hasText: 'How to request a refund' }).waitFor()
  if ((await page.getByTestId('article-preview').locator('script').count()) !== 0)
    throw new Error('the preview rendered a script element')
  await page.getByTestId('article-publish').click()
  await page.getByTestId('article-status').filter({ hasText: 'Published' }).waitFor()
  await page.waitForURL(/\/knowledge\/\d+$/)
  const articleId = Number(new URL(page.url()).pathname.split('/').pop())
  await page.getByTestId(`kb-row-${articleId}`).waitFor()
  if (await page.evaluate(() => window.__xss)) throw new Error('a script in the article ran')
  await page.screenshot({ path: join(shots, '09-knowledge.png') })

  step('the search tester finds it, with scores and highlighted snippets')
  await page.getByTestId('kb-tab-search').click()
  await page.getByTestId('kb-search-input').fill('I was charged twice, can I get a refund?')
  await page.getByTestId('kb-search-run').click()
  const firstHit = page.locator('[data-kb-hit]').first()
  await firstHit.waitFor()
  if (!(await firstHit.textContent()).includes(articleTitle))
    throw new Error('search tester: article not first')
  await firstHit.getByTestId('kb-hit-snippet').locator('mark').first().waitFor()
  await firstHit.getByTestId('kb-hit-score').waitFor()
  await page.screenshot({ path: join(shots, '10-knowledge-search.png') })

  step('import a zip: the progress bar fills, the unreadable file is listed, the articles appear')
  await page.getByTestId('kb-tab-import').click()
  await page.getByTestId('kb-import-file').setInputFiles(kbZip)
  await page.getByTestId('kb-import-start').click()
  await page
    .getByTestId('kb-import-progress')
    .filter({ hasText: 'Import finished' })
    .waitFor({ timeout: 60_000 })
  const bar = await page.getByTestId('kb-import-bar').getAttribute('aria-valuenow')
  if (bar !== '100') throw new Error(`import progress bar at ${bar}`)
  await page
    .getByTestId('kb-import-counts')
    .filter({ hasText: '3 imported · 1 failed · 0 pending of 4' })
    .waitFor()
  await page.getByTestId('kb-import-errors').filter({ hasText: 'scan.pdf' }).waitFor()
  await page.getByTestId('kb-list').getByText('Shipping times').waitFor()
  await page.getByTestId('kb-list').getByText('Changing your password').waitFor()
  await page.getByTestId('kb-total').filter({ hasText: '(4)' }).waitFor()
  await page.screenshot({ path: join(shots, '12-knowledge-import.png') })

  step('filters: drafts only, then a title search')
  await page.getByTestId('kb-filter-status').selectOption('draft')
  await page.getByTestId('kb-empty').waitFor()
  await page.getByTestId('kb-filter-status').selectOption('')
  await page.getByTestId('kb-filter-q').fill('shipping')
  await page.waitForFunction(() => document.querySelectorAll('[data-testid^="kb-row-"]').length === 1)
  await page.getByTestId('kb-filter-q').fill('')

  await page.getByRole('link', { name: 'Conversations' }).click()
  await page.waitForFunction(() => document.querySelectorAll('[data-testid^="conversation-row-"]').length > 0)

  step('a customer writes in through the public API; it appears without a reload')
  const session = await api(`/api/public/inboxes/${inboxId}/contacts`, {
    method: 'POST',
    body: { name: 'Liisa Live', email: `${nonce}@customer.test` },
  })
  const started = await api(`/api/public/inboxes/${inboxId}/conversations`, {
    method: 'POST',
    token: session.contactToken,
    body: { content: `Hello, I have a question about a charge on my invoice ${nonce}.` },
  })
  const conversationId = started.conversationId
  const row = page.getByTestId(`conversation-row-${conversationId}`)
  await row.waitFor({ timeout: 30_000 })
  if ((await row.getAttribute('data-unread')) !== 'true')
    throw new Error('the new conversation is not marked unread')
  const mode = await page.getByTestId('live-status').getAttribute('data-mode')
  step(`arrived live (mode: ${mode})`)
  await row.getByTestId('row-category').waitFor({ timeout: 90_000 })
  step('its AI category shows in the list, live')
  await page.screenshot({ path: join(shots, '02-inbox.png') })

  step('keyboard: j selects the newest conversation, Enter opens it')
  await page.locator('body').click({ position: { x: 900, y: 500 } })
  await page.keyboard.press('j')
  await page.waitForFunction(
    (id) => document.getElementById(`conv-${id}`)?.getAttribute('aria-selected') === 'true',
    conversationId,
  )
  await page.keyboard.press('Enter')
  await page.waitForURL(new RegExp(`/conversations/${conversationId}$`))
  await page.getByTestId('message-customer').filter({ hasText: nonce }).waitFor()
  await page.getByTestId('ai-panel').waitFor()

  step('its classification and a first draft show in the AI panels')
  await page.getByTestId('ai-category').filter({ hasText: 'Billing' }).waitFor({ timeout: 90_000 })
  await page.getByTestId('ai-priority').filter({ hasText: 'Normal' }).waitFor()
  await page.getByTestId('ai-draft').waitFor({ timeout: 60_000 })
  const firstDraftId = await page.getByTestId('ai-draft').getAttribute('data-draft-id')

  step('the customer follows up: message, new classification and a draft citing the article arrive live')
  const followUp = 'I was charged twice and I want a refund of the duplicate charge now!'
  await api(`/api/public/inboxes/${inboxId}/conversations/${conversationId}/messages`, {
    method: 'POST',
    token: session.contactToken,
    body: { content: followUp },
  })
  await page.getByTestId('message-customer').filter({ hasText: followUp }).waitFor()
  await page.getByTestId('ai-priority').filter({ hasText: 'High' }).waitFor({ timeout: 60_000 })
  await page.getByTestId('ai-sentiment').filter({ hasText: 'Frustrated' }).waitFor()
  await page.getByTestId('ai-reasoning').waitFor()
  await page.getByTestId('ai-confidence').filter({ hasText: '%' }).waitFor()
  await page.getByTestId('ai-provider').filter({ hasText: 'local' }).waitFor()
  await page.waitForFunction(
    (previous) => {
      const id = document.querySelector('[data-testid="ai-draft"]')?.getAttribute('data-draft-id')
      return id && id !== previous
    },
    firstDraftId,
    { timeout: 60_000 },
  )
  const citation = page.getByTestId(`draft-citation-${articleId}`)
  await citation.filter({ hasText: articleTitle }).waitFor()
  if ((await citation.getAttribute('href')) !== `/knowledge/${articleId}`)
    throw new Error(`citation link: ${await citation.getAttribute('href')}`)
  await page.getByTestId('draft-confidence').waitFor()
  await page.getByTestId('routing-latest').waitFor()
  await page.setViewportSize({ width: 1440, height: 1500 })
  await page.waitForTimeout(300)
  await page.screenshot({ path: join(shots, '04-conversation-ai.png') })
  await page.setViewportSize({ width: 1440, height: 900 })

  step('insert the draft, edit it (/thanks + Tab expands a canned response), Ctrl+Enter sends')
  const draftText = (await page.getByTestId('draft-content').textContent()).trim()
  await page.getByTestId('draft-insert').click()
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'composer-input')
  if ((await page.getByTestId('composer-input').inputValue()).trim() !== draftText)
    throw new Error('the draft was not inserted as is')
  await page.getByTestId('draft-in-composer').waitFor()
  await page.keyboard.press('Control+End')
  await page.keyboard.type('\n/thanks')
  await page.keyboard.press('Tab')
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="composer-input"]')?.value.endsWith('Thanks for reaching out!'),
  )
  await page.keyboard.type(` We are correcting invoice ${nonce}.`)
  await page.keyboard.press('Control+Enter')
  await page
    .getByTestId('message-agent')
    .filter({ hasText: `correcting invoice ${nonce}` })
    .waitFor()
  if ((await page.getByTestId('composer-input').inputValue()) !== '')
    throw new Error('composer not cleared after send')
  await page.getByTestId('draft-status').filter({ hasText: 'Sent after editing' }).waitFor()

  step('the feedback is recorded as edited, with the text sent')
  const stats = await api('/api/ai/drafts/stats', { token: await token() })
  if (stats.edited < 1) throw new Error(`draft stats: ${JSON.stringify(stats)}`)
  const recorded = await api(`/api/ai/drafts?conversationId=${conversationId}`, { token: await token() })
  const used = recorded.drafts.find((d) => d.status !== 'pending')
  if (used?.status !== 'edited' || !used.finalText.includes(`correcting invoice ${nonce}`))
    throw new Error(`draft feedback: ${JSON.stringify(used)}`)

  step('a private note')
  await page.getByTestId('mode-note').click()
  await page.getByTestId('composer-input').fill(`Checked with billing (${nonce})`)
  await page.getByTestId('composer-send').click()
  await page
    .getByTestId('message-note')
    .filter({ hasText: `Checked with billing (${nonce})` })
    .waitFor()

  step('e resolves the conversation')
  await page.getByTestId('composer-input').press('Escape')
  await page.keyboard.press('e')
  await page.getByTestId('conversation-status').filter({ hasText: 'Resolved' }).waitFor()
  await page.getByTestId('message-activity').first().waitFor()
  await page.screenshot({ path: join(shots, '03-conversation.png') })

  step('the customer sees the reply but not the private note')
  const seen = await api(`/api/public/inboxes/${inboxId}/conversations/${conversationId}/messages`, {
    token: session.contactToken,
  })
  const texts = seen.messages.map((m) => m.content).join('\n')
  if (!texts.includes(`correcting invoice ${nonce}`)) throw new Error('the customer does not see the reply')
  if (texts.includes('Checked with billing')) throw new Error('the customer sees the private note!')

  step('AI settings: figures, settings, categories; a refused category name is shown plainly')
  await page.getByRole('link', { name: 'AI settings' }).click()
  await page.getByTestId('category-billing').waitFor()
  await page.getByTestId('stat-acceptance').waitFor()
  await page.getByTestId('cat-new-name').fill('Refund Requests!')
  await page.getByTestId('cat-new-description').fill('Customers asking for money back')
  await page.getByTestId('cat-new-examples').fill('I want my money back\nPlease refund my order')
  await page.getByTestId('cat-new-submit').click()
  await page.getByTestId('cat-new-error').waitFor()
  await page.locator('#cat-new-name-help').filter({ hasText: 'Name must be lowercase' }).waitFor()
  await page.getByTestId('cat-new-name').fill('refund-requests')
  await page.getByTestId('cat-new-submit').click()
  await page.getByTestId('category-refund-requests').waitFor()
  await page.setViewportSize({ width: 1440, height: 1700 })
  await page.waitForTimeout(300)
  await page.screenshot({ path: join(shots, '11-ai-settings.png') })
  await page.setViewportSize({ width: 1440, height: 900 })

  step('contacts and admin pages')
  await page.getByRole('link', { name: 'Contacts' }).click()
  await page.getByTestId('contact-list').getByText('Liisa Live').click()
  await page.getByTestId('contact-conversations').waitFor()
  await page.screenshot({ path: join(shots, '05-contacts.png') })
  await page.getByRole('link', { name: 'Agents' }).click()
  await page.getByTestId('agents-table').locator('tbody tr').first().waitFor()
  await page.screenshot({ path: join(shots, '06-agents.png') })
  await page.getByRole('link', { name: 'Canned' }).click()
  await page.getByText('Thanks for reaching out', { exact: false }).first().waitFor()
  await page.screenshot({ path: join(shots, '07-canned.png') })
  await reportsAndInboxes(page, { baseUrl, shots, step, api, nonce })
  await widgetScenario({
    baseUrl,
    shots,
    step,
    api,
    nonce,
    inboxId,
    agentToken: token,
    agentPage: page,
    launch,
  })

  step('an agent of another account never sees it')
  const other = await launch({ width: 1280, height: 800 })
  contexts.push(other)
  const otherPage = other.pages()[0] ?? (await other.newPage())
  await signIn(otherPage, otherEmail, otherPassword)
  await otherPage.getByTestId('filter-status').selectOption('')
  await otherPage.waitForTimeout(500)
  if ((await otherPage.getByTestId(`conversation-row-${conversationId}`).count()) !== 0)
    throw new Error('the other account sees the conversation in its list')
  if ((await otherPage.getByText(nonce).count()) !== 0)
    throw new Error('the other account sees the message text')
  await otherPage.goto(`${baseUrl}/conversations/${conversationId}`)
  await otherPage.getByTestId('conversation-pane').getByRole('alert').waitFor()
  if ((await otherPage.getByText(nonce).count()) !== 0)
    throw new Error('the other account can open the conversation')
  await otherPage.screenshot({ path: join(shots, '08-other-account.png') })
  const otherToken = await otherPage.evaluate(
    () => JSON.parse(localStorage.getItem('hd.tokens') ?? '{}').accessToken,
  )
  const otherDrafts = await fetch(`${baseUrl}/api/ai/drafts?conversationId=${conversationId}`, {
    headers: { Authorization: `Bearer ${otherToken}` },
  })
  if (otherDrafts.status !== 404) throw new Error(`the other account's drafts answer ${otherDrafts.status}`)
  await otherPage.getByRole('link', { name: 'Knowledge' }).click()
  await otherPage.getByTestId('kb-empty').waitFor()
  if ((await otherPage.getByText(nonce).count()) !== 0)
    throw new Error("the other account sees the first account's article")
  const otherSearch = await api(`/api/kb/search?q=${encodeURIComponent('charged twice refund')}`, {
    token: otherToken,
  })
  if (otherSearch.results.length !== 0) throw new Error('the other account finds the article')

  if (consoleErrors.length) throw new Error(`page errors: ${consoleErrors.join('; ')}`)
  console.log(`E2E OK (live mode: ${mode}; screenshots in ${shots})`)
} catch (e) {
  failed = true
  console.error(`E2E FAILED: ${e?.stack ?? e}`)
  if (page) await page.screenshot({ path: join(shots, 'failure.png') }).catch(() => undefined)
} finally {
  for (const c of contexts) await c.close().catch(() => undefined)
  for (const p of profiles) rmSync(p, { recursive: true, force: true })
}
process.exit(failed ? 1 : 0)
