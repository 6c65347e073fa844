/** Background service worker: owns the template DB and answers typed messages (see lib/messaging.ts). */
export function startBackground(): void {
  // The library and message handlers are wired in by the library issue.
}
