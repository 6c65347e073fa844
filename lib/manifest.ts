/**
 * The last touches WXT's generated manifest needs (wxt.config.ts calls this from its
 * `build:manifestGenerated` hook). Pure, so a unit test checks both browsers without a build.
 *
 * - A build without `TIANBAO_PORTALS` registers the content script at run time, but WXT still needs
 *   a match pattern for it and files that placeholder (`https://portal.invalid/*`) as a host
 *   permission. Tianbao asks for no host at install then: the placeholder is dropped.
 * - Firefox MV2 has no `optional_host_permissions` (WXT drops the key): the origins a person may grant
 *   in the options page go to `optional_permissions`, where MV2 keeps them.
 * - Firefox's sidebar is titled with the extension's localised name, like the toolbar button.
 */

/** The match pattern the content script is given when no portal is built in (entrypoints/portal.content). */
export const RUNTIME_PLACEHOLDER = 'https://portal.invalid/*';

/** Origins a person may grant at run time (the portal addresses added in the options page). */
export const OPTIONAL_ORIGINS: readonly string[] = ['http://*/*', 'https://*/*'];

/** The parts of a manifest this touches (a browser manifest has many more, kept as they are). */
export interface ManifestLike {
  manifest_version?: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  sidebar_action?: { default_title?: string; [key: string]: unknown };
  [key: string]: unknown;
}

export interface ManifestTarget {
  browser: string;
  manifestVersion: 2 | 3;
  /** The build-time portal list (TIANBAO_PORTALS, parsed). */
  portals: readonly string[];
}

/** Finishes the manifest in place (and returns it). */
export function finishManifest<M extends ManifestLike>(manifest: M, target: ManifestTarget): M {
  const keep = (pattern: string) => pattern !== RUNTIME_PLACEHOLDER || target.portals.includes(pattern);
  if (manifest.permissions) manifest.permissions = manifest.permissions.filter(keep);
  if (manifest.host_permissions) {
    manifest.host_permissions = manifest.host_permissions.filter(keep);
    if (manifest.host_permissions.length === 0) delete manifest.host_permissions;
  }
  if (target.manifestVersion === 2) {
    const optional = [...(manifest.optional_permissions ?? [])];
    for (const origin of [...(manifest.optional_host_permissions ?? []), ...OPTIONAL_ORIGINS]) {
      if (!optional.includes(origin)) optional.push(origin);
    }
    manifest.optional_permissions = optional;
    delete manifest.optional_host_permissions;
  }
  if (manifest.sidebar_action) manifest.sidebar_action.default_title = '__MSG_extName__';
  return manifest;
}
