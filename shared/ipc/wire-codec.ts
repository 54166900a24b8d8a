/**
 * How requests, results and events travel as text in browser mode (HTTP and
 * server-sent events): JSON, with the one non-JSON value the contract carries,
 * `Uint8Array` (a dropped file, a chart PNG), tagged as base64. Electron's IPC
 * clones these values itself; this keeps the browser transport equivalent.
 */

const bytesTag = '$dropdeskBytes';

const base64Chunk = 3 * 16_384;

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let offset = 0; offset < bytes.length; offset += base64Chunk) {
    const chunk = bytes.subarray(offset, offset + base64Chunk);
    parts.push(btoa(String.fromCharCode(...chunk)));
  }
  return parts.join('');
}

export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

export function encodeWire(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item instanceof Uint8Array ? { [bytesTag]: bytesToBase64(item) } : item,
  );
}

export function decodeWire(text: string): unknown {
  return JSON.parse(text, (_key, item: unknown) => {
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      const tagged = (item as Record<string, unknown>)[bytesTag];
      if (typeof tagged === 'string' && Object.keys(item).length === 1) return base64ToBytes(tagged);
    }
    return item;
  });
}
