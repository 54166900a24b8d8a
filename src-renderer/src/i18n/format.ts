/** Locale-aware formatting shared by the screens (pure, so it is unit tested). */
import type { Language } from '@shared/settings/app-settings';

const locales: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

export function formatCount(value: number, language: Language): string {
  return new Intl.NumberFormat(locales[language]).format(value);
}

export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locales[language], { dateStyle: 'short', timeStyle: 'short' }).format(date);
}

/** Country name for an ISO 3166 code ("FR" → "France"); the code itself when unknown. */
export function countryName(code: string, language: Language): string {
  try {
    return new Intl.DisplayNames([locales[language]], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** Countries sorted by sendable rows (most first), named in the user's language. */
export function countryBreakdown(
  countries: Record<string, number>,
  language: Language,
): { code: string; name: string; count: number }[] {
  return Object.entries(countries)
    .map(([code, count]) => ({ code, name: countryName(code, language), count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
