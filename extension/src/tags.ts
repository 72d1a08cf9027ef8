/** Tags as typed: separated by commas, without repeats or blanks. */
export function tagsFrom(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ].slice(0, 50);
}
