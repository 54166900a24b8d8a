/**
 * The table of issue 10, filled from the figures the benches of one
 * `npm run bench` returned, each beside the plain parse (or OpenSSH) of the
 * same run. Rows whose bench did not run (`npm run bench -- lists`) say so.
 */
type Figures = Record<string, unknown>;

interface ServiceFigures {
  totalMs: number;
  longestStallMs: number;
}

interface SftpRow {
  dropdeskTransferMs: number;
  sftpPutTransferMs: number;
}

const times = (value: number) => `${value.toFixed(2)}×`;
const verdict = (ok: boolean) => (ok ? 'OK' : 'OVER');

export function issueTable(byBench: Record<string, Figures>): string {
  const lists = byBench['lists.bench.ts'];
  const count = byBench['count.bench.ts'];
  const validation = byBench['validation.bench.ts'] as Record<string, { rule: number }> | undefined;
  const uploads = byBench['uploads.bench.ts'];
  const rows: string[][] = [];
  const missing = (work: string, target: string, bench: string) => rows.push([work, `(${bench} not run)`, target, '']);

  if (lists) {
    const parse = lists.plainParseMs as number;
    const check = lists.listCheckMs as number;
    rows.push(['`list check`, whole process', `${check} ms = ${times(check / parse)} plain parse (${parse} ms)`, '≤ 1.3×', verdict(check / parse <= 1.3)]);
  } else missing('`list check`, whole process', '≤ 1.3×', 'lists');
  if (count) {
    const ratio = count.ratioToPapaparse as number;
    rows.push(['`count --list`, four-field template', `${count.checkRenderCountMs} ms = ${times(ratio)} plain parse (${count.papaparseMs} ms)`, '≤ 1.6×', verdict(ratio <= 1.6)]);
  } else missing('`count --list`, four-field template', '≤ 1.6×', 'count');
  if (lists) {
    const parse = lists.plainParseMs as number;
    const imported = lists.serviceImport_worker as ServiceFigures;
    const reopened = lists.serviceReopen_worker as ServiceFigures;
    rows.push([
      'import in the app, until summary + first page',
      `${imported.totalMs} ms = ${times(imported.totalMs / parse)} plain parse, longest stall ${imported.longestStallMs} ms`,
      '≤ 1.5×, stall ≤ 100 ms',
      verdict(imported.totalMs / parse <= 1.5 && imported.longestStallMs <= 100),
    ]);
    rows.push([
      'reopen a saved list until the first page',
      `${reopened.totalMs} ms = ${times(reopened.totalMs / parse)} plain parse, longest stall ${reopened.longestStallMs} ms`,
      '≤ 0.5×, stall ≤ 100 ms',
      verdict(reopened.totalMs / parse <= 0.5 && reopened.longestStallMs <= 100),
    ]);
    const peak = lists.listCheckPeakMb as number;
    rows.push(['peak memory of `list check`', `${peak} MB (plain parse ${lists.plainParsePeakMb} MB)`, '≤ 450 MB', verdict(peak <= 450)]);
  } else {
    missing('import in the app', '≤ 1.5×, stall ≤ 100 ms', 'lists');
    missing('reopen a saved list', '≤ 0.5×, stall ≤ 100 ms', 'lists');
    missing('peak memory of `list check`', '≤ 450 MB', 'lists');
  }
  if (validation) {
    // Every overseas form of validation.bench.ts: national (plain, spaces, dots, dashes, dropped 0), +CC, 00CC, CC without +.
    const overseas = Object.entries(validation).filter(([form]) => /^0(6[ .-]?9|639)|^(69|639)\d|^\+(262|590|594|596|508)|^00262|^262/.test(form));
    const worst = overseas.reduce((max, [, value]) => Math.max(max, value.rule), 0);
    const worstForm = overseas.find(([, value]) => value.rule === worst)?.[0] ?? '';
    const plus33 = validation['+33 6 12 34 56 78']?.rule ?? NaN;
    rows.push([
      'validation per value, overseas / "+33 6 …"',
      `${worst} µs (worst of ${overseas.length} overseas forms: ${worstForm}) / ${plus33} µs`,
      '≤ 1 µs',
      verdict(worst <= 1 && plus33 <= 1),
    ]);
  } else missing('validation per value', '≤ 1 µs', 'validation');
  const sftp = uploads?.sftp as { loopback: SftpRow; relay30ms: SftpRow } | undefined;
  if (sftp) {
    const ratio = (row: SftpRow) => row.dropdeskTransferMs / row.sftpPutTransferMs;
    const [loopback, relay] = [ratio(sftp.loopback), ratio(sftp.relay30ms)];
    rows.push([
      'SFTP upload vs `sftp put`, loopback / 30 ms',
      `${times(loopback)} (${Math.round(sftp.loopback.dropdeskTransferMs)} vs ${Math.round(sftp.loopback.sftpPutTransferMs)} ms) / ${times(relay)} (${Math.round(sftp.relay30ms.dropdeskTransferMs)} vs ${Math.round(sftp.relay30ms.sftpPutTransferMs)} ms)`,
      '≤ 1.25× / ≤ 1.25×',
      verdict(loopback <= 1.25 && relay <= 1.25),
    ]);
  } else missing('SFTP upload vs `sftp put`', '≤ 1.25× / ≤ 1.25×', uploads ? 'sftp (sshd unavailable)' : 'uploads');
  const ftp = uploads?.ftp as { dropdeskMs: number; curlTransferMs: number } | undefined;
  if (ftp) {
    const ratio = ftp.dropdeskMs / ftp.curlTransferMs;
    rows.push(['FTP upload vs `curl -T`, loopback', `${times(ratio)} (${Math.round(ftp.dropdeskMs)} vs ${Math.round(ftp.curlTransferMs)} ms)`, '≤ 1.25×', verdict(ratio <= 1.25)]);
  } else missing('FTP upload vs `curl -T`', '≤ 1.25×', 'uploads');

  const header = ['work', 'measured (this run)', 'target', ''];
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}
