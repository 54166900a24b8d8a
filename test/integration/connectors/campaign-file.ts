/** A realistic MediasFlow-style campaign file of roughly `bytes` bytes, same content for the same seed. */
export function makeCampaignFile(bytes: number, seed = 1): Buffer {
  const lines = ['MOBILE;NOM;PRENOM;VILLE'];
  let size = lines[0].length + 1;
  for (let row = 0; size < bytes; row++) {
    const number = String(600000000 + ((row * 7919 + seed * 104729) % 99999999)).padStart(9, '0');
    const line = `33${number};Dupont${row};Élodie;Saint-Étienne`;
    lines.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

/** Recognises a MediasFlow drop on the server by its unique IDDELIVERY (second dash-separated field). */
export function recogniseByIdDelivery(idDelivery: string): (name: string) => boolean {
  return (name) => name.split('-')[1] === idDelivery && !name.endsWith('.tmp');
}

/** Recognises an AllMySMS drop by its name, also once prefixed by TreatedByMSI_[Reason_]. */
export function recogniseAllMySms(finalName: string): (name: string) => boolean {
  return (name) => name === finalName || (name.startsWith('TreatedByMSI_') && name.endsWith(`_${finalName}`));
}
