/// <reference types="vite/client" />
/** Module declarations for the replica portal pages (Vite virtual module and Vue single-file components). */
declare module 'virtual:portal-seed' {
  /** The seed projects as JSON (typed by shared/seed.ts). */
  const seed: unknown;
  export default seed;
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
