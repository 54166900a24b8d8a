/**
 * The demo MediasFlow account behind the SFTP server: watches /Campagnes/SMS
 * and /Campagnes/VMS, answers each dropped '.csv' with '.ar' (campaign number)
 * in TRAITEMENT OK or '.bad' (code 01–09) in TRAITEMENT KO, then writes the
 * campaign's report versions in /Campagnes/Report, archives them after 7 days
 * and deletes them after 90 (guide §3, §4). State (campaign numbers, reports
 * to come) is kept on disk so a restart neither renumbers nor forgets.
 */
import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { decodeListBytes } from '@shared/lists/detect-encoding';
import { parseCsvRecords } from '@shared/lists/parse-csv';
import { isMediasflowMobileHeader } from '@shared/providers/mediasflow/mediasflow-file';
import { mediasflowKoFolderName, mediasflowOkFolderName, type MediasflowAckCode } from '@shared/providers/mediasflow/mediasflow-ack';
import { formatStamp14 } from '@shared/scheduling/paris-time';
import { generateReport } from '@shared/reports/generate-report';
import { formatReportFileName, parseReportFileName } from '@shared/reports/report-file-name';
import { encodeReportText, type ReportTextEncoding } from '@shared/reports/report-encoding';
import { readJsonFile, writeFileAtomic, writeJsonAtomic } from '../workspace/atomic-write';
import { checkMediasflowDrop } from './mediasflow-checks';
import { assignDemoStatuses, type DemoChannel } from './demo-statuses';
import { ArrivalTracker } from './polling-loop';
import type { DemoLog, DemoTemplate, DemoTimings } from './demo-options';

const hour = 3_600_000;

/** Texts of the codes as the guide words them, for 'code-and-text' .bad files. */
const codeTexts: Record<MediasflowAckCode, string> = {
  '01': 'La campagne ne peut pas être lancée car la date a expiré',
  '02': "Le nom du fichier n'est pas valide, il devrait être au format : IDMEDIAFLOW-IDDELIVERY-IDCAMPAGNE_AAAAMMDD_HHMNSS",
  '03': 'Le numéro de campagne modèle est inexistant sur le compte client',
  '04': "La liste ne contient pas d'en-tête de colonne reconnue (elle doit contenir au minimum une colonne nommée MOBILE, PORTABLE, SMS ou GSM)",
  '05': 'La campagne ne peut pas être programmée car la date de programmation a expiré',
  '06': "Le nom du fichier n'est pas valide, il devrait être à un des formats acceptés (envoi immédiat ou programmé)",
  '07': 'La campagne modèle ne correspond pas au type de campagne du répertoire dans lequel vous avez déposé votre fichier (SMS/VMS)',
  '08': "Erreur interne lors de l'injection de la campagne",
  '09': 'La campagne modèle doit être en statut « En création » pour être considérée comme une campagne modèle utilisable.',
};

export interface MediasflowDemoBoxOptions {
  /** Folder served as '/' by the SFTP server. */
  root: string;
  statePath: string;
  timings: DemoTimings;
  templates: readonly DemoTemplate[];
  log: DemoLog;
  now?: () => number;
  /**
   * "Same name as the dropped file with the extension .ar" reads two ways:
   * 'replace-extension' (default) writes 'name.ar', 'append-extension' 'name.csv.ar'.
   */
  ackNaming?: 'replace-extension' | 'append-extension';
  /** 'code' (default): the .bad holds "02" only, as the guide says; 'code-and-text' adds the guide's sentence. */
  badContent?: 'code' | 'code-and-text';
  /** Report files in UTF-8 (default) or Windows-1252, as a legacy export would be. */
  reportEncoding?: ReportTextEncoding;
}

export interface DemoCampaign {
  campaignId: string;
  channel: DemoChannel;
  /** Name of the dropped file (now in TRAITEMENT OK). */
  dropName: string;
  acceptedAt: number;
  /** When the campaign leaves: the acceptance, or its PROG time. */
  sendAt: number;
  /** 'accepting' until the .ar is written (a restart then reuses the number instead of making a second campaign). */
  stage: 'accepting' | 'acked';
  reportsWritten: number;
  lastReportAt: number | null;
}

