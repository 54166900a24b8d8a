import { useEffect } from 'react';
import { useDropdesk } from '../../store/store-context';
import { CampaignLibrary } from './campaign-library';
import { CampaignEditor } from './campaign-editor';

/** The "Campagnes" section: the drafts, or the draft being edited. */
export function CampaignsScreen() {
  const draft = useDropdesk((state) => state.draft);
  const loadCampaigns = useDropdesk((state) => state.loadCampaigns);
  const loadLists = useDropdesk((state) => state.loadLists);
  useEffect(() => {
    void loadCampaigns();
    void loadLists();
  }, [loadCampaigns, loadLists]);
  return draft ? <CampaignEditor key={draft.id} /> : <CampaignLibrary />;
}
