/**
 * The MediasFlow SMS REST client (undici). It never resends a request by
 * itself, with two exceptions that are answers proving the request was not
 * executed: a 401 (the token expired: log in again once, then replay once)
 * and a 429 (wait Retry-After, at most `maxRateLimitWaits` times). Anything
 * else without a complete answer is a RestError 'no-answer' and the caller
 * decides. HTTPS only, except http://127.0.0.1 and http://localhost (tests,
 * demo). Certificates are always checked, against the system's roots (plus
 * `ca` when given: a test's own certificate authority).
 *
 * Proxy: `proxyUrl` (the CLI and browser mode: HTTPS_PROXY/NO_PROXY), or, in
 * the app, `resolveProxy` (Electron's session.resolveProxy, asked once per
 * client for the base URL): its first usable HTTP/HTTPS proxy is used through
 * a CONNECT tunnel (TLS still end to end with MediasFlow, its certificate
 * checked as without a proxy), DIRECT otherwise (shared/network/proxy-answer.ts).
 */
import * as tls from 'node:tls';
import { Agent, ProxyAgent, request, type Dispatcher } from 'undici';
import { firstUsableProxy } from '@shared/network/proxy-answer';
import { RestError } from './rest-error';

export interface RestEndpoint {
  /** e.g. https://app.mediasflow.com/MediasflowApi/v1 */
  baseUrl: string;
  login: string;
  password: string;
  /** The guide names no login call: path and field names are settings. */
  loginPath?: string;
  loginField?: string;
  passwordField?: string;
  /** The app: the system proxy (Electron's session.resolveProxy), attached by the connection service; absent in the CLI and browser mode. */
  systemProxy?: (url: string) => Promise<string>;
}

export interface RestClientOptions {
  /** Longest wait for an answer (headers, then between two body chunks). */
  timeoutMs?: number;
  /** Extra trusted certificate authority (PEM), besides the system's. */
  ca?: string;
  /** CLI: HTTPS_PROXY / NO_PROXY. */
  proxyUrl?: string | null;
  /** The app: the system proxy for a URL, in PAC syntax ('DIRECT', 'PROXY host:port; DIRECT'…); used when no proxyUrl is given. */
  resolveProxy?: (url: string) => Promise<string>;
  maxRateLimitWaits?: number;
  /** Longest Retry-After honoured in the client (longer → 'rate-limited', the queue backs off). */
  maxRetryAfterMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface RestAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export const defaultRestLogin = { loginPath: '/login', loginField: 'login', passwordField: 'password' } as const;

/** Refuses anything but https, except loopback http. */
export function checkBaseUrl(baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new RestError('config', `Adresse de l'API invalide : « ${baseUrl} ».`);
  }
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  if (url.protocol === 'https:' || (url.protocol === 'http:' && loopback)) return url;
  throw new RestError('config', "L'API MediasFlow ne s'utilise qu'en HTTPS (http n'est accepté que vers 127.0.0.1 ou localhost).");
}

/** HTTPS_PROXY unless NO_PROXY names the host ('*', a host, or a .suffix). */
export function proxyFor(url: URL, env: NodeJS.ProcessEnv): string | null {
  const proxy = env.HTTPS_PROXY ?? env.https_proxy ?? null;
  if (!proxy || url.protocol !== 'https:') return null;
  const noProxy = (env.NO_PROXY ?? env.no_proxy ?? '').split(',').map((entry) => entry.trim().toLowerCase()).filter(Boolean);
  const host = url.hostname.toLowerCase();
  if (noProxy.some((entry) => entry === '*' || host === entry.replace(/^\./, '') || host.endsWith(entry.startsWith('.') ? entry : `.${entry}`))) return null;
  return proxy;
}

function retryAfterMs(value: string | string[] | undefined, now: number): number {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return 1_000;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(raw);
  return Number.isNaN(at) ? 1_000 : Math.max(0, at - now);
}

