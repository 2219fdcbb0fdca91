#!/usr/bin/env node
// Regenerates src/engine/api/schema/data/*.ts, the compact Kubernetes v1.30 schema the API
// server uses for strict decoding, schema validation, `kubectl explain` and strategic merge.
//
// Run by a developer (never at install time): `node scripts/gen-schema.mjs`.
//
// Sources, fetched with `npm pack` into a temporary folder:
//   - kubernetes-types@1.30.0: generated from the v1.30 OpenAPI definitions; gives every
//     field, its type, whether it is required and its description.
//   - kubernetes-models@5.1.0: generated from a newer OpenAPI v3 spec that carries enums;
//     gives the `enum` values and the "Possible enum values" text that v3 (and so
//     `kubectl explain`) appends to descriptions. Applied only where the field exists in
//     v1.30 and its base description is unchanged, so newer wording never leaks in.
//   - scripts/gen-schema.overlay.json: what neither package carries — the strategic merge
//     metadata (x-kubernetes-patch-merge-key / patch-strategy / list-map-keys, from the
//     Go struct tags of k8s.io/api v1.30), int64 fields, and scalar type descriptions.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'src/engine/api/schema/data');
const overlay = JSON.parse(readFileSync(join(root, 'scripts/gen-schema.overlay.json'), 'utf8'));

function unpack(spec) {
  const dir = mkdtempSync(join(tmpdir(), 'gen-schema-'));
  const file = execFileSync('npm', ['pack', spec, '--silent'], { cwd: dir, encoding: 'utf8' }).trim().split('\n').pop();
  execFileSync('tar', ['xzf', file], { cwd: dir });
  return { dir, pkg: join(dir, 'package') };
}

/** The JSDoc text before a node, as the generator wrote it from the OpenAPI description. */
function docOf(text, node) {
  const ranges = ts.getLeadingCommentRanges(text, node.pos) ?? [];
  const r = ranges.filter((c) => text.slice(c.pos, c.pos + 3) === '/**').pop();
  if (!r) return undefined;
  const raw = text.slice(r.pos + 3, r.end - 2);
  if (!raw.includes('\n')) return raw.trim();
  const lines = raw.split('\n').slice(1, -1).map((l) => l.replace(/^\s*\* ?/, ''));
  return lines.join('\n');
}

// kubernetes-types module path -> OpenAPI definition prefix.
function prefixFor(modPath) {
  if (modPath === 'meta/v1') return 'io.k8s.apimachinery.pkg.apis.meta.v1';
  if (modPath === 'api/resource') return 'io.k8s.apimachinery.pkg.api.resource';
  if (modPath === 'runtime') return 'io.k8s.apimachinery.pkg.runtime';
  return `io.k8s.api.${modPath.replace('/', '.')}`;
}

const defs = new Map();

function parseTypes(pkg) {
  const files = [];
  const walk = (d, rel) => {
    for (const f of readdirSync(d, { withFileTypes: true })) {
      if (f.isDirectory()) walk(join(d, f.name), rel ? `${rel}/${f.name}` : f.name);
      else if (f.name.endsWith('.d.ts')) files.push([join(d, f.name), (rel ? `${rel}/` : '') + f.name.slice(0, -5)]);
    }
  };
  walk(pkg, '');
  for (const [file, modPath] of files) {
    const text = readFileSync(file, 'utf8');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
    const imports = new Map();
    const prefix = prefixFor(modPath);
    for (const st of sf.statements) {
      if (ts.isImportDeclaration(st)) {
        const from = st.moduleSpecifier.text;
        const target = join(dirname(modPath), from).replace(/\\/g, '/');
        for (const el of st.importClause?.namedBindings?.elements ?? []) imports.set(el.name.text, prefixFor(target));
      }
    }
    const typeExpr = (node) => {
      if (node.kind === ts.SyntaxKind.StringKeyword) return 'string';
      if (node.kind === ts.SyntaxKind.NumberKeyword) return 'integer';
      if (node.kind === ts.SyntaxKind.BooleanKeyword) return 'boolean';
      if (ts.isLiteralTypeNode(node)) return 'string';
      if (ts.isUnionTypeNode(node)) {
        const kinds = node.types.map((t) => t.getText(sf)).sort().join('|');
        if (kinds === 'number|string') return '@io.k8s.apimachinery.pkg.util.intstr.IntOrString';
        throw new Error(`union ${kinds}`);
      }
      if (ts.isTypeReferenceNode(node)) {
        const name = node.typeName.getText(sf);
        if (name === 'Array') return `[]${typeExpr(node.typeArguments[0])}`;
        return `@${imports.get(name) ?? prefix}.${name}`;
      }
      if (ts.isTypeLiteralNode(node)) {
        const idx = node.members[0];
        if (idx && ts.isIndexSignatureDeclaration(idx)) return `map[string]${typeExpr(idx.type)}`;
        return 'object';
      }
      throw new Error(`type ${node.getText(sf)} in ${modPath}`);
    };
    for (const st of sf.statements) {
      if (ts.isInterfaceDeclaration(st)) {
        const def = { d: docOf(text, st), p: {}, r: [] };
        for (const m of st.members) {
          if (!ts.isPropertySignature(m)) continue;
          const name = m.name.getText(sf).replace(/^"|"$/g, '');
          def.p[name] = { t: typeExpr(m.type), d: docOf(text, m) };
          if (!m.questionToken) def.r.push(name);
          const lit = m.type && ts.isLiteralTypeNode(m.type) ? m.type.literal.text : undefined;
          if (name === 'kind' && lit) def.kind = lit;
          if (name === 'apiVersion' && lit) def.apiVersion = lit;
        }
        defs.set(`${prefix}.${st.name.text}`, def);
      } else if (ts.isTypeAliasDeclaration(st)) {
        const scalar = st.name.text === 'Quantity' ? 'quantity' : 'string';
        defs.set(`${prefix}.${st.name.text}`, { d: docOf(text, st), s: scalar, ...(scalar === 'string' ? { f: 'date-time' } : {}) });
      }
    }
  }
}

