/**
 * Finds (and on our own kind of machine, installs) the Chromium that `npm start` and the
 * end-to-end tests drive. Playwright's own browser download is not reachable from our
 * machines, and a fresh machine has no browser at all, so the README's two commands must be
 * able to bring Debian's `chromium` themselves.
 *
 * The decision is pure (`planChromium`); the effects (looking at files, running apt-get) are
 * passed in, so it is tested without touching the machine.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/** Where Debian and Ubuntu put their Chromium; `CHROMIUM_PATH` overrides it. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** Google Chrome ignores `--load-extension` from this major version on. */
export const CHROME_LOAD_EXTENSION_REMOVED_IN = 137;

export interface MachineFacts {
  /** `CHROMIUM_PATH` as set, if it is. */
  chromiumPathFromEnv?: string;
  exists(path: string): boolean;
  /** The text of /etc/os-release, or '' when there is none. */
  osRelease: string;
  platform: NodeJS.Platform;
  isRoot: boolean;
}

export type ChromiumPlan =
  | { kind: 'use'; path: string }
  | { kind: 'install'; path: string; command: string[] }
  | { kind: 'missing'; path: string; advice: string };

/** True on Debian, Ubuntu and their derivatives, where `apt-get install chromium` gives our browser. */
export function isDebianLike(osRelease: string): boolean {
  const ids = /^(?:ID|ID_LIKE)=(.*)$/gm;
  for (const match of osRelease.matchAll(ids)) {
    const names = (match[1] ?? '').replace(/["']/g, '').split(/\s+/);
    if (names.includes('debian') || names.includes('ubuntu')) return true;
  }
  return false;
}

/**
 * What to do to have a Chromium: use the one there, install Debian's as root on Debian or
 * Ubuntu, or tell the user the exact command for their system.
 * @example planChromium({ exists: () => true, osRelease: '', platform: 'linux', isRoot: false }) // { kind: 'use', path: '/usr/bin/chromium' }
 */
export function planChromium(facts: MachineFacts): ChromiumPlan {
  const path = facts.chromiumPathFromEnv || DEFAULT_CHROMIUM_PATH;
  if (facts.exists(path)) return { kind: 'use', path };
  if (facts.chromiumPathFromEnv) {
    return { kind: 'missing', path, advice: `CHROMIUM_PATH is set to ${path}, but there is no browser there. Point it at a Chromium, or unset it.` };
  }
  const debian = facts.platform === 'linux' && isDebianLike(facts.osRelease);
  if (debian && facts.isRoot) return { kind: 'install', path, command: ['apt-get', 'install', '-y', '-q', 'chromium'] };
  return { kind: 'missing', path, advice: installAdvice(facts.platform, debian) };
}

function installAdvice(platform: NodeJS.Platform, debian: boolean): string {
  const setPath = 'then run the command again';
  if (debian) return `Chromium is not installed. Install it with: sudo apt-get install -y chromium, ${setPath}.`;
  if (platform === 'darwin') {
    return `Chromium was not found. Install it with: brew install --cask chromium, then run: CHROMIUM_PATH="/Applications/Chromium.app/Contents/MacOS/Chromium" npm start (or npm test).`;
  }
  if (platform === 'win32') {
    return 'Chromium was not found. Install it with: winget install Hibbiki.Chromium, then set CHROMIUM_PATH to its chrome.exe and run the command again.';
  }
  if (platform === 'linux') {
    return `Chromium was not found. Install your distribution's chromium package (Fedora: sudo dnf install chromium; Arch: sudo pacman -S chromium), and set CHROMIUM_PATH if it is not at ${DEFAULT_CHROMIUM_PATH}.`;
  }
  return `Chromium was not found. Install Chromium and set CHROMIUM_PATH to its executable, ${setPath}.`;
}

/**
 * A warning when the browser is branded Google Chrome 137 or later, which ignores
 * `--load-extension`: the extension would silently not be there.
 * @example brandedChromeWarning('Google Chrome 140.0.7339.80') // 'Google Chrome 140 ignores…'
 */
export function brandedChromeWarning(versionText: string): string | null {
  const match = /Google Chrome\s+(\d+)\./.exec(versionText);
  if (!match) return null;
  const major = Number(match[1]);
  if (major < CHROME_LOAD_EXTENSION_REMOVED_IN) return null;
  return (
    `Google Chrome ${major} ignores --load-extension, so the extension would not be loaded. ` +
    `Point CHROMIUM_PATH at Chromium instead (Debian: apt-get install chromium), or load .output/chrome-mv3-local ` +
    `yourself from chrome://extensions (Developer mode → Load unpacked).`
  );
}

/** The facts of this machine. */
export function thisMachine(): MachineFacts {
  return {
    chromiumPathFromEnv: process.env.CHROMIUM_PATH,
    exists: existsSync,
    osRelease: existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '',
    platform: process.platform,
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
  };
}

/**
 * Returns the path of a usable Chromium, installing Debian's package first when this is a
 * Debian or Ubuntu machine and we run as root (as on our CI). Throws with the exact command
 * for the user's system otherwise.
 */
export function ensureChromium(log: (line: string) => void = console.log): string {
  const plan = planChromium(thisMachine());
  if (plan.kind === 'missing') throw new Error(plan.advice);
  if (plan.kind === 'install') {
    log(`Chromium is not installed; installing Debian's chromium package (${plan.command.join(' ')})…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
    const install = spawnSync(plan.command[0] ?? 'apt-get', plan.command.slice(1), { stdio: 'inherit', env });
    if (install.status !== 0 || !existsSync(plan.path)) {
      throw new Error(`Installing Chromium failed (apt-get exit ${install.status}). Run: apt-get install -y chromium, then try again.`);
    }
    log(`Installed Chromium at ${plan.path}.`);
  }
  const warning = brandedChromeWarning(versionOf(plan.path));
  if (warning) log(`Warning: ${warning}`);
  return plan.path;
}

function versionOf(path: string): string {
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  } catch {
    return '';
  }
}
