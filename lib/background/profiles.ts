import { profileForUrl, type PageProfile } from '../fill/profile';
import { readSiteProfiles, type SiteProfile } from '../ui/portals';

/**
 * The site profiles the options page stores, as the background hands them to content scripts: read once
 * and kept until the storage changes, validated on the way in (a malformed layout is left out, never
 * sent), and matched per frame URL (the profile's portal pattern and its `frames` globs).
 */
export class SiteProfileStore {
  private cache: Promise<SiteProfile[]> | null = null;

  /** `read` returns what storage holds under the site-profiles key. */
  constructor(private readonly read: () => Promise<unknown>) {}

  /** Forgets the cached list (storage changed). */
  invalidate(): void {
    this.cache = null;
  }

  /** The profile with a layout that applies to a frame at `url`, or null. */
  async forUrl(url: string): Promise<PageProfile | null> {
    this.cache ??= this.read().then(readSiteProfiles, () => []);
    const profile = profileForUrl(await this.cache, url);
    return profile?.layout ? { pattern: profile.pattern, name: profile.name, layout: profile.layout } : null;
  }
}
