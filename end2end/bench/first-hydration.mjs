// Prints how long a cold Chromium (a new profile, empty cache) takes to show
// a page of a running Soirée server hydrated: the time to the HTML's load
// event, to `body[data-hydrated]`, and the WASM's size on the wire.
// Usage: node bench/first-hydration.mjs BASE_URL [PATH] [RUNS]
import { chromium } from '@playwright/test';

const base = process.argv[2] ?? 'http://127.0.0.1:3100';
const path = process.argv[3] ?? '/login';
const runs = Number(process.argv[4] ?? 5);
const args = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const loaded = [], hydrated = [];
let wasmRaw = 0, wasmWire = 0;
for (let i = 0; i < runs; i++) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args });
  const page = await browser.newPage();
  page.on('requestfinished', async (req) => {
    if (!req.url().endsWith('.wasm')) return;
    wasmWire = (await req.sizes()).responseBodySize;
  });
  const start = performance.now();
  await page.goto(base + path, { waitUntil: 'load', timeout: 300_000 });
  loaded.push(performance.now() - start);
  await page.waitForSelector('body[data-hydrated="true"]', { timeout: 300_000 });
  hydrated.push(performance.now() - start);
  await browser.close();
}
wasmRaw = (await (await fetch(`${base}/pkg/soiree.wasm`)).arrayBuffer()).byteLength;
const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
console.log(`page ${path}, ${runs} cold browsers`);
console.log(`WASM: ${wasmRaw.toLocaleString('en')} bytes, ${wasmWire.toLocaleString('en')} on the wire`);
console.log(`load event:  median ${fmt(median(loaded))}, max ${fmt(Math.max(...loaded))}`);
console.log(`hydrated:    median ${fmt(median(hydrated))}, max ${fmt(Math.max(...hydrated))}  (first run ${fmt(hydrated[0])})`);
