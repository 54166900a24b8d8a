/**
 * The CLI is a public interface for automation: results go to stdout (one JSON
 * document or one line per item), logs and progress to stderr, and the exit
 * code says what happened: 0 usable, 2 the input or usage was refused,
 * 1 something unexpected broke.
 */
export const exitCodes = { ok: 0, unexpected: 1, refused: 2 } as const;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = exitCodes.refused,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin: NodeJS.ReadableStream;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: process.stdin,
};

export function printJson(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value)}\n`);
}

export type CliCommand = (args: string[], io: CliIo) => Promise<number>;
