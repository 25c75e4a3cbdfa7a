/**
 * Finds (and on our own kind of machine, installs) the browsers the end-to-end tests drive:
 * Chromium (also for `npm start`) and Firefox ESR (the Firefox suite). Playwright's own browser
 * download is not reachable from our machines, and a fresh machine has no browser at all, so
 * the README's commands must be able to bring Debian's `chromium` and `firefox-esr` themselves.
 *
 * The decision is pure (`planChromium`, `planFirefox`); the effects (looking at files, running
 * apt-get) are passed in, so it is tested without touching the machine.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/** Where Debian and Ubuntu put their Chromium; `CHROMIUM_PATH` overrides it. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** Where Debian puts Firefox ESR; `FIREFOX_PATH` overrides it. */
export const DEFAULT_FIREFOX_PATH = '/usr/bin/firefox-esr';

/** Google Chrome ignores `--load-extension` from this major version on. */
export const CHROME_LOAD_EXTENSION_REMOVED_IN = 137;

export interface MachineFacts {
  /** `CHROMIUM_PATH` as set, if it is. */
  chromiumPathFromEnv?: string;
  /** `FIREFOX_PATH` as set, if it is. */
  firefoxPathFromEnv?: string;
  exists(path: string): boolean;
  /** The text of /etc/os-release, or '' when there is none. */
  osRelease: string;
  platform: NodeJS.Platform;
  isRoot: boolean;
}

export type BrowserPlan =
  | { kind: 'use'; path: string }
  | { kind: 'install'; path: string; command: string[] }
  | { kind: 'missing'; path: string; advice: string };

export type ChromiumPlan = BrowserPlan;

/** True on Debian, Ubuntu and their derivatives, where `apt-get install chromium` gives our browser. */
export function isDebianLike(osRelease: string): boolean {
  const ids = /^(?:ID|ID_LIKE)=(.*)$/gm;
  for (const match of osRelease.matchAll(ids)) {
    const names = (match[1] ?? '').replace(/["']/g, '').split(/\s+/);
    if (names.includes('debian') || names.includes('ubuntu')) return true;
  }
  return false;
}

/** What differs between the browsers we find or install. */
interface BrowserSpec {
  label: string;
  envVar: 'CHROMIUM_PATH' | 'FIREFOX_PATH';
  defaultPath: string;
  debianPackage: string;
  pathFromEnv(facts: MachineFacts): string | undefined;
  /** The install command for a system we do not install on ourselves. */
  advice(platform: NodeJS.Platform, debian: boolean): string;
}

const CHROMIUM: BrowserSpec = {
  label: 'Chromium',
  envVar: 'CHROMIUM_PATH',
  defaultPath: DEFAULT_CHROMIUM_PATH,
  debianPackage: 'chromium',
  pathFromEnv: (facts) => facts.chromiumPathFromEnv,
  advice: chromiumAdvice,
};

const FIREFOX: BrowserSpec = {
  label: 'Firefox ESR',
  envVar: 'FIREFOX_PATH',
  defaultPath: DEFAULT_FIREFOX_PATH,
  debianPackage: 'firefox-esr',
  pathFromEnv: (facts) => facts.firefoxPathFromEnv,
  advice: firefoxAdvice,
};

function planBrowser(spec: BrowserSpec, facts: MachineFacts): BrowserPlan {
  const fromEnv = spec.pathFromEnv(facts);
  const path = fromEnv || spec.defaultPath;
  if (facts.exists(path)) return { kind: 'use', path };
  if (fromEnv) {
    return { kind: 'missing', path, advice: `${spec.envVar} is set to ${path}, but there is no browser there. Point it at ${spec.label}, or unset it.` };
  }
  const debian = facts.platform === 'linux' && isDebianLike(facts.osRelease);
  if (debian && facts.isRoot) return { kind: 'install', path, command: ['apt-get', 'install', '-y', '-q', spec.debianPackage] };
  return { kind: 'missing', path, advice: spec.advice(facts.platform, debian) };
}

/**
 * What to do to have a Chromium: use the one there, install Debian's as root on Debian or
 * Ubuntu, or tell the user the exact command for their system.
 * @example planChromium({ exists: () => true, osRelease: '', platform: 'linux', isRoot: false }) // { kind: 'use', path: '/usr/bin/chromium' }
 */
export function planChromium(facts: MachineFacts): ChromiumPlan {
  return planBrowser(CHROMIUM, facts);
}

/**
 * The same for Firefox ESR (the Firefox end-to-end suite): Debian's `firefox-esr` as root on
 * Debian-like systems, otherwise the command for the user's system.
 * @example planFirefox({ exists: () => true, osRelease: '', platform: 'linux', isRoot: false }) // { kind: 'use', path: '/usr/bin/firefox-esr' }
 */
export function planFirefox(facts: MachineFacts): BrowserPlan {
  return planBrowser(FIREFOX, facts);
}

function chromiumAdvice(platform: NodeJS.Platform, debian: boolean): string {
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

function firefoxAdvice(platform: NodeJS.Platform, debian: boolean): string {
  if (debian) return 'Firefox ESR is not installed. Install it with: sudo apt-get install -y firefox-esr, then run the command again.';
  if (platform === 'darwin') {
    return 'Firefox ESR was not found. Install it with: brew install --cask firefox@esr, then run: FIREFOX_PATH="/Applications/Firefox.app/Contents/MacOS/firefox" npm test.';
  }
  if (platform === 'win32') {
    return 'Firefox ESR was not found. Install it with: winget install Mozilla.Firefox.ESR, then set FIREFOX_PATH to its firefox.exe and run the command again.';
  }
  return `Firefox was not found. Install your distribution's Firefox (Fedora: sudo dnf install firefox; Arch: sudo pacman -S firefox-esr), and set FIREFOX_PATH if it is not at ${DEFAULT_FIREFOX_PATH}.`;
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
    firefoxPathFromEnv: process.env.FIREFOX_PATH,
    exists: existsSync,
    osRelease: existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '',
    platform: process.platform,
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
  };
}

function ensureBrowser(spec: BrowserSpec, plan: BrowserPlan, log: (line: string) => void): string {
  if (plan.kind === 'missing') throw new Error(plan.advice);
  if (plan.kind === 'install') {
    log(`${spec.label} is not installed; installing Debian's ${spec.debianPackage} package (${plan.command.join(' ')})…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
    const install = spawnSync(plan.command[0] ?? 'apt-get', plan.command.slice(1), { stdio: 'inherit', env });
    if (install.status !== 0 || !existsSync(plan.path)) {
      throw new Error(`Installing ${spec.label} failed (apt-get exit ${install.status}). Run: apt-get install -y ${spec.debianPackage}, then try again.`);
    }
    log(`Installed ${spec.label} at ${plan.path}.`);
  }
  return plan.path;
}

/**
 * Returns the path of a usable Chromium, installing Debian's package first when this is a
 * Debian or Ubuntu machine and we run as root (as on our CI). Throws with the exact command
 * for the user's system otherwise.
 */
export function ensureChromium(log: (line: string) => void = console.log): string {
  const path = ensureBrowser(CHROMIUM, planChromium(thisMachine()), log);
  const warning = brandedChromeWarning(versionOf(path));
  if (warning) log(`Warning: ${warning}`);
  return path;
}

/** The same for Firefox ESR, which the Firefox end-to-end suite drives. */
export function ensureFirefox(log: (line: string) => void = console.log): string {
  return ensureBrowser(FIREFOX, planFirefox(thisMachine()), log);
}

function versionOf(path: string): string {
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  } catch {
    return '';
  }
}
