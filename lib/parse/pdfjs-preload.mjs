// `npm run tianbao` preloads this before tsx registers (node --import): when an argument names a .pdf, pdf.js
// (3 MB of plain JavaScript) is loaded by Node directly. Through tsx's loader the same modules take seconds
// and some 300 MB more; lib/parse/read-pdf.ts then finds them already loaded. Other commands pay nothing.
if (process.argv.some((arg) => /\.pdf$/i.test(arg))) {
  await import('pdfjs-dist/legacy/build/pdf.mjs');
  await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
}
