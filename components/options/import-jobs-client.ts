/**
 * Runs an import/export job in a Web Worker (one per job, closed after), or in the page where a worker
 * cannot start (then the page is briefly busy, but the job still completes).
 */
import type { ImportJob, ImportJobResult } from '@/lib/ui/import-jobs';
// Vite bundles the worker as its own file (`new URL(…, import.meta.url)` does not survive WXT's build).
import ImportWorker from '../workers/import-worker?worker';

/** Whether a worker message is a job's outcome (every ImportJobResult has a boolean `ok`). */
export function isJobResult(data: unknown): data is ImportJobResult {
  return typeof data === 'object' && data !== null && typeof (data as { ok?: unknown }).ok === 'boolean';
}

function inWorker(job: ImportJob): Promise<ImportJobResult> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new ImportWorker();
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    worker.onmessage = (event: MessageEvent<unknown>) => {
      // Only the job's result ends it: pdf.js's worker code, loaded into this worker for a PDF, also
      // announces itself to the page (`{ sourceName: 'worker', action: 'ready' }`, see lib/parse/read-pdf.ts).
      if (!isJobResult(event.data)) return;
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'worker failed'));
    };
    const transfer = job.kind === 'read' ? [job.bytes.buffer as ArrayBuffer] : [];
    worker.postMessage(job, transfer);
  });
}

export async function runJob(job: ImportJob): Promise<ImportJobResult> {
  // The worker takes the bytes (transfer); keep a copy for the fallback.
  const fallbackJob: ImportJob = job.kind === 'read' ? { ...job, bytes: job.bytes.slice() } : job;
  try {
    return await inWorker(job);
  } catch {
    const { runImportJob } = await import('@/lib/ui/import-jobs');
    return runImportJob(fallbackJob);
  }
}
