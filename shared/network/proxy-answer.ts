/**
 * The system proxy's answer for one address, as Chromium gives it
 * (Electron's session.resolveProxy, PAC syntax): "DIRECT", "PROXY host:port",
 * "HTTPS host:port", "SOCKS5 host:port"…, several separated by ';', to be
 * tried in order. Pure: the REST client takes the first usable entry — an
 * HTTP or HTTPS proxy (a CONNECT tunnel: TLS stays end to end to MediasFlow),
 * or DIRECT. SOCKS entries are skipped (undici has no SOCKS agent here); an
 * answer with nothing usable, or empty, is DIRECT.
 */

export type ProxyEntry =
  | { kind: 'direct' }
  | { kind: 'proxy'; scheme: 'http' | 'https'; host: string; port: number }
  | { kind: 'unsupported'; text: string };

export type ProxyChoice = { kind: 'direct' } | { kind: 'proxy'; uri: string };

const defaultPorts = { http: 80, https: 443 } as const;

function parseHostPort(text: string, scheme: 'http' | 'https'): { host: string; port: number } | null {
  // [v6]:port, host:port, or host alone (the scheme's port).
  const match = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?$/.exec(text);
  if (!match) return null;
  const port = match[2] === undefined ? defaultPorts[scheme] : Number(match[2]);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) return null;
  return { host: match[1], port };
}

/** Every entry of the answer, in order. */
export function parseProxyAnswer(answer: string): ProxyEntry[] {
  return answer
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part): ProxyEntry => {
      const [keyword, ...rest] = part.split(/\s+/);
      const upper = keyword.toUpperCase();
      if (upper === 'DIRECT' && rest.length === 0) return { kind: 'direct' };
      if ((upper === 'PROXY' || upper === 'HTTP' || upper === 'HTTPS') && rest.length === 1) {
        const scheme = upper === 'HTTPS' ? 'https' : 'http';
        const address = parseHostPort(rest[0], scheme);
        if (address) return { kind: 'proxy', scheme, ...address };
      }
      return { kind: 'unsupported', text: part };
    });
}

/** What the client uses: the first HTTP/HTTPS proxy or DIRECT of the answer, else DIRECT. */
export function firstUsableProxy(answer: string): ProxyChoice {
  for (const entry of parseProxyAnswer(answer)) {
    if (entry.kind === 'direct') return { kind: 'direct' };
    if (entry.kind === 'proxy') return { kind: 'proxy', uri: `${entry.scheme}://${entry.host}:${entry.port}` };
  }
  return { kind: 'direct' };
}