// kubernetes-models: folder per group -> { "Name": { field: {enum, doc} } }
function parseEnums(pkg) {
  const out = new Map();
  const groupPrefix = (folder) => {
    if (folder === 'v1') return 'io.k8s.api.core.v1';
    const [g, v] = folder.split('/');
    return `io.k8s.api.${g.replace(/\.k8s\.io$/, '').replace(/\.authorization$/, '')}.${v}`;
  };
  const folders = [];
  for (const g of readdirSync(pkg, { withFileTypes: true })) {
    if (!g.isDirectory() || g.name.startsWith('_') || g.name === 'node_modules') continue;
    if (g.name === 'v1') folders.push('v1');
    else for (const v of readdirSync(join(pkg, g.name), { withFileTypes: true })) if (v.isDirectory()) folders.push(`${g.name}/${v.name}`);
  }
  for (const folder of folders) {
    let prefix = groupPrefix(folder);
    if (folder.startsWith('rbac.authorization.k8s.io')) prefix = `io.k8s.api.rbac.${folder.split('/')[1]}`;
    for (const f of readdirSync(join(pkg, folder))) {
      if (!f.endsWith('.d.ts')) continue;
      const text = readFileSync(join(pkg, folder, f), 'utf8');
      const sf = ts.createSourceFile(f, text, ts.ScriptTarget.ES2022, true);
      for (const st of sf.statements) {
        if (!ts.isInterfaceDeclaration(st) || !/^I[A-Z]/.test(st.name.text)) continue;
        const defName = `${prefix}.${st.name.text.slice(1)}`;
        for (const m of st.members) {
          if (!ts.isPropertySignature(m) || !m.type) continue;
          const doc = docOf(text, m) ?? '';
          const at = doc.indexOf('\n\nPossible enum values:');
          if (at < 0) continue;
          let t = m.type;
          if (ts.isTypeReferenceNode(t) && t.typeName.getText(sf) === 'Array') t = t.typeArguments[0];
          const values = ts.isUnionTypeNode(t) ? t.types : [t];
          const lits = values.filter((v) => ts.isLiteralTypeNode(v)).map((v) => v.literal.text);
          if (!lits.length) continue;
          const name = m.name.getText(sf).replace(/^"|"$/g, '');
          out.set(`${defName}#${name}`, { base: doc.slice(0, at), suffix: doc.slice(at), values: lits });
        }
      }
    }
  }
  return out;
}