interface MediasflowState {
  version: 1;
  nextCampaignNumber: number;
  campaigns: DemoCampaign[];
}

const channels: { channel: DemoChannel; folder: string }[] = [
  { channel: 'sms', folder: 'Campagnes/SMS' },
  { channel: 'vms', folder: 'Campagnes/VMS' },
];
const reportFolder = 'Campagnes/Report';
const archiveFolder = 'Campagnes/Report/archive';
const firstCampaignNumber = 480_001;
/** Processed files are deleted from TRAITEMENT OK/KO after 90 days (guide §3). */
const processedKeepMs = 90 * 24 * hour;
const sweepEveryMs = 60_000;

export class MediasflowDemoBox {
  private readonly arrivals = new ArrivalTracker();
  private lastSweepAt = 0;
  private readonly now: () => number;

  private constructor(
    private readonly options: MediasflowDemoBoxOptions,
    private state: MediasflowState,
  ) {
    this.now = options.now ?? Date.now;
  }

  static async open(options: MediasflowDemoBoxOptions): Promise<MediasflowDemoBox> {
    await ensureFolders(options.root);
    const saved = await readJsonFile<MediasflowState>(options.statePath).catch(() => undefined);
    const state: MediasflowState =
      saved?.version === 1 ? saved : { version: 1, nextCampaignNumber: firstCampaignNumber, campaigns: [] };
    return new MediasflowDemoBox(options, state);
  }

  /** Campaigns accepted so far (copies). */
  campaigns(): DemoCampaign[] {
    return this.state.campaigns.map((campaign) => ({ ...campaign }));
  }

  /** One look at the folders: answers what is due, writes the reports that are due, tidies old files. */
  async tick(): Promise<void> {
    const now = this.now();
    // A folder removed by hand (the demo box is writable) comes back instead of failing every second.
    await ensureFolders(this.options.root);
    await this.finishInterruptedAcceptances();
    const present = new Set<string>();
    for (const { channel, folder } of channels) {
      const entries = await fsp.readdir(join(this.options.root, folder), { withFileTypes: true });
      for (const entry of entries) {
        // Only finished '.csv' files are the provider's business: '.tmp' uploads and hidden files wait.
        if (!entry.isFile() || entry.name.startsWith('.') || !/\.csv$/i.test(entry.name)) continue;
        const key = `${folder}/${entry.name}`;
        present.add(key);
        const stats = await fsp.stat(join(this.options.root, key)).catch(() => null);
        if (!stats) continue;
        const seen = this.arrivals.look(key, `${stats.size}:${stats.mtimeMs}`, now);
        if (!seen.settled || now - seen.firstSeenAt < this.options.timings.answerDelayMs) continue;
        await this.answer(channel, folder, entry.name, Math.min(seen.firstSeenAt, stats.mtimeMs));
        this.arrivals.forget(key);
      }
    }
    this.arrivals.keepOnly(present);
    await this.writeDueReports(now);
    if (now - this.lastSweepAt >= sweepEveryMs) {
      this.lastSweepAt = now;
      await this.sweep(now);
    }
  }

  private ackName(dropName: string, extension: '.ar' | '.bad'): string {
    return this.options.ackNaming === 'append-extension' ? `${dropName}${extension}` : `${dropName.replace(/\.csv$/i, '')}${extension}`;
  }

