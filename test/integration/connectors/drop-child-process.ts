/**
 * Runs one drop in a separate process so fault tests can SIGKILL it at a
 * precise moment, like a crash of the app or the CLI. Argument: JSON of
 * DropChildArguments. Writes the "job state" file only after the drop
 * returns, the way the queue persists its state.
 */
import { writeFileSync } from 'node:fs';
import { SftpFileSystem } from '../../../src-main/connectors/sftp-file-system';
import { dropFileExactlyOnce } from '../../../src-main/connectors/exactly-once-upload';
import { makeCampaignFile, recogniseByIdDelivery } from './campaign-file';

export interface DropChildArguments {
  port: number;
  username: string;
  password: string;
  pinnedHostKey: string;
  folder: string;
  finalName: string;
  tempName: string;
  idDelivery: string;
  searchFolders: string[];
  bytes: number;
  seed: number;
  stateFile: string;
  /** 'crash-after-rename': SIGKILL itself right after the rename, before saving the state. */
  mode: 'normal' | 'crash-after-rename';
}

const args = JSON.parse(process.argv[2]) as DropChildArguments;
const fs = new SftpFileSystem({
  protocol: 'sftp',
  host: '127.0.0.1',
  port: args.port,
  username: args.username,
  password: args.password,
  pinnedHostKey: args.pinnedHostKey,
});
await fs.connect();
const result = await dropFileExactlyOnce({
  fs,
  folder: args.folder,
  finalName: args.finalName,
  tempName: args.tempName,
  data: makeCampaignFile(args.bytes, args.seed),
  searchFolders: args.searchFolders,
  recognise: recogniseByIdDelivery(args.idDelivery),
  onProgress: (bytes) => process.stdout.write(`progress ${bytes}\n`),
  onStep: (step) => {
    process.stdout.write(`step ${step}\n`);
    if (step === 'renamed' && args.mode === 'crash-after-rename') process.kill(process.pid, 'SIGKILL');
  },
});
writeFileSync(args.stateFile, JSON.stringify({ state: 'awaiting-ack', result }));
await fs.close();
