/**
 * IDDELIVERY: the token Dropdesk writes in every remote name so a drop can be
 * recognised on the server (the exactly-once scan looks for it before any
 * upload or retry). Letters and digits only, both providers accept them.
 * 'DD' + base-36 milliseconds (sortable by time) + 6 random base-36 characters.
 */
export const deliveryIdPattern = /^[A-Za-z0-9]{1,40}$/;

function defaultRandom(): number {
  const cryptoApi = (globalThis as { crypto?: { getRandomValues?: (array: Uint32Array) => Uint32Array } }).crypto;
  if (cryptoApi?.getRandomValues) return cryptoApi.getRandomValues(new Uint32Array(1))[0] / 0x1_0000_0000;
  return Math.random();
}

export function generateDeliveryId(now: Date, random: () => number = defaultRandom): string {
  let suffix = '';
  for (let i = 0; i < 6; i++) suffix += Math.floor(random() * 36).toString(36);
  return `DD${now.getTime().toString(36)}${suffix}`.toUpperCase();
}

export function isValidDeliveryId(value: string): boolean {
  return deliveryIdPattern.test(value);
}
