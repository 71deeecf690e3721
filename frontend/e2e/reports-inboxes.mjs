// The Reports and Inboxes pages in the browser (called by run.mjs with its signed-in admin page). Kept apart from
// run.mjs so that the pages' steps stay in one place.
import { join } from 'node:path'

/** Opens Reports and Inboxes, creates an inbox, and checks its integration snippet against the real public API. */
export async function reportsAndInboxes(page, { baseUrl, shots, step, api, nonce }) {
  step('reports: volume, times and AI rates for the last 30 days')
  await page.getByRole('link', { name: 'Reports' }).click()
  await page.getByTestId('report').waitFor()
  const total = Number((await page.getByTestId('volume-total').textContent())?.trim())
  if (!(total >= 2)) throw new Error(`reports count ${total} conversations, expected the e2e's at least 2`)
  const summary = await page.getByTestId('day-chart').getAttribute('aria-label')
  if (!summary?.includes('conversations over 30 days')) throw new Error(`day chart summary: ${summary}`)
  await page.getByTestId('first-response').waitFor()
  await page.getByTestId('draft-acceptance').waitFor()
  await page.screenshot({ path: join(shots, '20-reports.png'), fullPage: true })

  step('inboxes: create one, read its public id and integration snippet')
  await page.getByRole('link', { name: 'Inboxes' }).click()
  await page.getByTestId('inbox-row').first().waitFor()
  const name = `Widget ${nonce}`
  await page.locator('#new-inbox-name').fill(name)
  await page.locator('#new-inbox-strategy').selectOption('round_robin')
  await page.getByRole('button', { name: 'Add inbox' }).click()
  await page.getByTestId('inbox-row').filter({ hasText: name }).waitFor()
  const publicId = (await page.getByTestId('inbox-public-id').textContent())?.trim()
  if (!publicId?.startsWith('inb_')) throw new Error(`public id of the new inbox: ${publicId}`)
  const snippet = await page.getByTestId('inbox-snippet').textContent()
  const base = `${new URL(baseUrl).origin}/api/public/inboxes/${publicId}`
  if (!snippet?.includes(`${base}/contacts`) || !snippet.includes(`${base}/conversations`))
    throw new Error(`the snippet does not call this origin with the inbox's id:\n${snippet}`)
  const widgetTag = await page.getByTestId('inbox-widget-snippet').textContent()
  const expectedTag = `<script src="${new URL(baseUrl).origin}/widget.js" data-inbox="${publicId}" async></script>`
  if (widgetTag?.trim() !== expectedTag)
    throw new Error(`widget snippet: ${widgetTag}, expected ${expectedTag}`)

  step("the snippet's calls work against the API")
  const session = await api(`/api/public/inboxes/${publicId}/contacts`, {
    method: 'POST',
    body: { name: 'Snippet Customer', email: `snippet-${nonce}@customer.test` },
  })
  await api(`/api/public/inboxes/${publicId}/conversations`, {
    method: 'POST',
    token: session.contactToken,
    body: { content: `Hello from the snippet (${nonce})` },
  })
  await page.reload()
  await page.getByTestId('inbox-row').filter({ hasText: name }).getByText('1', { exact: true }).waitFor()
  await page.getByRole('button', { name }).click()
  await page.getByTestId('inbox-public-id').filter({ hasText: publicId }).waitFor()
  await page.screenshot({ path: join(shots, '21-inboxes.png'), fullPage: true })
}
