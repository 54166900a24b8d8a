/**
 * What a provider answered about a dropped file, whatever the provider:
 * accepted (with the provider's campaign number when it gives one) or
 * rejected (a code, the plain-French problem and what to do).
 */
export type AckResult =
  | { kind: 'accepted'; campaignId: string | null }
  | {
      kind: 'rejected';
      /** MediasFlow '01'…'09' (or the raw text's code), AllMySMS reason ('Not_enough_credits'…). */
      code: string;
      /** Plain French: what happened. */
      message: string;
      /** Plain French: what to do. */
      action: string;
      /** Raw text from the provider when it was not one we know, kept verbatim. */
      detail?: string;
    };

/** Replaces `{{name}}` placeholders (i18next syntax) for the French fallback texts. */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => (name in values ? String(values[name]) : ''));
}
