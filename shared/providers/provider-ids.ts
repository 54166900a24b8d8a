/** The providers Dropdesk drops files for (same literals as the campaign draft's ProviderTarget). */
export const providerIds = ['mediasflow-sftp', 'allmysms-ftp', 'allmysms-sftp'] as const;
export type ProviderId = (typeof providerIds)[number];

export type TransferProtocol = 'sftp' | 'ftp';
export type Channel = 'sms' | 'vms';

export function isProviderId(value: unknown): value is ProviderId {
  return typeof value === 'string' && (providerIds as readonly string[]).includes(value);
}
