/**
 * Checking MediasFlow's answer to the prepare against Dropdesk's own figures
 * (pure). Any difference holds the job: MediasFlow must count and bill what
 * the composer showed, or the user decides with both columns side by side.
 */
import type { RestFigureMismatch, RestFigureName, RestFigures } from './rest-job-types';

export const restFigureOrder: readonly RestFigureName[] = ['recipients', 'invalid', 'duplicates', 'blacklisted', 'renderingErrors', 'credits', 'sender', 'message'];

/** Credits are decimals in the API ("creditCount": 1.0): compared to the cent. */
function sameCredits(a: number, b: number): boolean {
  return Math.round(a * 100) === Math.round(b * 100);
}

export function compareRestFigures(expected: RestFigures, answered: RestFigures): RestFigureMismatch[] {
  const mismatches: RestFigureMismatch[] = [];
  for (const figure of restFigureOrder) {
    const want = expected[figure];
    const got = answered[figure];
    let same: boolean;
    if (figure === 'credits') same = sameCredits(want as number, got as number);
    // No sender asked: MediasFlow puts its numeric short code (36xxx / 38xxx) — that is what "none" means.
    else if (figure === 'sender' && want === null) same = got === null || /^3[68]\d{3}$/.test(String(got));
    else same = want === got;
    if (!same) mismatches.push({ figure, expected: want, answered: got });
  }
  return mismatches;
}

/** One short line for logs and the reason's detail: "destinataires 12 ≠ 11, crédits 12 ≠ 13". */
export function describeMismatches(mismatches: readonly RestFigureMismatch[], labels: Record<RestFigureName, string>): string {
  return mismatches
    .map((m) => (m.figure === 'message' ? labels.message : `${labels[m.figure]} ${m.expected ?? '—'} ≠ ${m.answered ?? '—'}`))
    .join(', ');
}

export const frenchFigureLabels: Record<RestFigureName, string> = {
  recipients: 'destinataires',
  invalid: 'numéros invalides',
  duplicates: 'doublons',
  blacklisted: 'en liste noire',
  renderingErrors: 'erreurs de personnalisation',
  credits: 'crédits',
  sender: 'émetteur',
  message: 'le message renvoyé diffère',
};
