import { HTML_CSP, HTML_STYLE } from './_html-assets.js';
import { escapeHtml } from './_escape.js';

/**
 * The start of every ddss page up to `<body>`: the strict CSP (script and style by hash), no referrer, no request for
 * a favicon, and the shared stylesheet. One place, so a page cannot be added with a weaker head.
 * @example [...htmlHead('vi', 'land-parcels — Báo cáo chất lượng dữ liệu'), '<main>…</main>', '</body></html>']
 */
export function htmlHead(locale: string, title: string,
  page: { readonly csp: string; readonly styles: readonly string[] } = { csp: HTML_CSP, styles: [HTML_STYLE] }): string[] {
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(locale)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${page.csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    '<meta name="generator" content="ddss">',
    // An explicit empty icon: otherwise a browser asks the server for /favicon.ico.
    '<link rel="icon" href="data:,">',
    `<title>${escapeHtml(title)}</title>`,
    ...page.styles.map((style) => `<style>${style}</style>`),
    '</head>',
    '<body>',
  ];
}
