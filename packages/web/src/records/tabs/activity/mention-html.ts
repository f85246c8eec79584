const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The composer's plain text as the HTML the server stores: text escaped, line breaks kept, and each
 * "@名字" of a colleague picked from the list wrapped as <span data-mention-id>. Answers the ids of
 * those still mentioned (a name picked, then deleted from the text, notifies nobody).
 */
export function composeActivityHtml(text: string, picked: ReadonlyMap<string, string>): { content: string; mentions: string[] } {
  const names = [...picked.keys()].filter((name) => text.includes(`@${name}`)).sort((a, b) => b.length - a.length);
  const mentions = new Set<string>();
  let html = escapeHtml(text.trim());
  if (names.length) {
    // One pass over all names, longest first, so "@张三丰" is never cut down to "@张三".
    const pattern = new RegExp(`@(${names.map((n) => escapeRegExp(escapeHtml(n))).join('|')})`, 'g');
    html = html.replace(pattern, (match, escapedName: string) => {
      const id = picked.get(names.find((n) => escapeHtml(n) === escapedName) ?? '');
      if (!id) return match;
      mentions.add(id);
      return `<span data-mention-id="${id}">${match}</span>`;
    });
  }
  return { content: html.replace(/\n/g, '<br />'), mentions: [...mentions] };
}
