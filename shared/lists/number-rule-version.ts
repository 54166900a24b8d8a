/**
 * The version of the number rule, the key under which saved check results
 * are reused (src-main/lists/list-cache.ts): a list reopened after a
 * libphonenumber-js update, a metadata change or a change of Dropdesk's own
 * rule is checked again once, never shown with stale verdicts.
 */
import libphonenumberPackage from 'libphonenumber-js/package.json';
import metadata from 'libphonenumber-js/metadata.max.json';

/** Bump whenever validate-number.ts, the fast path, the duplicate rule or the check arrays change meaning. */
const numberRuleRevision = 1;

let version: string | undefined;

export function numberRuleVersion(): string {
  version ??= `${numberRuleRevision}|libphonenumber-js@${(libphonenumberPackage as { version: string }).version}|${fnv1a(JSON.stringify(metadata))}`;
  return version;
}

/** 32-bit FNV-1a of a string's UTF-16 code units, as 8 hex digits. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
