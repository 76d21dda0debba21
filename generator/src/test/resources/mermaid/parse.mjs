// Parses each file named on the command line with the real mermaid package (in a jsdom window, as mermaid expects a
// DOM): prints "ok FILE" or "error FILE: MESSAGE" per file, exits 1 when any failed. Used by MermaidParsesTest.
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false });
let failed = 0;
for (const file of process.argv.slice(2)) {
  try {
    await mermaid.parse(readFileSync(file, 'utf8'));
    console.log('ok ' + file);
  } catch (e) {
    failed++;
    console.log('error ' + file + ': ' + String(e.message || e).split('\n').join(' '));
  }
}
process.exit(failed ? 1 : 0);
