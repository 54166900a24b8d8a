/** Provider id → profile. Profiles are plain data + pure functions; options (staging folder, root) make variants. */
import { allmysmsFtpProfile, allmysmsSftpProfile, type AllmysmsProfile } from './allmysms/allmysms-profile';
import { mediasflowProfile, type MediasflowProfile } from './mediasflow/mediasflow-profile';
import type { ProviderId } from './provider-ids';
import type { MessageSource } from './message-source';

export type ProviderProfile = MediasflowProfile | AllmysmsProfile;

const profiles: Record<ProviderId, ProviderProfile> = {
  'mediasflow-sftp': mediasflowProfile,
  'allmysms-ftp': allmysmsFtpProfile,
  'allmysms-sftp': allmysmsSftpProfile,
};

export function getProviderProfile(id: ProviderId): ProviderProfile {
  return profiles[id];
}

/** Which text the provider sends: its template campaign's, or the typed one. */
export function messageSourceOf(id: ProviderId): MessageSource {
  return profiles[id].messageSource;
}
