import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createReportReadState, unreadReports } from './report-read-state';
import { newReportNotification } from './report-notification';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('unreadReports', () => {
  it('counts the versions beyond those seen, per campaign and in all', () => {
    const versions = new Map([['j1', 3], ['j2', 1], ['j3', 2], ['j4', 0]]);
    expect(unreadReports(versions, { j1: 1, j3: 2 })).toEqual({ total: 3, byJob: { j1: 2, j2: 1 } });
    expect(unreadReports(versions, { j1: 5, j2: 1, j3: 2 })).toEqual({ total: 0, byJob: {} });
  });
});

describe('createReportReadState', () => {
  it('persists what was seen in the workspace, never going back', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'dropdesk-read-state-'));
    dirs.push(dataDir);
    const state = createReportReadState(dataDir);
    expect(await state.read()).toEqual({});
    await Promise.all([state.markRead('j1', 2), state.markRead('j2', 1)]);
    await state.markRead('j1', 1);
    expect(await createReportReadState(dataDir).read()).toEqual({ j1: 2, j2: 1 });
    expect(JSON.parse(await readFile(join(dataDir, 'reports', 'read.json'), 'utf8')).formatVersion).toBe(1);
  });
});

describe('newReportNotification', () => {
  it('says the campaign and its delivered figures the French way', () => {
    const { title, body } = newReportNotification('Soldes d’hiver', { recipients: 1300, categories: { delivered: 1234 } as never });
    expect(title).toBe('Nouveau rapport de remise');
    expect(body.replace(/\u202f|\u00a0/g, ' ')).toBe('Nouveau rapport pour « Soldes d’hiver » : 1 234 délivrés sur 1 300');
    expect(newReportNotification('Test', { recipients: 1, categories: { delivered: 1 } as never }).body).toBe('Nouveau rapport pour « Test » : 1 délivré sur 1');
  });
});
