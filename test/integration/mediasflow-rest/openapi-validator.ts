/**
 * Strict validation of the requests Dropdesk makes against the OpenAPI
 * document written from MediasFlow's guide (shared/providers/mediasflow-rest/
 * openapi.json): unknown fields, formats and enums are refused. The fake
 * MediasFlow runs every request it receives through this.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormatsModule from 'ajv-formats';

const documentPath = fileURLToPath(new URL('../../../shared/providers/mediasflow-rest/openapi.json', import.meta.url));

interface Operation {
  operationId: string;
  parameters?: { name: string; in: 'query' | 'path'; required?: boolean; schema: object }[];
  requestBody?: { content: Record<string, { schema: object }> };
}

export interface ValidationResult {
  ok: boolean;
  errors: string[];
}

export function loadOpenApi() {
  const document = JSON.parse(readFileSync(documentPath, 'utf8'));
  // OpenAPI 3.0 schemas are JSON Schema with `format: binary`/`int64` extensions: known formats + these two.
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
  (addFormats as unknown as (ajv: Ajv2019) => void)(ajv);
  ajv.addFormat('int64', { type: 'number', validate: (value: number) => Number.isSafeInteger(value) });
  ajv.addFormat('binary', true);
  ajv.addSchema({ $id: 'mf', components: document.components });
  const rewrite = (schema: unknown): unknown => JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"mf#/components/'));

  const operations = new Map<string, { method: string; path: string; operation: Operation }>();
  for (const [path, methods] of Object.entries(document.paths as Record<string, Record<string, Operation>>)) {
    for (const [method, operation] of Object.entries(methods)) operations.set(operation.operationId, { method: method.toUpperCase(), path, operation });
  }

  function find(method: string, pathname: string, basePath: string) {
    const relative = pathname.startsWith(basePath) ? pathname.slice(basePath.length) || '/' : pathname;
    for (const entry of operations.values()) {
      if (entry.method !== method) continue;
      const pattern = new RegExp(`^${entry.path.replace(/\{[^}]+\}/g, '([^/]+)')}$`);
      const match = pattern.exec(relative);
      if (match) {
        const names = [...entry.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
        return { ...entry, pathParams: Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1])])) };
      }
    }
    return null;
  }

  const compiled = new Map<string, ReturnType<Ajv2019['compile']>>();
  function validate(schema: object, value: unknown): string[] {
    const key = JSON.stringify(schema);
    let check = compiled.get(key);
    if (!check) {
      check = ajv.compile(rewrite(schema) as object);
      compiled.set(key, check);
    }
    return check(value) ? [] : (check.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message}`);
  }

  /** Validates one request: the operation exists, its path/query parameters and its body match (unknown query parameters refused). */
  function validateRequest(request: { method: string; url: URL; basePath: string; contentType: string | null; body: unknown }): ValidationResult & { operationId?: string } {
    const found = find(request.method, request.url.pathname, request.basePath);
    if (!found) return { ok: false, errors: [`no operation for ${request.method} ${request.url.pathname}`] };
    const errors: string[] = [];
    const parameters = found.operation.parameters ?? [];
    for (const parameter of parameters) {
      const raw = parameter.in === 'path' ? found.pathParams[parameter.name] : request.url.searchParams.get(parameter.name);
      if (raw === null || raw === undefined) {
        if (parameter.required) errors.push(`missing ${parameter.in} parameter ${parameter.name}`);
        continue;
      }
      const value = (parameter.schema as { type?: string }).type === 'integer' ? Number(raw) : raw;
      errors.push(...validate(parameter.schema, value).map((e) => `${parameter.name}: ${e}`));
    }
    for (const name of request.url.searchParams.keys()) {
      if (!parameters.some((p) => p.in === 'query' && p.name === name)) errors.push(`unknown query parameter ${name}`);
    }
    const content = found.operation.requestBody?.content;
    if (content) {
      const type = (request.contentType ?? '').split(';')[0].trim();
      const media = content[type];
      if (!media) errors.push(`content type ${type || '(none)'} not accepted`);
      else errors.push(...validate(media.schema, request.body));
    } else if (request.body !== undefined && request.body !== null && request.body !== '') {
      errors.push('no body expected');
    }
    return { ok: errors.length === 0, errors, operationId: found.operation.operationId };
  }

  return { document, validateRequest, validateSchema: (name: string, value: unknown) => validate({ $ref: `#/components/schemas/${name}` }, value) };
}
