import { describe, expect, it } from 'vitest';
import { checkStagingFolder } from './staging-folder';

describe('MediasFlow staging folder', () => {
  it('accepts none, or an absolute folder outside the provider folders', () => {
    expect(checkStagingFolder('')).toEqual({ ok: true, folder: null });
    expect(checkStagingFolder(null)).toEqual({ ok: true, folder: null });
    expect(checkStagingFolder(' /Attente/ ')).toEqual({ ok: true, folder: '/Attente' });
    expect(checkStagingFolder('/Campagnes/Attente')).toEqual({ ok: true, folder: '/Campagnes/Attente' });
  });

  it('refuses a relative folder, the root, and the drop or report folders', () => {
    expect(checkStagingFolder('Attente')).toEqual({ ok: false, problem: 'not-absolute' });
    expect(checkStagingFolder('/')).toEqual({ ok: false, problem: 'inside-provider-folder' });
    expect(checkStagingFolder('/Campagnes/SMS')).toEqual({ ok: false, problem: 'inside-provider-folder' });
    expect(checkStagingFolder('/campagnes/vms/tmp')).toEqual({ ok: false, problem: 'inside-provider-folder' });
    expect(checkStagingFolder('/Campagnes/Report/x')).toEqual({ ok: false, problem: 'inside-provider-folder' });
  });
});
