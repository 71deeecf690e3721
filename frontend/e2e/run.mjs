// End-to-end test of the agent web app in Debian's chromium (never a downloaded browser).
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

const [baseUrl, email, password, otherEmail, otherPassword, inboxId] = process.argv.slice(2)
if (!inboxId) {
  console.error(
    'usage: node e2e/run.mjs <baseUrl> <email> <password> <otherEmail> <otherPassword> <inboxPublicId>',
  )
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

  step('a customer writes in through the public API; it appears without a reload')
  const session = await api(`/api/public/inboxes/${inboxId}/contacts`, {
    method: 'POST',
    body: { name: 'Liisa Live', email: `${nonce}@customer.test` },
  })
  const started = await api(`/api/public/inboxes/${inboxId}/conversations`, {
    method: 'POST',
    token: session.contactToken,
    body: { content: `My invoice shows the wrong amount (${nonce})` },
  })
  const conversationId = started.conversationId
  const row = page.getByTestId(`conversation-row-${conversationId}`)
  await row.waitFor({ timeout: 30_000 })
  if ((await row.getAttribute('data-unread')) !== 'true')
    throw new Error('the new conversation is not marked unread')
  const mode = await page.getByTestId('live-status').getAttribute('data-mode')
  step(`arrived live (mode: ${mode})`)
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
  await page.getByTestId('draft-empty').waitFor()

  step('r focuses the composer; /thanks + Tab expands the canned response; Ctrl+Enter sends')
  await page.keyboard.press('r')
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'composer-input')
  await page.keyboard.type('/thanks')
  await page.keyboard.press('Tab')
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="composer-input"]')?.value.startsWith('Thanks for reaching out'),
  )
  await page.keyboard.type(` We are correcting invoice ${nonce}.`)
  await page.keyboard.press('Control+Enter')
  await page
    .getByTestId('message-agent')
    .filter({ hasText: `correcting invoice ${nonce}` })
    .waitFor()
  if ((await page.getByTestId('composer-input').inputValue()) !== '')
    throw new Error('composer not cleared after send')

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

  step('a classified conversation shows its AI fields')
  await page.getByTestId('filter-status').selectOption('')
  const classified = page
    .locator('[data-testid^="conversation-row-"]', { has: page.getByTestId('row-category') })
    .first()
  await classified.waitFor()
  await classified.click()
  await page.getByTestId('ai-category').waitFor()
  const category = (await page.getByTestId('ai-category').textContent())?.trim()
  if (!category || category === '—') throw new Error('AI category not shown')
  await page.getByTestId('ai-reasoning').waitFor()
  await page.screenshot({ path: join(shots, '04-conversation-ai.png') })

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
