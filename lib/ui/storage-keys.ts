/**
 * Keys of browser.storage.local that the extension pages write. The background reads the check config
 * under the same key; the others belong to the pages.
 */
export const STORAGE_KEYS = {
  /** The check configuration (a CheckConfigInput: only what differs from the defaults). */
  checkConfig: 'tianbao:check-config',
  /** The person's language choice (`zh-CN` | `en`); absent = follow the browser. */
  locale: 'tianbao:ui-locale',
  /** Latest status per project seen in the side panel (ProjectStatusEntry[]). */
  projectStatus: 'tianbao:project-status',
  /** Per-portal settings edited in the options page (SiteProfile[]). */
  siteProfiles: 'tianbao:site-profiles',
  /**
   * When a portal tab first reported a recognised form, so its launcher (填报助手) showed: a time in ms,
   * written once by the background; the first-run guide's third step reads it.
   */
  launcherSeen: 'tianbao:launcher-seen',
} as const;
