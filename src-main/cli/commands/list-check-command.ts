// PLACEHOLDER — replaced by the list engine's `list check` command.
import { CliError, type CliCommand } from '../cli-io';

export const listCheckCommand: CliCommand = async () => {
  throw new CliError('list check: not implemented yet', 1);
};
