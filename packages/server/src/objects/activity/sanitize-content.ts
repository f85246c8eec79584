import sanitizeHtml from 'sanitize-html';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What a 动态 may contain: paragraphs, emphasis, lists, quotes, links (web, mail and phone only)
 * and @mentions (<span data-mention-id="…">). Everything else is dropped; script and style lose
 * their text too; no attribute but those listed survives, so no event handlers and no styles.
 */
const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'div', 'b', 'strong', 'i', 'em', 'u', 's', 'del', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre', 'a', 'span'],
  allowedAttributes: { a: ['href', 'target', 'rel'], span: ['data-mention-id'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'iframe', 'object', 'embed', 'svg', 'math', 'template'],
  transformTags: {
    // Links open outside the CRM and tell the target nothing about where they came from.
    a: (tagName, attribs): sanitizeHtml.Tag => ({ tagName, attribs: attribs.href ? { href: attribs.href, target: '_blank', rel: 'noopener noreferrer nofollow' } : {} }),
    span: (tagName, attribs): sanitizeHtml.Tag => {
      const id = attribs['data-mention-id'] ?? '';
      return { tagName, attribs: UUID.test(id) ? { 'data-mention-id': id.toLowerCase() } : {} };
    },
  },
  nestingLimit: 20,
};

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The stored form of a 动态's content. Text without any tag (from an API client or an older app) is
 * taken as plain text, its line breaks kept; anything else is HTML and goes through the allow-list.
 */
export function sanitizeActivityContent(content: string): string {
  const normalised = content.replace(/\r\n?/g, '\n');
  if (!/<[a-z!/?]/i.test(normalised)) return escapeText(normalised.trim()).replace(/\n/g, '<br />');
  return sanitizeHtml(normalised, ALLOWED).trim();
}

/** Stored content (always HTML) under the current allow-list, for showing rows written under an older one. */
export const sanitizeStoredContent = (html: string) => sanitizeHtml(html, ALLOWED);

/** Plain text of sanitised content, for notifications, emails, the operation log and search. */
export function contentToText(html: string): string {
  const withBreaks = html.replace(/<br\s*\/?>/gi, '\n').replace(/<\/(p|div|li|blockquote|pre)>/gi, '\n');
  return sanitizeHtml(withBreaks, { allowedTags: [], allowedAttributes: {} })
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&')
    .replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** The first characters of a text, for titles and log lines. */
export const excerpt = (text: string, max = 80) => ([...text].length > max ? `${[...text].slice(0, max).join('')}…` : text);
