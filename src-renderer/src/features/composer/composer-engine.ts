/**
 * The composer screen's view of the shared engine (shared/composer): adapts
 * the draft's provider target to the engine's provider and names what the
 * screen uses. Nothing is computed here beyond adapting shapes.
 */
import type { CampaignDraft, ProviderTarget } from '@shared/campaigns/campaign-draft';
import { applyAllGsm7Replacements, applyGsm7ReplacementAt, gsm7ReplacementFor } from '@shared/composer/gsm7-replacements';
import { smsProviderOf, type SmsProvider } from '@shared/composer/sms-providers';
import { appendStopMention, checkStopMention, stopMentionFor, type CompositionIssue, type StopOptions } from '@shared/composer/stop-mention';
import { validateSender, type SenderError } from '@shared/composer/sender-rules';

export { outsideGsm7Characters } from '@shared/composer/character-classes';
export { compileTemplate, fieldPlaceholder, findPlaceholders } from '@shared/composer/template';

export function providerOf(target: ProviderTarget): SmsProvider {
  return smsProviderOf(target) ?? 'mediasflow';
}

/** The GSM-7 replacement of one character, or null when there is none (emoji, other scripts). */
export function replacementFor(character: string): string | null {
  return gsm7ReplacementFor(character)?.replacement ?? null;
}

/** Replaces the one character at `start` (a click on a highlighted character). */
export function replaceCharacterAt(text: string, start: number): string {
  return applyGsm7ReplacementAt(text, start);
}

/** "Tout remplacer". */
export function replaceAllOutsideGsm7(text: string): string {
  return applyAllGsm7Replacements(text).text;
}

export function senderErrors(draft: Pick<CampaignDraft, 'provider' | 'sender'>): SenderError[] {
  return validateSender(providerOf(draft.provider), draft.sender).errors;
}

/**
 * STOP-related warnings for the template, as the engine words them (codes +
 * params). `stop` carries the account's mention (the connection's "Mention STOP").
 */
export function stopIssues(draft: Pick<CampaignDraft, 'provider' | 'sender' | 'type' | 'message'>, stop: StopOptions = {}): CompositionIssue[] {
  return checkStopMention(draft.message, { provider: providerOf(draft.provider), kind: draft.type, sender: draft.sender, ...stop });
}

export function withStopMention(draft: Pick<CampaignDraft, 'provider' | 'message'>, stop: StopOptions = {}): string {
  return appendStopMention(providerOf(draft.provider), draft.message, stop);
}

export function stopMentionText(target: ProviderTarget, stop: StopOptions = {}): string | null {
  return stopMentionFor(providerOf(target), stop);
}
