// Loads pdf.js before tsx is registered (hostile-files.test.ts passes it as the first --import): Node then
// runs pdf.js's 3 MB untransformed, as plain `node` would, instead of through tsx's loader.
await import('pdfjs-dist/legacy/build/pdf.mjs');
await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