const types = unpack('kubernetes-types@1.30.0');
const models = unpack('kubernetes-models@5.1.0');
try {
  parseTypes(types.pkg);
  const enums = parseEnums(models.pkg);

  defs.set('io.k8s.apimachinery.pkg.util.intstr.IntOrString', { d: overlay.scalars.IntOrString, s: 'int-or-string' });

  // Kinds served by discovery (src/engine/api/discovery.ts), as group/version/Kind.
  const discovery = readFileSync(join(root, 'src/engine/api/discovery.ts'), 'utf8');
  const rows = [...discovery.matchAll(/\['(\w+)', '\w+', '([A-Z]\w+)', '([\w.]*)', '(\w+)'/g)].map((m) => ({ kind: m[2], group: m[3], version: m[4] }));
  const extra = [{ kind: 'HorizontalPodAutoscaler', group: 'autoscaling', version: 'v1' }];
  const gvkDefs = new Map();
  for (const r of [...rows, ...extra]) {
    const g = r.group.replace(/\.k8s\.io$/, '').replace(/^rbac\.authorization$/, 'rbac');
    const name = `io.k8s.api.${g || 'core'}.${r.version}.${r.kind}`;
    if (!defs.has(name)) throw new Error(`no definition for ${name}`);
    gvkDefs.set(name, [r.group, r.version, r.kind]);
  }

  // Transitive closure from the served kinds.
  const keep = new Set();
  const visit = (name) => {
    if (keep.has(name)) return;
    const def = defs.get(name);
    if (!def) throw new Error(`missing ${name}`);
    keep.add(name);
    for (const p of Object.values(def.p ?? {})) {
      const ref = p.t.replace(/^(\[\]|map\[string\])+/, '');
      if (ref.startsWith('@')) visit(ref.slice(1));
    }
  };
  for (const n of gvkDefs.keys()) visit(n);

  let applied = 0;
  const files = new Map();
  for (const name of [...keep].sort()) {
    const def = defs.get(name);
    const out = {};
    if (def.d) out.d = def.d;
    if (def.s) out.s = def.s;
    if (def.f) out.f = def.f;
    if (gvkDefs.has(name)) out.gvk = gvkDefs.get(name);
    if (def.p) {
      out.p = {};
      for (const [field, prop] of Object.entries(def.p)) {
        const p = { t: prop.t };
        if (prop.d) p.d = prop.d;
        const en = enums.get(`${name}#${field}`);
        if (en) {
          // Newer releases added values to a few enums (Toleration operators Gt/Lt); the overlay
          // pins the v1.30 set and the "Possible enum values" lines are filtered to match.
          const only = overlay.enumValues[`${name.split('.').slice(-3).join('.')}#${field}`];
          const values = only ?? en.values;
          const suffix = en.suffix.split('\n').filter((l) => !l.startsWith(' - `"') || values.some((v) => l.startsWith(` - \`"${v}"\``))).join('\n');
          p.d = (prop.d ?? '') + suffix;
          if (prop.t.startsWith('[]')) p.ie = values;
          else p.e = values;
          applied++;
        }
        const meta = overlay.patch[`${name.split('.').slice(-3).join('.')}#${field}`];
        if (meta) Object.assign(p, meta);
        if (overlay.int64.includes(`${name.split('.').pop()}#${field}`) || overlay.int64.includes(`*#${field}`)) {
          if (prop.t === 'integer' || prop.t === '[]integer') p.f = 'int64';
        }
        out.p[field] = p;
      }
      if (def.r.length) out.r = def.r;
    }
    const file = fileFor(name);
    if (!files.has(file)) files.set(file, []);
    files.get(file).push([name, out]);
  }

  mkdirSync(outDir, { recursive: true });
  let total = 0;
  for (const [file, entries] of files) {
    const body = entries.map(([n, d]) => `  ${JSON.stringify(n)}: ${JSON.stringify(JSON.stringify(d))},`).join('\n');
    const src = `// Generated by scripts/gen-schema.mjs from the Kubernetes v1.30 OpenAPI definitions. Do not edit.\n// Each definition is a JSON string, parsed only when first used (start-up stays fast).\nconst defs: Record<string, string> = {\n${body}\n};\nexport default defs;\n`;
    writeFileSync(join(outDir, `${file}.ts`), src);
    total += src.length;
  }
  const index = `// Generated by scripts/gen-schema.mjs. Do not edit.\n${[...files.keys()].map((f) => `import ${ident(f)} from './${f}.js';`).join('\n')}\n\n/** Every definition's JSON text, by OpenAPI name; parse lazily. */\nexport const DEFINITION_SOURCES: readonly Record<string, string>[] = [${[...files.keys()].map(ident).join(', ')}];\n`;
  writeFileSync(join(outDir, 'index.ts'), index);
  // GEN_SCHEMA_DEBUG=1 lists enum fields whose description changed after v1.30, to review the overlay.
  if (process.env.GEN_SCHEMA_DEBUG) for (const name of keep) for (const [field, prop] of Object.entries(defs.get(name).p ?? {})) { const en = enums.get(`${name}#${field}`); if (en && en.base !== prop.d) console.error(`MISMATCH ${name}#${field} ${JSON.stringify(en.values)}\n  130: ${prop.d}\n  new: ${en.base}\n  suffix: ${en.suffix}`); }
  console.log(`${keep.size} definitions, ${applied} enums, ${files.size} files, ${total} bytes`);
} finally {
  rmSync(types.dir, { recursive: true, force: true });
  rmSync(models.dir, { recursive: true, force: true });
}

function fileFor(name) {
  if (name.startsWith('io.k8s.apimachinery.')) return 'apimachinery';
  const parts = name.split('.');
  return `${parts[3]}-${parts[4]}`;
}

function ident(f) {
  return f.replace(/-(\w)/g, (_, c) => c.toUpperCase());
}

if (!existsSync(outDir)) process.exit(1);
