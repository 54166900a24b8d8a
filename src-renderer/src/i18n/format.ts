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

/** Euros the user's way: "12,34 €" / "€12.34". */
export function formatEuros(value: number, language: Language): string {
  return new Intl.NumberFormat(locales[language], { style: 'currency', currency: 'EUR', minimumFractionDigits: 2, maximumFractionDigits: value < 1 ? 4 : 2 }).format(value);
}

/** A date and time in Paris as the user reads it: "01/12/2026 08:55" (fr-FR, en-GB: day first). */
export function formatParisShort(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locales[language], { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(date);
}

/**
 * A moment as people say it, Paris time: "mardi 1er décembre à 8 h 55"
 * (the year only when it is not the current one); "Tuesday 1 December at 08:55".
 */
export function formatSpokenDateTime(iso: string, language: Language, now = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat(locales[language], {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'Europe/Paris',
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  ) as Record<string, string>;
  const sameYear = new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Paris' }).format(now) === parts.year;
  const year = sameYear ? '' : ` ${parts.year}`;
  if (language === 'fr') {
    const day = parts.day === '1' ? '1er' : parts.day;
    const hour = String(Number(parts.hour));
    const time = parts.minute === '00' ? `${hour} h` : `${hour} h ${parts.minute}`;
    return `${parts.weekday} ${day} ${parts.month}${year} à ${time}`;
  }
  return `${parts.weekday} ${parts.day} ${parts.month}${year} at ${parts.hour}:${parts.minute}`;
}
