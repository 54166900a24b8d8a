/**
 * A count with its noun in French, for main's plain-French messages, logs and
 * the CLI's lines (the app words the same facts from the catalogues): French
 * takes the singular for 0 and 1 ("0 destinataire", "1 destinataire",
 * "2 destinataires"), as Intl.PluralRules says, never "destinataire(s)".
 */
const rules = new Intl.PluralRules('fr-FR');

export function frenchCount(count: number, one: string, other: string): string {
  return `${count} ${rules.select(count) === 'one' ? one : other}`;
}

/** Only the word ("a été envoyée" / "ont été envoyées"), when the number is said elsewhere. */
export function frenchForm(count: number, one: string, other: string): string {
  return rules.select(count) === 'one' ? one : other;
}
