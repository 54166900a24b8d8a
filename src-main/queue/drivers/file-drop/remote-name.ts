/** The remote file name of a drop, from the provider profile's naming rules. */
import type { ProviderProfile } from '@shared/providers/provider-registry';
import type { Job } from '@shared/queue/job-types';

export function buildRemoteName(
  profile: ProviderProfile,
  job: Job,
  now: Date,
): { ok: true; name: string; stampAt: string | null } | { ok: false; problems: string[] } {
  const programmedAt = job.programmedAt ? new Date(job.programmedAt) : null;
  if (profile.family === 'mediasflow') {
    const built = profile.buildName({
      templateId: job.templateId ?? '',
      idDelivery: job.idDelivery,
      campaignName: job.campaignName,
      stampAt: now,
      programmedAt,
    });
    return built.ok ? { ok: true, name: built.name, stampAt: now.toISOString() } : { ok: false, problems: built.problems };
  }
  const built = profile.buildName({
    campaignName: job.campaignName,
    idDelivery: job.idDelivery,
    sendAt: programmedAt ?? now,
    part: job.part ? { index: job.part.index, count: job.part.count } : undefined,
  });
  return built.ok ? { ok: true, name: built.name, stampAt: null } : { ok: false, problems: built.problems };
}
