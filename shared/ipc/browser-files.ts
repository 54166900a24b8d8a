/**
 * Browser mode's side of the system dialogs. A web page cannot let main open a
 * file picker, so for the requests whose handler asks main's dialog for a file
 * to read, the page opens its own picker first (inside the user's click) and
 * sends the chosen file's bytes with the request; main's dialog then answers
 * with that file (src-main/browser-mode/browser-dialogs.ts). Saves need no
 * entry here: main writes the file and the page downloads it.
 * Every channel listed takes no input (the file is the input).
 */
import type { RequestChannel, RequestInput } from './channels';

type VoidInputChannel = { [C in RequestChannel]: RequestInput<C> extends void ? C : never }[RequestChannel];

export interface FilePickerSpec {
  /** The `accept` attribute of the page's file input. */
  accept: string;
}

export const fileOpeningChannels: Partial<Record<VoidInputChannel, FilePickerSpec>> = {
  'lists:import-dialog': { accept: '.csv,.txt,.tsv,text/csv,text/plain' },
  'opt-outs:import': { accept: '.csv,.txt,text/csv,text/plain' },
};

/** Request headers of the browser transport. */
export const browserModeHeaders = {
  /** On a file-opening request: the chosen file's name (URI-encoded); the body is the file. Absent: cancelled. */
  fileName: 'dropdesk-file-name',
  /** On a response: the files main wrote for the page to download (comma-separated tokens). */
  downloads: 'dropdesk-downloads',
} as const;

/** The largest body browser mode accepts (the list import refuses over 400 MB with its own message). */
export const browserModeMaxBodyBytes = 600 * 1024 * 1024;
