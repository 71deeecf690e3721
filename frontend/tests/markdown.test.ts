import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { renderMarkdown, sanitizeSnippet } from '../src/lib/markdown'
import MarkdownView from '../src/components/MarkdownView.vue'
import HighlightedSnippet from '../src/components/HighlightedSnippet.vue'

describe('markdown rendering', () => {
  it('renders headings, emphasis, lists and links', () => {
    const html = renderMarkdown(
      '# Refunds\n\nWe refund **twice**.\n\n1. one\n2. two\n\n[help](https://x.test/a)',
    )
    expect(html).toContain('<h1>Refunds</h1>')
    expect(html).toContain('<strong>twice</strong>')
    expect(html).toContain('<ol>')
    expect(html).toMatch(/<a href="https:\/\/x.test\/a"[^>]*rel="noopener noreferrer nofollow"/)
  })

  it('never lets raw HTML, scripts, handlers or javascript: links through', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n[click](javascript:alert(3))\n\n<b onclick="x()">b</b>',
    )
    const el = document.createElement('div')
    el.innerHTML = html
    expect(el.querySelector('script')).toBeNull()
    expect(el.querySelector('[onerror]')).toBeNull()
    expect(el.querySelector('[onclick]')).toBeNull()
    expect(el.querySelector('a[href^="javascript"]')).toBeNull()
    // Raw HTML is shown as text, not interpreted.
    expect(el.textContent).toContain('<script>alert(1)</script>')
  })

  it('keeps only <mark> in search snippets', () => {
    expect(sanitizeSnippet('were <mark>charged</mark> <b>twice</b><img src=x onerror=alert(1)>')).toBe(
      'were <mark>charged</mark> twice',
    )
    expect(sanitizeSnippet('a &lt;script&gt; b')).toBe('a &lt;script&gt; b')
  })

  it('MarkdownView and HighlightedSnippet put only sanitised HTML in the DOM', () => {
    const view = mount(MarkdownView, {
      props: { source: '## Hi\n\n<iframe src="https://evil.test"></iframe>' },
    })
    expect(view.find('h2').text()).toBe('Hi')
    expect(view.find('iframe').exists()).toBe(false)
    const snippet = mount(HighlightedSnippet, { props: { html: '<mark>refund</mark><svg onload=alert(1)>' } })
    expect(snippet.findAll('mark')).toHaveLength(1)
    expect(snippet.find('svg').exists()).toBe(false)
  })
})
