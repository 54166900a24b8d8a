/**
 * The STOP (unsubscribe) mention: detect it, add it in one click, and the
 * warnings the composer shows about it for each provider and campaign kind.
 */
import { countSms } from './sms-count';
import {
  ISENDPRO_APPENDED_STOP_LENGTH,
  ISENDPRO_APPENDED_STOP_PLACEHOLDER,
  ISENDPRO_MAX_SMSLONG,
  defaultStopMention,
  type CampaignKind,
  type SmsProvider,
} from './sms-providers';

export interface StopOptions {
  /**
   * The account's mention (the connection's "Mention STOP", e.g. "STOP au
   * 36184"), replacing the provider's default; absent, null or '' = the default.
   */
  stopMention?: string | null;
}

/**
 * What a connection's "Mention STOP" may be: "STOP", then words (letters, ':'),
 * then the 5-digit short number, e.g. "STOP 36184", "STOP au 36184",
 * "STOP SMS au 36111". The form, main's zod schema and the CLI check it here.
 */
export const stopMentionPattern = /^STOP(?:[ :]+[A-Za-z]+)*[ :]+\d{5}$/;
export const STOP_MENTION_MAX_LENGTH = 40;

export function isValidStopMention(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length <= STOP_MENTION_MAX_LENGTH && stopMentionPattern.test(trimmed);
}

/** The account's mention when one is set, else the provider's (spec) default. */
function accountMention(provider: SmsProvider, options: StopOptions): string | null {
  return options.stopMention?.trim() || defaultStopMention[provider];
}

/** The mention the one-click button adds, or null when the provider adds it itself (iSendPro). */
export function stopMentionFor(provider: SmsProvider, options: StopOptions = {}): string | null {
  if (provider === 'isendpro') return null;
  return accountMention(provider, options);
}

/**
 * The strict rule (AllMySMS API §4.2), the only one in Dropdesk: the message
 * ends with exactly the mention (this case, nothing after it), preceded by a
 * space or a line break. The mention is the spec's "STOP au 36180" unless the
 * account's connection says otherwise. The composer's warning, its one-click
 * fix and the drop check all call it.
 */
export function endsWithStopMention(message: string, mention: string): boolean {
  if (!message.endsWith(mention)) return false;
  const before = message.length - mention.length - 1;
  return before < 0 || message[before] === ' ' || message[before] === '\n';
}

/** AllMySMS's ending with the account's mention (default "STOP au 36180"). */
export function endsWithAllMySmsStop(message: string, options: StopOptions = {}): boolean {
  return endsWithStopMention(message, accountMention('allmysms', options) as string);
}

/**
 * A near miss of the mention at the end ("stop au 36180", extra spaces,
 * trailing blanks) that the one-click fix rewrites: the mention's words in
 * any case, separated by any blanks.
 */
