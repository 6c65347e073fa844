/**
 * Web Worker of the options page: reads dropped files into import batches and writes XLSX exports off
 * the page's thread (lib/ui/import-jobs.ts does the work).
 */
import { runImportJob, type ImportJob } from '@/lib/ui/import-jobs';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ImportJob>) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
};

scope.onmessage = (event) => {
  void runImportJob(event.data).then((result) => {
    const transfer = result.ok && result.kind === 'xlsx' ? [result.bytes.buffer as ArrayBuffer] : [];
    scope.postMessage(result, transfer);
  });
};
