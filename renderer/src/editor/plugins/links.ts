/** Links a story may carry: web pages and e-mail addresses, nothing that runs or opens apps. */
export function isAllowedLink(url: string): boolean {
  try {
    return ['http:', 'https:', 'mailto:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** What a person typed, made into a link: "example.com/x" means https, "a@b.c" means mailto. */
export function normaliseLink(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  if (isAllowedLink(text)) return text;
  if (/^[^\s@/]+@[^\s@/]+\.[a-z]{2,}$/i.test(text)) return `mailto:${text}`;
  if (/^[\w-]+(\.[\w-]+)+([/?#]\S*)?$/i.test(text)) return `https://${text}`;
  return null;
}
