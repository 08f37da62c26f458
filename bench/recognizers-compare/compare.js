// Runs Microsoft's JavaScript Recognizers-Text and chrono-node on the inputs Crosscheck is scored on
// (the shared Recognizers-Text English specs and the TempEval-3 dev texts) and prints, for each tool,
// the same accuracy figures `crosscheck eval` prints and the throughput on those inputs.
//
//   npm ci && node compare.js [DATASETS_DIR] [ROUNDS]
//
// DATASETS_DIR defaults to ../../../shared/datasets (the repo's ../shared). Crosscheck's own figures on
// the same inputs come from `dotnet run -c Release --project bench/Crosscheck.Bench -- extractors ...`.
'use strict';
const fs = require('fs');
const path = require('path');
const R = require('@microsoft/recognizers-text-suite');
const chrono = require('chrono-node');

const datasets = process.argv[2] || path.resolve(__dirname, '../../../shared/datasets');
const rounds = Number(process.argv[3] || 3);
const specs = path.join(datasets, 'recognizers-text-specs/Specs');
const en = R.Culture.English;

function readSpec(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''))
    // The cases Crosscheck is scored on: all but those its spec marks unsupported in .NET.
    .filter(c => !((c.NotSupported || '') + (c.NotSupportedByDesign || '')).toLowerCase().includes('dotnet'));
}

function refDate(c) {
  const s = c.Context && c.Context.ReferenceDateTime;
  return s ? new Date(s) : new Date(2016, 10, 7);
}

// Same criterion as Crosscheck's scorer: every expected result has an overlapping found result with the
// same value (and unit, when the spec gives one), and nothing extra was found.
function fullyRight(specCase, found, valueOf, unitOf) {
  const used = new Array(found.length).fill(false);
  const input = specCase.Input.toLowerCase();
  let allRight = true;
  for (const e of specCase.Results || []) {
    const start = e.Start !== undefined ? e.Start : input.indexOf((e.Text || '').toLowerCase());
    const end = start + (e.Text || '').length;
    let match = -1;
    for (let i = 0; i < found.length; i++) {
      if (!used[i] && found[i].start < end && start < found[i].end + 1) { match = i; break; }
    }
    if (match < 0) { allRight = false; continue; }
    used[match] = true;
    const expected = e.Resolution || {};
    const ev = valueOf(expected), fv = valueOf(found[match].resolution || {});
    if (ev !== undefined && String(ev) !== String(fv) && !(Number(ev) === Number(fv))) allRight = false;
    if (unitOf && expected.unit !== undefined && unitOf(expected) !== unitOf(found[match].resolution || {})) allRight = false;
  }
  return allRight && used.every(x => x);
}

function timeIt(inputs, fn) {
  fn(inputs[0]); // warm the models
  const t0 = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) for (const x of inputs) fn(x);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const chars = inputs.reduce((n, x) => n + (x.text || x).length, 0) * rounds;
  return { seconds, charsPerSecond: chars / seconds, docsPerSecond: inputs.length * rounds / seconds };
}

const out = [];
function report(tool, set, metric, value) {
  out.push({ tool, set, metric, value });
  console.log(`${tool.padEnd(22)} ${set.padEnd(16)} ${metric.padEnd(26)} ${typeof value === 'number' ? value.toFixed(4) : value}`);
}

// --- Recognizers-Text specs: accuracy of the JS models on their own spec files, and throughput.
const specSets = [
  ['NumberModel', 'Number/English/NumberModel.json', x => R.recognizeNumber(x, en), r => r.value, null],
  ['DimensionModel', 'NumberWithUnit/English/DimensionModel.json', x => R.recognizeDimension(x, en), r => r.value, r => (r.unit || '').toLowerCase()],
  ['CurrencyModel', 'NumberWithUnit/English/CurrencyModel.json', x => R.recognizeCurrency(x, en), r => r.value, r => (r.isoCurrency || r.unit || '').toLowerCase()],
];
for (const [name, file, run, valueOf, unitOf] of specSets) {
  const full = path.join(specs, file);
  if (!fs.existsSync(full)) { console.log(`${name}: ${full} not present, skipped`); continue; }
  const cases = readSpec(full);
  let right = 0;
  for (const c of cases) if (fullyRight(c, run(c.Input), valueOf, unitOf)) right++;
  report('recognizers-text', name, 'cases', cases.length);
  report('recognizers-text', name, 'fully_right', right / cases.length);
  const t = timeIt(cases.map(c => c.Input), run);
  report('recognizers-text', name, 'chars_per_second', t.charsPerSecond);
}

