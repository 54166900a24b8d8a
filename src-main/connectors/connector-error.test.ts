import { describe, expect, it } from 'vitest';
import fr from '@shared/i18n/fr/connections.json';
import en from '@shared/i18n/en/connections.json';
import { ConnectorError, connectorErrorKinds, connectorMessageKeys, isTransientKind } from './connector-error';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

describe('ConnectorError', () => {
  it('only network and server-full are transient', () => {
    expect(connectorErrorKinds.filter(isTransientKind)).toEqual(['network', 'server-full']);
  });

  it('every kind has a French and an English message', () => {
    for (const kind of connectorErrorKinds) {
      expect(fr.errors[connectorMessageKeys[kind]]).toBeTruthy();
      expect(en.errors[connectorMessageKeys[kind]]).toBeTruthy();
    }
    expect(keysOf(en).sort()).toEqual(keysOf(fr).sort());
  });

  it('renders the French message with its parameters and carries the catalogue key', () => {
    const error = new ConnectorError('host-key-mismatch', { host: 'sftp.mediasflow.test', port: 22, fingerprint: 'SHA256:new', pinned: 'SHA256:old' });
    expect(error.message).toContain('SHA256:new au lieu de SHA256:old');
    expect(error.message).toContain("le mot de passe n'a pas été envoyé");
    expect(error.messageEn).toContain('the password was not sent');
    expect(error.messageKey).toBe('errors.hostKeyMismatch');
    expect(error.toJSON()).toMatchObject({ kind: 'host-key-mismatch', transient: false, messageKey: 'errors.hostKeyMismatch' });
    expect(error.message).not.toMatch(/\{\{/);
  });
});