  private async answer(channel: DemoChannel, folder: string, name: string, receivedAt: number): Promise<void> {
    const path = join(this.options.root, folder, name);
    let bytes: Buffer;
    try {
      bytes = await fsp.readFile(path);
    } catch {
      return; // taken back by the sender meanwhile
    }
    const table = readTable(bytes);
    const verdict = checkMediasflowDrop({
      fileName: name,
      folderChannel: channel,
      receivedAt: new Date(receivedAt),
      header: table?.header ?? null,
      templates: this.options.templates,
    });

    if (!verdict.accepted) {
      await fsp.rename(path, join(this.options.root, folder, mediasflowKoFolderName, name));
      const content = this.options.badContent === 'code-and-text' ? `${verdict.code} : ${codeTexts[verdict.code]}\r\n` : `${verdict.code}\r\n`;
      await writeFileAtomic(join(this.options.root, folder, mediasflowKoFolderName, this.ackName(name, '.bad')), content);
      this.options.log(`[démo MediasFlow] ${name} refusé, code ${verdict.code}`);
      return;
    }

    const now = this.now();
    let campaign = this.state.campaigns.find((known) => known.stage === 'accepting' && known.channel === channel && known.dropName === name);
    if (!campaign) {
      campaign = {
        campaignId: String(this.state.nextCampaignNumber++),
        channel,
        dropName: name,
        acceptedAt: now,
        sendAt: Math.max(now, verdict.parsed.prog?.at.getTime() ?? now),
        stage: 'accepting',
        reportsWritten: 0,
        lastReportAt: null,
      };
      this.state.campaigns.push(campaign);
      await this.save();
    }
    await fsp.rename(path, join(this.options.root, folder, mediasflowOkFolderName, name));
    await writeFileAtomic(join(this.options.root, folder, mediasflowOkFolderName, this.ackName(name, '.ar')), `${campaign.campaignId}\r\n`);
    campaign.stage = 'acked';
    await this.save();
    const recipients = table ? table.rows.length : 0;
    this.options.log(`[démo MediasFlow] ${name} accepté, campagne ${campaign.campaignId} (${recipients} destinataires, modèle ${verdict.template.id})`);
  }

  /** A stop between the move to TRAITEMENT OK and the '.ar' leaves a numbered campaign without its answer: write it now. */
  private async finishInterruptedAcceptances(): Promise<void> {
    for (const campaign of this.state.campaigns) {
      if (campaign.stage !== 'accepting') continue;
      const folder = channels.find((entry) => entry.channel === campaign.channel)!.folder;
      const okFolder = join(this.options.root, folder, mediasflowOkFolderName);
      const moved = await fsp.stat(join(okFolder, campaign.dropName)).then(
        () => true,
        () => false,
      );
      if (!moved) continue; // still in the drop folder: answered by the normal path, with the same number
      await writeFileAtomic(join(okFolder, this.ackName(campaign.dropName, '.ar')), `${campaign.campaignId}\r\n`);
      campaign.stage = 'acked';
      await this.save();
    }
  }

  private async writeDueReports(now: number): Promise<void> {
    const delays = this.options.timings.reportDelaysMs;
    for (const campaign of this.state.campaigns) {
      if (campaign.stage !== 'acked' || campaign.reportsWritten >= delays.length) continue;
      // After a pause (app closed), only the latest due version is written, as the provider would by now.
      let version = -1;
      for (let index = campaign.reportsWritten; index < delays.length; index++) if (now >= campaign.sendAt + delays[index]) version = index;
      if (version === -1) continue;
      await this.writeReport(campaign, version, now);
    }
  }

