// Regenerates src/kubectl/commands/write/specs/*.ts from the real binary:
//   node test/kubectl/commands/write/scrape-help.mjs src/kubectl/commands/write/specs
// Scrapes `kubectl <path> --help` into CommandSpec data (flags, texts) for the write verbs.
import { execFileSync } from 'node:child_process';
const help = (p) => execFileSync('/usr/bin/kubectl', [...p.split(' '), '--help'], { encoding: 'utf8', env: { ...process.env, KUBECONFIG: '/dev/null' } });

const SLICE = new Set(['filename', 'verb', 'resource', 'non-resource-url', 'from-file', 'from-env-file', 'tcp', 'prune-allowlist']);
const SLICE_BY_CMD = { 'create deployment': ['image'] };
const INT32 = { 'create deployment': ['replicas', 'port'], autoscale: ['min', 'max', 'cpu-percent'], 'create job': [], 'create cronjob': [] };
const NOOPT = { 'dry-run': 'unchanged', validate: 'strict', cascade: 'background' };
const MAP = new Set(['aggregation-rule']);

function parse(path) {
  const text = help(path);
  const lines = text.split('\n');
  const sections = {};
  let current = 'long';
  sections[current] = [];
  for (const line of lines) {
    const m = /^(Aliases|Examples|Options|Usage|Available Commands):$/.exec(line);
    if (m) { current = m[1]; sections[current] = []; continue; }
    if (/^Use "kubectl/.test(line) && (current === 'Usage' || current === 'Available Commands')) continue;
    sections[current].push(line);
  }
  const trim = (arr) => arr.join('\n').replace(/\s+$/, '').replace(/^\n+/, '');
  const out = { path, long: trim(sections.long) };
  if (sections.Aliases) out.aliases = trim(sections.Aliases).split(', ').slice(1);
  if (sections.Examples) out.example = trim(sections.Examples);
  const parentWords = path.split(' ').slice(0, -1).join(' ');
  const usage = trim(sections.Usage ?? []).trim().replace(/^kubectl /, '').replace(/ \[options\]$/, '');
  out.use = parentWords ? usage.slice(parentWords.length + 1) : usage;
  if (sections['Available Commands']) out.children = trim(sections['Available Commands']).split('\n').map((l) => { const m = /^\s+(\S+)\s+(.*)$/.exec(l); return { name: m[1], short: m[2] }; });
  const flags = [];
  const opt = sections.Options ?? [];
  for (let i = 0; i < opt.length; i++) {
    const m = /^    (?:-(\w), )?--([\w-]+)=(.*):$/.exec(opt[i]);
    if (!m) continue;
    const usageText = opt[i + 1].replace(/^\t/, '');
    const [, short, name, def] = m;
    const f = { name };
    if (short) f.short = short;
    if (def.startsWith("'")) { f.type = 'string'; const d = def.slice(1, -1); if (d) f.default = d; }
    else if (def === 'true' || def === 'false') { f.type = 'bool'; if (def === 'true') f.default = true; }
    else if (def === '[]') f.type = SLICE.has(name) || (SLICE_BY_CMD[path] ?? []).includes(name) ? 'stringSlice' : 'stringArray';
    else if (def === '' && MAP.has(name)) { f.type = 'stringToString'; f.defaultText = ''; }
    else if (/^-?\d+$/.test(def)) { f.type = (INT32[path] ?? []).includes(name) ? 'int32' : 'int'; if (def !== '0') f.default = Number(def); }
    else if (/^[\dhms.]+$/.test(def)) { f.type = 'duration'; f.default = dur(def); }
    else throw new Error(`${path}: ${opt[i]}`);
    if (NOOPT[name] && f.type === 'string') f.noOptDefault = NOOPT[name];
    f.usage = usageText;
    flags.push(f);
  }
  out.flags = flags;
  return out;
}
function dur(s) { let ms = 0; for (const [, n, u] of s.matchAll(/([\d.]+)(h|m|s)/g)) ms += Number(n) * { h: 3600000, m: 60000, s: 1000 }[u]; return ms; }

const top = help('').split('\n');
const shortOf = {};
for (const l of top) { const m = /^  (\S+)\s{2,}(.*)$/.exec(l); if (m) shortOf[m[1]] = m[2]; }

const q = (s) => JSON.stringify(s);
const tpl = (s) => '`' + s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
function emit(spec, short, childrenVars) {
  const name = spec.path.split(' ').pop();
  let s = `{\n  name: ${q(name)},\n`;
  if (spec.aliases?.length) s += `  aliases: ${JSON.stringify(spec.aliases)},\n`;
  s += `  use: ${q(spec.use)},\n  short: ${q(short)},\n`;
  if (spec.long) s += `  long: ${tpl(spec.long)},\n`;
  if (spec.example) s += `  example: ${tpl(spec.example)},\n`;
  if (spec.flags.length) s += `  flags: [\n${spec.flags.map((f) => '    { ' + Object.entries(f).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(', ') + ' },').join('\n')}\n  ],\n`;
  if (childrenVars) s += `  subcommands: [${childrenVars.join(', ')}],\n`;
  return s + '}';
}
const camel = (p) => p.split(/[ -]/).map((w, i) => (i ? w[0].toUpperCase() + w.slice(1) : w)).join('') + 'Spec';

function generate(roots, header) {
  let out = header;
  const visit = (path, short) => {
    const spec = parse(path);
    const kids = (spec.children ?? []).map((c) => visit(`${path} ${c.name}`, c.short));
    const v = camel(path);
    out += `\n/** \`kubectl ${path}\`. */\nexport const ${v}: CommandSpec = ${emit(spec, short, kids.length ? kids : undefined)};\n`;
    return v;
  };
  for (const r of roots) visit(r, shortOf[r]);
  return out;
}
const header = (what) => `/**\n * ${what}: flags, help texts and usage lines as \`kubectl <verb> --help\` prints them\n * (scraped from the real binary; types of list and int flags follow kubectl's source).\n */\nimport type { CommandSpec } from '../../../args/command.js';\n`;
const fs = await import('node:fs');
const dir = process.argv[2];
fs.writeFileSync(`${dir}/create.ts`, generate(['create'], header('`kubectl create` and its generators')));
fs.writeFileSync(`${dir}/set.ts`, generate(['set'], header('`kubectl set` and its subcommands')));
fs.writeFileSync(`${dir}/apply.ts`, generate(['apply'], header('`kubectl apply` and its subcommands')));
fs.writeFileSync(`${dir}/verbs.ts`, generate(['run', 'expose', 'delete', 'edit', 'patch', 'replace', 'label', 'annotate', 'diff', 'scale', 'autoscale'], header('The other write verbs')));
