/**
 * Scenario transcripts: every test/scenarios/<name>.sh runs on a fresh default cluster
 * with a fixed seed and must print exactly test/scenarios/<name>.transcript. Each
 * accepted transcript was read line by line against the reference and real kubectl.
 * `UPDATE_TRANSCRIPTS=1 npx vitest run test/scenarios` rewrites them — read the diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { nodeIO } from '../../src/cli/node-io.js';
import { runScript } from '../../src/script/run.js';

const here = dirname(fileURLToPath(import.meta.url));
const SEED = 7;
const update = process.env.UPDATE_TRANSCRIPTS === '1';
const scripts = readdirSync(here)
  .filter((f) => f.endsWith('.sh'))
  .map((f) => f.slice(0, -3))
  .sort();

function transcriptOf(name: string): string {
  const run = runScript(readFileSync(join(here, `${name}.sh`), 'utf8'), { seed: SEED, cwd: here });
  if (!run.ok) throw new Error(`${name}.sh: ${run.error}`);
  return run.transcript;
}

describe('scenario transcripts', () => {
  it('has scenarios to run', () => {
    expect(scripts.length).toBeGreaterThan(0);
  });

  it.each(scripts)('%s.sh prints its .transcript byte for byte', (name) => {
    const actual = transcriptOf(name);
    const file = join(here, `${name}.transcript`);
    if (update) writeFileSync(file, actual);
    expect(existsSync(file), `${name}.transcript is missing: run with UPDATE_TRANSCRIPTS=1 and read it`).toBe(true);
    expect(actual).toBe(readFileSync(file, 'utf8'));
  });
});

describe('determinism', () => {
  it.each(scripts)('%s.sh gives the same bytes on a second run', (name) => {
    expect(transcriptOf(name)).toBe(transcriptOf(name));
  });
});

describe('kubetutor script', () => {
  it('prints the same transcript from the command line, with manifests read beside the script', async () => {
    let stdout = '';
    const io = { ...nodeIO(), stdout: (t: string) => (stdout += t), stderr: (t: string) => (stdout += t) };
    expect(await main(['script', join(here, 'declarative.sh'), '--seed', String(SEED)], io)).toBe(0);
    expect(stdout).toBe(readFileSync(join(here, 'declarative.transcript'), 'utf8'));
  });

  it('gives different generated names for a different seed', () => {
    const text = readFileSync(join(here, 'crashloop.sh'), 'utf8');
    const other = runScript(text, { seed: SEED + 1, cwd: here });
    expect(other.ok && other.transcript).not.toBe(transcriptOf('crashloop'));
  });
});
