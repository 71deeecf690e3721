import MarkdownIt from 'markdown-it'
import DOMPurify from 'dompurify'

// Raw HTML in the source is not interpreted (html: false renders it as text), and whatever markdown-it produces is
// sanitised again by DOMPurify before it reaches the DOM: articles come from imports and other people.
const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false })

const ARTICLE_TAGS = [
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'br',
  'hr',
  'strong',
  'em',
  's',
  'del',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'img',
]

let hooked = false
function hookLinks(): void {
  if (hooked) return
  hooked = true
  // Links in an article open in a new tab and never hand the opener to the target.
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A' && node.getAttribute('href')) {
      node.setAttribute('target', '_blank')
      node.setAttribute('rel', 'noopener noreferrer nofollow')
    }
  })
}

/** Markdown → sanitised HTML, safe for `v-html`. */
export function renderMarkdown(source: string | null | undefined): string {
  if (!source) return ''
  hookLinks()
  return DOMPurify.sanitize(md.render(source), {
    ALLOWED_TAGS: ARTICLE_TAGS,
    ALLOWED_ATTR: ['href', 'title', 'alt', 'src', 'target', 'rel', 'align'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#|\/(?!\/))/i,
  })
}

/** A search snippet (HTML-escaped by the server, matches in `<mark>`) → HTML keeping only `<mark>`. */
export function sanitizeSnippet(html: string | null | undefined): string {
  if (!html) return ''
  return DOMPurify.sanitize(html, { ALLOWED_TAGS: ['mark'], ALLOWED_ATTR: [] })
}
