// The customer-facing chat widget in the browser (called by run.mjs with the signed-in agent's page). The widget is
// embedded on a host page served from another origin, as on a customer's own site, so the public API's CORS and the
// websocket-only customer socket are exercised for real.
import { createServer } from 'node:http'
import { join } from 'node:path'

/** Serves one host page embedding the widget from baseUrl; resolves to its URL and a close function. */
function hostSite(baseUrl, inboxId) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Shop</title>
<style>* { font-family: serif !important; color: red; } button { background: yellow; }</style></head>
<body><h1>A customer's shop</h1>
<script src="${baseUrl}/widget.js" data-inbox="${inboxId}" data-name="Wendy Widget" data-title="Shop support" async></script>
</body></html>`
  const server = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html)
  })
  return new Promise((resolveServer) =>
    server.listen(0, '127.0.0.1', () =>
      resolveServer({ url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() }),
    ),
  )
}

async function expectServed(baseUrl, path, contentType, contains) {
  const response = await fetch(baseUrl + path, { headers: { Accept: 'text/html,*/*' } })
  const type = response.headers.get('content-type') ?? ''
  const body = await response.text()
  if (response.status !== 200 || !type.includes(contentType) || !body.includes(contains))
    throw new Error(`${path}: ${response.status} ${type}, expected ${contentType} containing ${contains}`)
}

/** Waits for the widget's socket.io websocket to be connected (its CONNECT acknowledged). */
function socketConnected(page) {
  return new Promise((resolveSocket) => {
    page.on('websocket', (ws) => {
      if (!ws.url().includes('/socket.io/')) return
      const frames = []
      ws.on('framereceived', ({ payload }) => {
        frames.push(String(payload))
        if (String(payload).startsWith('40')) resolveSocket(frames)
      })
    })
  })
}

export async function widgetScenario({
  baseUrl,
  shots,
  step,
  api,
  nonce,
  inboxId,
  agentToken,
  agentPage,
  launch,
}) {
  step('widget: /widget.js is served as JavaScript (not the app fallback), and the demo page embeds it')
  await expectServed(baseUrl, '/widget.js', 'javascript', 'data-inbox')
  await expectServed(baseUrl, '/widget-demo.html', 'text/html', 'data-inbox="demo-api-inbox"')

  const site = await hostSite(baseUrl, inboxId)
  const context = await launch({ width: 1280, height: 800 })
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    const connected = socketConnected(page)
    await page.goto(site.url)

    step('widget: the launcher opens the panel with focus in the message box')
    const launcher = page.getByRole('button', { name: 'Open chat' })
    await launcher.click()
    await page.getByRole('dialog', { name: 'Shop support' }).waitFor()
    await page.waitForFunction(
      () => document.querySelector('[data-hummdesk-widget]')?.shadowRoot?.activeElement?.id === 'hd-input',
    )
    step('widget: Escape closes it and gives focus back to the launcher')
    await page.keyboard.press('Escape')
    await page.getByRole('dialog', { name: 'Shop support' }).waitFor({ state: 'hidden' })
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-hummdesk-widget]')
          ?.shadowRoot?.activeElement?.getAttribute('data-part') === 'launcher',
    )
    await page.getByRole('button', { name: 'Open chat' }).click()

    step('widget: the first message opens a session and starts a conversation (cross-origin)')
    const first = `Hi, my tent pole snapped (${nonce})`
    await page.getByLabel('Your message').fill(first)
    await page.keyboard.press('Enter')
    await page.locator('[data-part="message-mine"]').filter({ hasText: first }).waitFor()
    const saved = await page.evaluate(
      (key) => JSON.parse(localStorage.getItem(key) ?? 'null'),
      `hummdesk.widget.${inboxId}`,
    )
    if (!saved?.contactToken || !saved.conversationId)
      throw new Error(`widget session not saved: ${JSON.stringify(saved)}`)
    const conversationId = saved.conversationId

    step('widget: the message reaches the agent (live in the agent app and in the API)')
    await agentPage.getByRole('link', { name: 'Conversations' }).click()
    await agentPage.getByTestId(`conversation-row-${conversationId}`).waitFor({ timeout: 30_000 })
    const timeline = await api(`/api/conversations/${conversationId}/messages`, { token: await agentToken() })
    if (!timeline.messages.some((m) => m.content === first))
      throw new Error('the agent API does not have the message')

    step('widget: a failed send keeps the text and a retry delivers it')
    const publicApi = `${baseUrl}/api/public/**`
    await page.route(publicApi, (route) => route.abort('internetdisconnected'))
    const second = `Can I get a replacement? (${nonce})`
    await page.getByLabel('Your message').fill(second)
    await page.getByRole('button', { name: 'Send' }).click()
    await page.locator('[data-part="message-failed"]').filter({ hasText: second }).waitFor()
    await page.getByText('Could not reach us').waitFor()
    await page.unroute(publicApi)
    await page.getByRole('button', { name: 'Retry' }).click()
    await page.locator('[data-part="message-mine"]').filter({ hasText: second }).waitFor()
    if ((await page.locator('[data-part="message-failed"]').count()) !== 0)
      throw new Error('failed message left over')

    step("widget: the agent's reply arrives live over the customer socket")
    const frames = await connected
    const reply = `A new pole is on its way (${nonce})`
    await api(`/api/conversations/${conversationId}/messages`, {
      method: 'POST',
      token: await agentToken(),
      body: { content: reply },
    })
    await page.locator('[data-part="message-agent"]').filter({ hasText: reply }).waitFor({ timeout: 15_000 })
    if (!frames.some((f) => f.includes('message:sent') && f.includes(reply)))
      throw new Error('the reply was not delivered over the websocket')
    await page.screenshot({ path: join(shots, '22-widget.png') })

    step('widget: a reload resumes the conversation with its history')
    await page.reload()
    await page.getByRole('button', { name: 'Open chat' }).click()
    for (const text of [first, second])
      await page.locator('[data-part="message-mine"]').filter({ hasText: text }).waitFor()
    await page.locator('[data-part="message-agent"]').filter({ hasText: reply }).waitFor()

    step('widget: fits a phone screen')
    await page.setViewportSize({ width: 375, height: 700 })
    const box = await page.getByRole('dialog', { name: 'Shop support' }).boundingBox()
    if (!box || box.width > 375 || box.x < 0) throw new Error(`panel on a phone: ${JSON.stringify(box)}`)
    await page.screenshot({ path: join(shots, '23-widget-mobile.png') })
  } finally {
    await context.close()
    site.close()
  }
}
