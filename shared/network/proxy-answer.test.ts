import { describe, expect, it } from 'vitest';
import { firstUsableProxy, parseProxyAnswer } from './proxy-answer';

describe('the system proxy answer (PAC syntax, Electron resolveProxy)', () => {
  it('reads DIRECT, PROXY and HTTPS entries in order', () => {
    expect(parseProxyAnswer('PROXY proxy.agence.fr:3128; HTTPS secure.agence.fr:8443; DIRECT')).toEqual([
      { kind: 'proxy', scheme: 'http', host: 'proxy.agence.fr', port: 3128 },
      { kind: 'proxy', scheme: 'https', host: 'secure.agence.fr', port: 8443 },
      { kind: 'direct' },
    ]);
    expect(parseProxyAnswer('DIRECT')).toEqual([{ kind: 'direct' }]);
    expect(parseProxyAnswer('proxy 10.0.0.1')).toEqual([{ kind: 'proxy', scheme: 'http', host: '10.0.0.1', port: 80 }]);
    expect(parseProxyAnswer('HTTPS [2001:db8::1]:443')).toEqual([{ kind: 'proxy', scheme: 'https', host: '[2001:db8::1]', port: 443 }]);
  });

  it('takes the first usable entry: a proxy, or DIRECT', () => {
    expect(firstUsableProxy('PROXY 127.0.0.1:8080; DIRECT')).toEqual({ kind: 'proxy', uri: 'http://127.0.0.1:8080' });
    expect(firstUsableProxy('HTTPS secure.agence.fr:8443')).toEqual({ kind: 'proxy', uri: 'https://secure.agence.fr:8443' });
    expect(firstUsableProxy('DIRECT; PROXY 127.0.0.1:8080')).toEqual({ kind: 'direct' });
  });

  it('skips SOCKS and unreadable entries; nothing usable or an empty answer is DIRECT', () => {
    expect(firstUsableProxy('SOCKS5 127.0.0.1:1080; PROXY 127.0.0.1:8080')).toEqual({ kind: 'proxy', uri: 'http://127.0.0.1:8080' });
    expect(firstUsableProxy('SOCKS 127.0.0.1:1080')).toEqual({ kind: 'direct' });
    expect(firstUsableProxy('PROXY host:99999; PROXY a b')).toEqual({ kind: 'direct' });
    expect(firstUsableProxy('')).toEqual({ kind: 'direct' });
    expect(parseProxyAnswer('QUIC proxy:443')).toEqual([{ kind: 'unsupported', text: 'QUIC proxy:443' }]);
  });
});
