import { readFileSync } from 'node:fs';
import { decodeWindows1252, windows1252Upper } from '../shared/lists/windows-1252';
const bytes = new Uint8Array(readFileSync('.bench-data/list-1000000-v3-windows-1252.csv'));
const chunk = 512 * 1024;
const latin1 = new TextDecoder('windows-1252');
function viaReplace(b: Uint8Array): string {
  let present = 0;
  for (let i = 0; i < b.length; i++) { const x = b[i] - 0x80; if (x >= 0 && x < 32) present |= 1 << x; }
  let text = latin1.decode(b);
  if (present === 0) return text;
  for (let x = 0; x < 32; x++) if (present & (1 << x)) { const from = String.fromCharCode(0x80 + x); const to = windows1252Upper[x]; if (from !== to) text = text.replaceAll(from, to); }
  return text;
}
for (let k = 0; k < 4; k++) {
  for (const [name, f] of [['current', decodeWindows1252], ['replaceAll', viaReplace]] as const) {
    const t = performance.now(); let n = 0;
    for (let s = 0; s < bytes.length; s += chunk) n += f(bytes.subarray(s, Math.min(bytes.length, s + chunk))).length;
    console.log(name, Math.round(performance.now() - t), n);
  }
}
let same = true;
for (let s = 0; s < bytes.length; s += chunk) { const b = bytes.subarray(s, Math.min(bytes.length, s + chunk)); if (decodeWindows1252(b) !== viaReplace(b)) same = false; }
const all = new Uint8Array(256).map((_, i) => i);
console.log('same on file', same, 'same on all bytes', decodeWindows1252(all) === viaReplace(all));
const codeUnit = new Uint16Array(256);
for (let b = 0; b < 256; b++) codeUnit[b] = b >= 0x80 && b <= 0x9f ? windows1252Upper[b - 0x80].charCodeAt(0) : b;
const pairTable = new Uint32Array(65536);
for (let p = 0; p < 65536; p++) pairTable[p] = codeUnit[p & 0xff] | (codeUnit[p >> 8] << 16);
const utf16 = new TextDecoder('utf-16le');
function viaPairs(b: Uint8Array): string {
  let upper = -1;
  for (let i = 0; i < b.length; i++) { const x = b[i]; if (x >= 0x80 && x <= 0x9f) { upper = i; break; } }
  if (upper < 0) return latin1.decode(b);
  const units = new Uint16Array(b.length + 1);
  const even = b.length & ~1;
  if ((b.byteOffset & 1) === 0) {
    const pairs = new Uint16Array(b.buffer, b.byteOffset, even >> 1);
    const out = new Uint32Array(units.buffer, 0, even >> 1);
    for (let i = 0; i < pairs.length; i++) out[i] = pairTable[pairs[i]];
  } else {
    for (let i = 0; i < even; i++) units[i] = codeUnit[b[i]];
  }
  if (even < b.length) units[even] = codeUnit[b[even]];
  return utf16.decode(units.subarray(0, b.length));
}
for (let k = 0; k < 3; k++) {
  for (const [name, f] of [['current', decodeWindows1252], ['pairs', viaPairs]] as const) {
    const t = performance.now(); let n = 0;
    for (let s = 0; s < bytes.length; s += chunk) n += f(bytes.subarray(s, Math.min(bytes.length, s + chunk))).length;
    console.log(name, Math.round(performance.now() - t), n);
  }
}
let same2 = true;
for (let s = 0; s < bytes.length; s += chunk) { const b = bytes.subarray(s, Math.min(bytes.length, s + chunk)); if (decodeWindows1252(b) !== viaPairs(b)) same2 = false; }
console.log('pairs same', same2, decodeWindows1252(all) === viaPairs(all), decodeWindows1252(all.subarray(1)) === viaPairs(all.subarray(1)));
