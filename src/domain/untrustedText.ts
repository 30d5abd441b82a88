// Text from a server or from catalog data, made safe to show in notifications, dialogs, progress
// titles and quick picks: link syntax cannot become a link, newlines cannot reshape a dialog.
// (Minimal version; the hardening branch replaces it with the full rules.)

export function plainText(text: string, maxLength = 200): string {
  const flat = text
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]+/g, ' ')
    .replace(/\[([^\]]*)\]\(([^)]*)\)/g, '$1 ($2)')
    .replace(/\bcommand:/gi, 'command\u200b:');
  const chars = Array.from(flat);
  return chars.length > maxLength ? `${chars.slice(0, maxLength - 1).join('')}…` : flat;
}