  private async writeReport(campaign: DemoCampaign, version: number, now: number): Promise<void> {
    const folder = channels.find((entry) => entry.channel === campaign.channel)!.folder;
    const dropped = await fsp.readFile(join(this.options.root, folder, mediasflowOkFolderName, campaign.dropName)).catch(() => null);
    const table = dropped ? readTable(dropped) : null;
    const mobileColumn = table ? table.header.findIndex((name) => isMediasflowMobileHeader(name)) : -1;
    if (!table || mobileColumn === -1) {
      this.options.log(`[démo MediasFlow] campagne ${campaign.campaignId} : fichier d'origine introuvable, pas de rapport`);
      campaign.reportsWritten = this.options.timings.reportDelaysMs.length;
      await this.save();
      return;
    }
    const seed = Number(campaign.campaignId) || 1;
    const codes = assignDemoStatuses({ channel: campaign.channel, numbers: table.rows.map((row) => row[mobileColumn] ?? ''), seed });
    // Two versions never share a name, even when their delays fall in the same second.
    const stampAt = Math.max(now, (campaign.lastReportAt ?? 0) + 1_000);
    const simulatedHours = this.options.timings.reportSimulatedHours[version] ?? 72;
    const report = generateReport({
      channel: campaign.channel,
      dropName: campaign.dropName,
      campaignId: campaign.campaignId,
      // The demo compresses time: this version shows the campaign as it is `simulatedHours` after the send.
      sentAt: campaign.sendAt,
      generatedAt: campaign.sendAt + simulatedHours * hour,
      originalColumns: table.header,
      rows: table.rows,
      codes: codes.length > 0 ? codes : [21],
      seed,
    });
    const fileName = formatReportFileName(campaign.dropName, campaign.campaignId, formatStamp14(stampAt));
    const encoding = this.options.reportEncoding ?? 'utf-8';
    await writeFileAtomic(join(this.options.root, reportFolder, fileName), encodeReportText(report.content, encoding));
    campaign.reportsWritten = version + 1;
    campaign.lastReportAt = stampAt;
    await this.save();
    this.options.log(`[démo MediasFlow] rapport ${version + 1}/${this.options.timings.reportDelaysMs.length} : ${fileName}`);
  }

  /** Report/ → Report/archive after 7 days, deleted after 90; processed drops deleted after 90 days. */
  private async sweep(now: number): Promise<void> {
    const { reportArchiveAfterMs, reportDeleteAfterMs } = this.options.timings;
    const ageOf = (name: string) => {
      const parsed = parseReportFileName(name);
      return parsed ? now - Date.parse(parsed.generatedAt) : null;
    };
    for (const name of await fsp.readdir(join(this.options.root, reportFolder))) {
      const age = ageOf(name);
      if (age === null) continue;
      const path = join(this.options.root, reportFolder, name);
      if (age >= reportDeleteAfterMs) await fsp.rm(path, { force: true });
      else if (age >= reportArchiveAfterMs) await fsp.rename(path, join(this.options.root, archiveFolder, name)).catch(() => undefined);
    }
    for (const name of await fsp.readdir(join(this.options.root, archiveFolder))) {
      const age = ageOf(name);
      if (age !== null && age >= reportDeleteAfterMs) await fsp.rm(join(this.options.root, archiveFolder, name), { force: true });
    }
    for (const { folder } of channels) {
      for (const answered of [mediasflowOkFolderName, mediasflowKoFolderName]) {
        const dir = join(this.options.root, folder, answered);
        for (const name of await fsp.readdir(dir)) {
          const stats = await fsp.stat(join(dir, name)).catch(() => null);
          if (stats?.isFile() && now - stats.mtimeMs >= processedKeepMs) await fsp.rm(join(dir, name), { force: true });
        }
      }
    }
    const before = this.state.campaigns.length;
    this.state.campaigns = this.state.campaigns.filter(
      (campaign) => campaign.reportsWritten < this.options.timings.reportDelaysMs.length || now - campaign.acceptedAt < processedKeepMs,
    );
    if (this.state.campaigns.length !== before) await this.save();
  }

  private save(): Promise<void> {
    return writeJsonAtomic(this.options.statePath, this.state);
  }
}

async function ensureFolders(root: string): Promise<void> {
  for (const { folder } of channels) {
    await fsp.mkdir(join(root, folder, mediasflowOkFolderName), { recursive: true });
    await fsp.mkdir(join(root, folder, mediasflowKoFolderName), { recursive: true });
  }
  await fsp.mkdir(join(root, archiveFolder), { recursive: true });
}

/** Header and rows of a dropped file (semicolon CSV, UTF-8 or Windows-1252); null when it cannot be read as text. */
function readTable(bytes: Uint8Array): { header: string[]; rows: string[][] } | null {
  try {
    const records = parseCsvRecords(decodeListBytes(bytes).text, ';');
    if (records.length === 0) return null;
    return { header: records[0], rows: records.slice(1) };
  } catch {
    return null;
  }
}
