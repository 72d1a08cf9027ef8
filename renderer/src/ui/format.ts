const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

export function formatDate(iso: string | null): string {
  return iso ? dateFormat.format(new Date(iso)) : '';
}

export function formatReadingTime(minutes: number): string {
  return minutes === 0 ? '' : `${minutes} min read`;
}