/**
 * The trusted roots: Node's own and, where this Node can read them (Electron's
 * Node 22), the operating system's — offices behind a TLS-inspecting proxy
 * install its authority there — plus a test's `extra`. Undefined = Node's defaults.
 */
export function trustedRoots(extra?: string): string[] | undefined {
  const read = (tls as unknown as { getCACertificates?: (type: 'default' | 'system') => string[] }).getCACertificates;
  if (!read) return extra ? [...tls.rootCertificates, extra] : undefined;
  let system: string[] = [];
  try {
    system = read('system');
  } catch {
    system = [];
  }
  return [...new Set([...read('default'), ...system, ...(extra ? [extra] : [])])];
}

export interface RestCall {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string>;
  json?: unknown;
  form?: FormData;
}

export function createRestClient(endpoint: RestEndpoint, options: RestClientOptions = {}) {
  const base = checkBaseUrl(endpoint.baseUrl);
  const basePath = base.pathname.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 30_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const connect = { ca: trustedRoots(options.ca), rejectUnauthorized: true } as const;
  // No retry interceptor: undici's plain Agent and ProxyAgent never resend a request by itself.
  const direct = () => new Agent({ connect, headersTimeout: timeoutMs, bodyTimeout: timeoutMs, connections: 4 });
  const viaProxy = (uri: string) => new ProxyAgent({ uri, requestTls: connect, proxyTls: connect, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  async function chooseDispatcher(): Promise<Dispatcher> {
    if (options.proxyUrl) return viaProxy(options.proxyUrl);
    // Loopback http (tests, demo) never goes through a proxy.
    if (!options.resolveProxy || base.protocol !== 'https:') return direct();
    let answer = 'DIRECT';
    try {
      answer = await options.resolveProxy(base.toString());
    } catch {
      // The system could not say: as a browser does, go direct.
    }
    const choice = firstUsableProxy(answer);
    return choice.kind === 'proxy' ? viaProxy(choice.uri) : direct();
  }
  let dispatcherChosen: Promise<Dispatcher> | null = null;
  const dispatcherOf = () => (dispatcherChosen ??= chooseDispatcher());
  let bearer: string | null = null;

  function urlOf(path: string, query?: Record<string, string>): URL {
    const url = new URL(base.toString());
    url.pathname = `${basePath}${path}`;
    for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, value);
    return url;
  }

  async function send(call: RestCall, withToken: boolean): Promise<RestAnswer> {
    const headers: Record<string, string> = { accept: 'application/json' };
    let body: string | Buffer | undefined;
    if (call.json !== undefined) {
      headers['content-type'] = 'application/json; charset=utf-8';
      body = JSON.stringify(call.json);
    } else if (call.form) {
      const encoded = new Response(call.form);
      headers['content-type'] = encoded.headers.get('content-type') ?? 'multipart/form-data';
      body = Buffer.from(await encoded.arrayBuffer());
    }
    if (withToken && bearer) headers.authorization = bearer;
    let response: Dispatcher.ResponseData<unknown>;
    const dispatcher = await dispatcherOf();
    try {
      response = await request(urlOf(call.path, call.query), { method: call.method, headers, body, dispatcher, maxRedirections: 0 } as Parameters<typeof request>[1]);
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      const message = error instanceof Error ? error.message : String(error);
      if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
        throw new RestError('not-sent', `MediasFlow injoignable (${code}) : la demande n'est pas partie.`, null, message);
      }
      if (/certificate|self[- ]signed|CERT|TLS/i.test(`${code} ${message}`)) {
        // Needs a person (a proxy's certificate to install, a wrong address): never retried blindly.
        throw new RestError('config', `Le certificat du serveur MediasFlow n'est pas reconnu (${code || message}) : rien n'a été envoyé. Si votre réseau inspecte le trafic HTTPS, son certificat doit être installé dans le système.`, null, message);
      }
      throw new RestError('no-answer', `Pas de réponse de MediasFlow (${code || message}).`, null, message);
    }
    let text: string;
    try {
      text = await response.body.text();
    } catch (error) {
      throw new RestError('no-answer', 'La réponse de MediasFlow a été coupée en cours de route.', response.statusCode, error instanceof Error ? error.message : String(error));
    }
    return { status: response.statusCode, headers: response.headers, text };
  }

  async function login(): Promise<void> {
    const fields = { ...defaultRestLogin, ...Object.fromEntries(Object.entries({ loginPath: endpoint.loginPath, loginField: endpoint.loginField, passwordField: endpoint.passwordField }).filter(([, v]) => v)) };
    const answer = await send({ method: 'POST', path: fields.loginPath, json: { [fields.loginField]: endpoint.login, [fields.passwordField]: endpoint.password } }, false);
    if (answer.status === 401 || answer.status === 403) {
      throw new RestError('refused', "MediasFlow refuse la connexion : vérifiez l'identifiant et le mot de passe, et que l'adresse IP de ce poste a bien été communiquée à MediasFlow (les adresses inconnues sont refusées).", answer.status, answer.text.slice(0, 200));
    }
    if (answer.status >= 500) throw new RestError('no-answer', `MediasFlow ne répond pas correctement (erreur ${answer.status}).`, answer.status);
    const header = answer.headers.authorization;
    const token = Array.isArray(header) ? header[0] : header;
    if (answer.status !== 200 || !token || !/^Bearer \S+/.test(token)) {
      throw new RestError('refused', `La connexion à MediasFlow n'a pas rendu de jeton (réponse ${answer.status}).`, answer.status);
    }
    bearer = token;
  }

  /** One API call with the bearer; see the header for what is replayed. */
  async function call(spec: RestCall): Promise<RestAnswer> {
    if (!bearer) await login();
    let relogged = false;
    let waits = 0;
    for (;;) {
      const answer = await send(spec, true);
      if (answer.status === 401 && !relogged) {
        relogged = true;
        await login();
        continue;
      }
      if (answer.status === 429) {
        const wait = retryAfterMs(answer.headers['retry-after'], Date.now());
        if (waits < (options.maxRateLimitWaits ?? 2) && wait <= (options.maxRetryAfterMs ?? 60_000)) {
          waits++;
          await sleep(wait);
          continue;
        }
        throw new RestError('rate-limited', 'MediasFlow limite le nombre de demandes : Dropdesk réessaiera plus tard.', 429);
      }
      if (answer.status === 401 || answer.status === 403) {
        throw new RestError('refused', "MediasFlow refuse l'accès : l'adresse IP de ce poste n'est peut-être pas autorisée, ou le compte n'a pas ce droit.", answer.status, answer.text.slice(0, 200));
      }
      if (answer.status >= 500) throw new RestError('no-answer', `MediasFlow a répondu par une erreur ${answer.status}.`, answer.status, answer.text.slice(0, 200));
      if (answer.status >= 400) throw new RestError('refused', `MediasFlow a refusé la demande (erreur ${answer.status}) : ${answer.text.slice(0, 200)}`, answer.status, answer.text.slice(0, 500));
      return answer;
    }
  }

  /** A call whose answer must be a JSON document (an HTML page or a cut body is 'no-answer'). */
  async function callJson<T>(spec: RestCall): Promise<T> {
    const answer = await call(spec);
    const type = String(answer.headers['content-type'] ?? '');
    try {
      if (!/json/i.test(type)) throw new Error(`content-type ${type || 'absent'}`);
      return JSON.parse(answer.text) as T;
    } catch (error) {
      throw new RestError('no-answer', 'La réponse de MediasFlow est illisible (page HTML ou réponse incomplète).', answer.status, error instanceof Error ? error.message : String(error));
    }
  }

  return {
    login,
    call,
    callJson,
    async close(): Promise<void> {
      if (dispatcherChosen) await (await dispatcherChosen).close().catch(() => undefined);
    },
  };
}

export type RestClient = ReturnType<typeof createRestClient>;
