import { describe, expect, it } from 'vitest';
import { IpcRequestError } from '@shared/ipc/ipc-result';
import { describeError, toIpcError } from './describe-error';
import { setupI18n } from './setup-i18n';

describe('error wording', () => {
  it('uses the catalogue entry in the user language, with its parameters', () => {
    const i18n = setupI18n('en');
    const error = toIpcError(new IpcRequestError({ code: 'list-too-big', message: 'Ce fichier dépasse 500 Mo.', params: { maxMegabytes: 500 } }));
    expect(describeError(i18n.t, error, (key) => i18n.exists(key))).toBe(
      'This file is larger than 500 MB. Split the list into several files and import them one by one.',
    );
  });

  it("falls back to the French message main sent when the code is not in the catalogue", () => {
    const i18n = setupI18n('en');
    const error = toIpcError(new IpcRequestError({ code: 'brand-new-code', message: 'Message de main.' }));
    expect(describeError(i18n.t, error, (key) => i18n.exists(key))).toBe('Message de main.');
  });
});
