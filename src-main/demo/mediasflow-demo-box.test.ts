import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatStamp12, formatStamp14 } from '@shared/scheduling/paris-time';
import { decodeReportBytes } from '@shared/reports/report-encoding';
import { MediasflowDemoBox, type MediasflowDemoBoxOptions } from './mediasflow-demo-box';
import { defaultDemoTemplates, resolveDemoTimings } from './demo-options';

const csv = 'MOBILE;NOM;VILLE\r\n33612345678;Zoé;Besançon\r\n33698765432;Loïc;Nîmes\r\n';
let root: string;
let clock: number;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dropdesk-demo-box-'));
  clock = Date.UTC(2025, 2, 14, 9, 0, 0);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function openBox(overrides: Partial<MediasflowDemoBoxOptions> = {}) {
  return MediasflowDemoBox.open({
    root: join(root, 'mf'),
    statePath: join(root, 'state.json'),
    timings: resolveDemoTimings({ answerDelayMs: 1_000, reportDelaysMs: [5_000, 20_000, 60_000] }),
    templates: defaultDemoTemplates,
    log: () => undefined,
    now: () => clock,
    ...overrides,
  });
}
/** Two looks the answer delay apart: the file has settled and its time has come. */
async function tickTwice(box: MediasflowDemoBox) {
  await box.tick();
  clock += 1_000;
  await box.tick();
}
const names = (folder: string) => readdir(join(root, 'mf', folder));

describe('MediasflowDemoBox', () => {
  it('answers after the delay, never a file still being written, and ignores .tmp and hidden files', async () => {
    const box = await openBox();
    const name = `1001-DD1-Soldes_${formatStamp14(clock)}.csv`;
    await writeFile(join(root, 'mf/Campagnes/SMS', name), csv);
    await writeFile(join(root, 'mf/Campagnes/SMS', name.replace('.csv', '.tmp')), csv);
    await writeFile(join(root, 'mf/Campagnes/SMS', '.partial.csv'), csv);
    await box.tick();
    expect(await names('Campagnes/SMS/TRAITEMENT OK')).toEqual([]);
    clock += 1_000;
    await box.tick();
    expect((await names('Campagnes/SMS/TRAITEMENT OK')).sort()).toEqual([name, name.replace('.csv', '.ar')].sort());
    expect(await readFile(join(root, 'mf/Campagnes/SMS/TRAITEMENT OK', name.replace('.csv', '.ar')), 'utf8')).toBe('480001\r\n');
    expect((await names('Campagnes/SMS')).sort()).toEqual(['.partial.csv', 'TRAITEMENT KO', 'TRAITEMENT OK', name.replace('.csv', '.tmp')].sort());
  });

  it('can name acks name.csv.ar and write the code with the guide sentence', async () => {
    const box = await openBox({ ackNaming: 'append-extension', badContent: 'code-and-text' });
    const name = `4242-DD2-Inconnu_${formatStamp14(clock)}.csv`;
    await writeFile(join(root, 'mf/Campagnes/SMS', name), csv);
    await tickTwice(box);
    const bad = await readFile(join(root, 'mf/Campagnes/SMS/TRAITEMENT KO', `${name}.bad`), 'utf8');
    expect(bad).toMatch(/^03 : Le numéro de campagne modèle est inexistant/);
  });

  it('writes the report versions at send + delays, after the PROG time for a programmed send, in Windows-1252 if asked', async () => {
    const box = await openBox({ reportEncoding: 'windows-1252' });
    const prog = clock + 3_600_000;
    const name = `1001-DD3-Programmée_${formatStamp14(clock)}-PROG_${formatStamp12(prog)}.csv`;
    await writeFile(join(root, 'mf/Campagnes/SMS', name), csv);
    await tickTwice(box);
    clock += 60_000;
    await box.tick();
    expect(await names('Campagnes/Report')).toEqual(['archive']);
    clock = prog + 5_000;
    await box.tick();
    const reports = (await names('Campagnes/Report')).filter((file) => file !== 'archive');
    expect(reports).toEqual([`${name.replace('.csv', '')}_480001_${formatStamp14(clock)}.csv`]);
    const decoded = decodeReportBytes(await readFile(join(root, 'mf/Campagnes/Report', reports[0])));
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toContain('Besançon');
    // Closed for a week: only the latest version is written, then it is archived after 7 days.
    clock = prog + 7 * 24 * 3_600_000 + 60_000;
    await box.tick();
    expect(box.campaigns()[0].reportsWritten).toBe(3);
    clock += 120_000;
    await box.tick();
    expect(await names('Campagnes/Report/archive')).toEqual(reports);
    clock += 90 * 24 * 3_600_000;
    await box.tick();
    expect(await names('Campagnes/Report/archive')).toEqual([]);
    expect(await names('Campagnes/Report')).toEqual(['archive']);
  });

  it('a restart between the move and the .ar writes the .ar with the number already given', async () => {
    const box = await openBox();
    const name = `1001-DD4-Coupure_${formatStamp14(clock)}.csv`;
    await writeFile(join(root, 'mf/Campagnes/SMS', name), csv);
    await tickTwice(box);
    // Simulate the crash: the campaign is back to 'accepting' and its .ar is missing.
    const state = JSON.parse(await readFile(join(root, 'state.json'), 'utf8'));
    state.campaigns[0].stage = 'accepting';
    await writeFile(join(root, 'state.json'), JSON.stringify(state));
    await rm(join(root, 'mf/Campagnes/SMS/TRAITEMENT OK', name.replace('.csv', '.ar')));
    const reopened = await openBox();
    await reopened.tick();
    expect(await readFile(join(root, 'mf/Campagnes/SMS/TRAITEMENT OK', name.replace('.csv', '.ar')), 'utf8')).toBe('480001\r\n');
    expect(reopened.campaigns().map((campaign) => [campaign.campaignId, campaign.stage])).toEqual([['480001', 'acked']]);
  });
});