// --- TempEval-3 dev: time expressions against the TIMEX3 gold (relaxed span match, value F1).
function parseTml(xml) {
  const dct = /<DCT>\s*<TIMEX3[^>]*value="([^"]+)"/.exec(xml);
  const body = xml.slice(xml.indexOf('<TEXT>') + 6, xml.indexOf('</TEXT>'));
  let text = '', gold = [], open = null;
  const decode = s => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const re = /<(\/?)([A-Z0-9]+)([^>]*)>|([^<]+)/g;
  let m;
  while ((m = re.exec(body))) {
    if (m[4] !== undefined) { text += decode(m[4]); continue; }
    if (m[2] !== 'TIMEX3') continue;
    if (!m[1]) {
      const value = /value="([^"]*)"/.exec(m[3]);
      open = { start: text.length, value: value ? value[1] : '' };
    } else if (open) { gold.push({ ...open, end: text.length }); open = null; }
  }
  return { dct: dct ? dct[1].slice(0, 10) : null, text, gold };
}

function listTml(dir) {
  const files = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) files.push(...listTml(p)); else if (e.name.endsWith('.tml')) files.push(p);
  }
  return files.sort();
}

const pad = n => String(n).padStart(2, '0');
const iso = d => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

// Recognizers leaves an unanchored "XXXX-12-14" in the TIMEX and gives dated readings as values: the
// reading on or before the reference date is taken (the news-past rule), else the first.
function recognizersValue(r, reference) {
  const values = (r.resolution && r.resolution.values) || [];
  if (values.length === 0) return '';
  const timex = values[0].timex || '';
  if (!timex.includes('X') || values.length === 1) return values[0].value && /^\d{4}-\d\d-\d\d$/.test(values[0].value) && timex.includes('X') ? values[0].value : timex;
  const past = values.filter(v => v.value && v.value <= iso(reference));
  return (past.length ? past[past.length - 1] : values[0]).value || timex;
}

// chrono gives a date with certain and implied parts: the value is written to the most specific certain part.
function chronoValue(r) {
  const s = r.start;
  const y = s.get('year'), mo = s.get('month'), d = s.get('day');
  if (s.isCertain('hour')) return `${y}-${pad(mo)}-${pad(d)}T${pad(s.get('hour'))}:${pad(s.get('minute') || 0)}`;
  if (s.isCertain('day') || s.isCertain('weekday')) return `${y}-${pad(mo)}-${pad(d)}`;
  if (s.isCertain('month')) return `${y}-${pad(mo)}`;
  return String(y);
}

function scoreTimes(docs, find) {
  let gold = 0, system = 0, relaxed = 0, value = 0;
  for (const doc of docs) {
    const found = find(doc);
    gold += doc.gold.length; system += found.length;
    const used = new Array(doc.gold.length).fill(false);
    for (const f of found) {
      const g = doc.gold.findIndex((x, i) => !used[i] && x.start < f.end && f.start < x.end);
      if (g < 0) continue;
      used[g] = true; relaxed++;
      if (doc.gold[g].value === f.value) value++;
    }
  }
  const f1 = c => (2 * c) / (gold + system);
  return { gold, system, relaxedF1: f1(relaxed), valueF1: f1(value), valueAccuracy: relaxed ? value / relaxed : 0 };
}

const tempeval = path.join(datasets, 'tempeval3-dev');
if (fs.existsSync(tempeval)) {
  const docs = listTml(tempeval).map(f => parseTml(fs.readFileSync(f, 'utf8'))).filter(d => d.dct);
  for (const d of docs) { const [y, m, day] = d.dct.split('-').map(Number); d.reference = new Date(y, m - 1, day, 12); }
  const tools = {
    'recognizers-text': d => R.recognizeDateTime(d.text, en, undefined, d.reference)
      .map(r => ({ start: r.start, end: r.end + 1, value: recognizersValue(r, d.reference) })),
    'chrono-node': d => chrono.parse(d.text, d.reference).map(r => ({ start: r.index, end: r.index + r.text.length, value: chronoValue(r) })),
  };
  for (const [tool, find] of Object.entries(tools)) {
    const s = scoreTimes(docs, find);
    report(tool, 'tempeval3-dev', 'relaxed.f1', s.relaxedF1);
    report(tool, 'tempeval3-dev', 'value.accuracy', s.valueAccuracy);
    report(tool, 'tempeval3-dev', 'value.f1', s.valueF1);
    const t = timeIt(docs, find);
    report(tool, 'tempeval3-dev', 'chars_per_second', t.charsPerSecond);
  }
  // Times and quantities together, as Crosscheck's two stages find them: datetime, number, dimension, currency.
  const all = d => [R.recognizeDateTime(d.text, en, undefined, d.reference), R.recognizeNumber(d.text, en),
    R.recognizeDimension(d.text, en), R.recognizeCurrency(d.text, en), R.recognizePercentage(d.text, en)];
  const t = timeIt(docs, all);
  report('recognizers-text', 'tempeval3-dev', 'times+quantities_chars_per_second', t.charsPerSecond);
} else {
  console.log(`${tempeval} not present, skipped`);
}

fs.writeFileSync(path.join(__dirname, 'results.json'), JSON.stringify({ node: process.version, rounds, results: out }, null, 2));
