import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Key files made at test time by the real tools users run (openssl, ssh-keygen), so the
 * importer is tested against what those tools write today, not against checked-in samples.
 */
export interface KeyFixtures {
  dir: string;
  path(name: string): string;
  read(name: string): string;
  /** Runs a command in the fixture directory and returns stdout. */
  run(command: string, args: string[]): string;
  cleanup(): void;
}

export function createKeyFixtures(): KeyFixtures {
  const dir = mkdtempSync(join(tmpdir(), 'mdi-keys-'));
  const path = (name: string) => join(dir, name);
  return {
    dir,
    path,
    read: (name) => readFileSync(path(name), 'utf8'),
    run: (command, args) => execFileSync(command, args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
