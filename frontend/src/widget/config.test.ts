import { describe, expect, it } from 'vitest'
import { DEFAULT_COLOR, DEFAULT_TITLE, parseConfig } from './config'

describe('parseConfig', () => {
  it('reads the data attributes and takes the API from the script origin', () => {
    const config = parseConfig(
      {
        inbox: 'inb_123',
        name: ' Jane ',
        email: 'jane@example.com',
        identifierHash: 'abcd',
        title: 'Help',
        color: '#0EA5E9',
      },
      'https://help.example.com/widget.js?v=2',
    )
    expect(config).toEqual({
      inbox: 'inb_123',
      apiBase: 'https://help.example.com',
      name: 'Jane',
      email: 'jane@example.com',
      identifierHash: 'abcd',
      title: 'Help',
      color: '#0EA5E9',
    })
  })

  it('uses defaults for a missing title and anything but a hex colour (no CSS injection)', () => {
    const config = parseConfig(
      { inbox: 'x', color: 'red; background:url(//evil)' },
      'http://localhost:5000/widget.js',
    )
    expect(config.title).toBe(DEFAULT_TITLE)
    expect(config.color).toBe(DEFAULT_COLOR)
    expect(config.name).toBeUndefined()
    expect(config.apiBase).toBe('http://localhost:5000')
  })

  it('refuses a script tag without data-inbox, saying what to add', () => {
    expect(() => parseConfig({ inbox: '  ' }, 'https://h/widget.js')).toThrow(/data-inbox/)
  })
})
