/** Small hooks of the options page. */
import { useEffect, useState } from 'react';
import { profileOf } from '@/lib/checks/defaults';
import type { TaxonomyProfile } from '@/lib/domain/schemas';
import { readStoredConfig } from '@/lib/ui/rules-config';
import { STORAGE_KEYS } from '@/lib/ui/storage-keys';
import { onStorageChanged, storageGet } from '../runtime';

/** The taxonomy profile the Rules page picked (edit forms validate 一级/二级 against it). */
export function useCheckProfile(): TaxonomyProfile {
  const [profile, setProfile] = useState(() => profileOf(readStoredConfig(undefined).config));
  useEffect(() => {
    let live = true;
    void storageGet(STORAGE_KEYS.checkConfig).then((stored) => live && setProfile(profileOf(readStoredConfig(stored).config)));
    const off = onStorageChanged(STORAGE_KEYS.checkConfig, (stored) => setProfile(profileOf(readStoredConfig(stored).config)));
    return () => {
      live = false;
      off();
    };
  }, []);
  return profile;
}
