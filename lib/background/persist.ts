/**
 * Asks the browser to keep the library's storage (IndexedDB) when space runs low. With the
 * `unlimitedStorage` permission Chrome grants it; the library survives restarts and extension
 * updates either way, this only guards against eviction.
 */

/** The part of StorageManager used here (navigator.storage). */
export interface PersistentStorage {
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
}

/** true when storage is (now) persistent, false when refused, null where the API is missing. */
export async function requestPersistence(storage: PersistentStorage | undefined): Promise<boolean | null> {
  if (!storage?.persist) return null;
  try {
    if (storage.persisted && (await storage.persisted())) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}