function nearMissOf(mention: string): RegExp {
  const words = mention.split(/\s+/).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(^|[ \\n])${words.join('\\s+')}\\s*$`, 'i');
}

/** "STOP" followed by a 5-digit short number ("STOP 36184", "STOP au 36180", "STOP SMS au 36111"). */
const anyStopMention = /\bSTOP\s+(?:SMS\s+)?(?:au\s+)?\d{5}\b/;

export function hasStopMention(provider: SmsProvider, message: string, options: StopOptions = {}): boolean {
  if (provider === 'allmysms') return endsWithAllMySmsStop(message, options);
  if (provider === 'isendpro') return true;
  const custom = options.stopMention?.trim();
  return custom ? message.includes(custom) : anyStopMention.test(message);
}

/**
 * Adds the account's mention at the end, after a space (not a line break:
 * AllMySMS counts '\n' twice). Unchanged when it is already there or when the
 * provider adds it itself; an AllMySMS ending that only misses the exact case
 * or has trailing blanks ("stop au 36180 ") is rewritten to the exact mention.
 */
export function appendStopMention(provider: SmsProvider, message: string, options: StopOptions = {}): string {
  const mention = stopMentionFor(provider, options);
  if (mention === null || hasStopMention(provider, message, options)) return message;
  const nearMiss = nearMissOf(mention);
  if (provider === 'allmysms' && nearMiss.test(message)) {
    // Rewrite the near miss in place rather than adding a second mention.
    return message.replace(nearMiss, (_whole, separator: string) => `${separator}${mention}`);
  }
  const body = message.replace(/[ \t]+$/, '');
  if (body === '') return mention;
  return body.endsWith('\n') ? body + mention : `${body} ${mention}`;
}

export type CompositionIssueCode =
  /** Marketing message without the STOP mention. */
  | 'stop-mention-missing'
  /** AllMySMS, custom sender, France: the sender is ignored unless the message ends with "STOP au 36180". */
  | 'allmysms-stop-required-for-sender'
  /** iSendPro appends "STOP SMS au XXXXX" (19 characters): 141 left in the first SMS. */
  | 'isendpro-stop-appended'
  /** iSendPro reads Ö as a line break (Mail2SMS § III): a real Ö would arrive as a new line. */
  | 'isendpro-real-o-umlaut'
  /** iSendPro's smslong is one digit: more than 9 SMS cannot be announced. */
  | 'isendpro-over-9-segments';

export interface CompositionIssue {
  code: CompositionIssueCode;
  severity: 'warning' | 'info';
  params: { mention?: string; reserved?: number; segments?: number; max?: number };
}

export interface CompositionContext extends StopOptions {
  provider: SmsProvider;
  kind: CampaignKind;
  /** The custom sender, '' for the account's default. */
  sender: string;
  /** iSendPro: the account may drop the mention (non-commercial use, granted on request: <nostop>1</nostop>). */
  isendproNoStop?: boolean;
}

/** Whether the provider will append text to every message (only iSendPro, with a custom sender). */
export function providerAppendsStop(context: CompositionContext): boolean {
  return context.provider === 'isendpro' && context.sender !== '' && !context.isendproNoStop;
}

/** STOP-related issues for a message template (the mention is static text, so the template is enough). */
export function checkStopMention(message: string, context: CompositionContext): CompositionIssue[] {
  const issues: CompositionIssue[] = [];
  const mention = stopMentionFor(context.provider, context);
  if (context.provider === 'allmysms' && context.sender !== '' && !endsWithAllMySmsStop(message, context)) {
    issues.push({ code: 'allmysms-stop-required-for-sender', severity: 'warning', params: { mention: mention ?? undefined } });
  } else if (context.kind === 'marketing' && mention !== null && !hasStopMention(context.provider, message, context)) {
    issues.push({ code: 'stop-mention-missing', severity: 'warning', params: { mention } });
  }
  if (providerAppendsStop(context)) issues.push({ code: 'isendpro-stop-appended', severity: 'info', params: { reserved: ISENDPRO_APPENDED_STOP_LENGTH } });
  if (context.provider === 'isendpro') issues.push(...checkIsendproMessage(message, context));
  return issues;
}

/** What iSendPro will bill for a message: the appended STOP mention included. */
export function isendproSegments(message: string, context: Pick<CompositionContext, 'sender' | 'isendproNoStop'>): number {
  const appended = context.sender !== '' && !context.isendproNoStop;
  return countSms(appended ? message + ISENDPRO_APPENDED_STOP_PLACEHOLDER : message).segments;
}

/** iSendPro-only warnings: a real Ö (read as a line break) and more than 9 SMS (smslong is one digit). */
export function checkIsendproMessage(message: string, context: Pick<CompositionContext, 'sender' | 'isendproNoStop'>): CompositionIssue[] {
  const issues: CompositionIssue[] = [];
  if (message.includes('Ö')) issues.push({ code: 'isendpro-real-o-umlaut', severity: 'warning', params: {} });
  const segments = isendproSegments(message, context);
  if (segments > ISENDPRO_MAX_SMSLONG) issues.push({ code: 'isendpro-over-9-segments', severity: 'warning', params: { segments, max: ISENDPRO_MAX_SMSLONG } });
  return issues;
}
