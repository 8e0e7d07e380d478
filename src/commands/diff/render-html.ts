// `lint-config diff --format html`: base and head curves on one self-contained page, then the diff itself as text.
import { renderChartHtml, renderChartHtmlOverlay } from '../../chart/html.js'
import { xml } from '../../chart/svg-markup.js'
import type { ConfigDiff } from '../../types.js'
import { isEmptyDiff } from './compare.js'
import { renderDiffText } from './render-text.js'

const PAGE_CSS = 'body{font:14px/1.5 system-ui,sans-serif;padding:24px}'

/**
 * The head's chart with the base's lines drawn faded under it (one side alone when the other is absent or does not
 * parse), followed by a "Changes" section holding the text rendering of the diff. Ends with a newline.
 */
export function renderDiffHtml(d: ConfigDiff, options: { scale?: 'log' | 'linear' } = {}): string {
  const changes = isEmptyDiff(d) ? `No change to the sizing or the findings against ${d.base.name}.\n` : renderDiffText(d)
  const appendix = `<h2>Changes</h2>\n<pre>${xml(changes)}</pre>`
  const { base, head } = d.charts ?? {}
  const scale = options.scale ?? 'log'
  if (base && head) return renderChartHtmlOverlay(base, head, { scale, appendix })
  const only = head ?? base
  if (only) return renderChartHtml(only, { scale, appendix })
  const title = xml(`lint-config diff: ${d.head.name}`)
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="color-scheme" content="light dark">',
    `<title>${title}</title>`,
    `<style>${PAGE_CSS}</style>`,
    '</head>',
    '<body>',
    `<h1>${title}</h1>`,
    `<p>${xml('No chart: neither version has a usable scalping.balance_profiles.')}</p>`,
    appendix,
    '</body>',
    '</html>',
    '',
  ].join('\n')
}
