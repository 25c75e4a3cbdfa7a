import { describe, expect, it } from 'vitest';
import { brandedChromeWarning, isDebianLike, planChromium, planFirefox, type MachineFacts } from '@/scripts/browser-setup';

const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n';
const UBUNTU = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n';
const MINT = 'NAME="Linux Mint"\nID=linuxmint\nID_LIKE="ubuntu debian"\n';
const FEDORA = 'NAME="Fedora Linux"\nID=fedora\n';

function machine(overrides: Partial<MachineFacts>): MachineFacts {
  return { exists: () => false, osRelease: DEBIAN, platform: 'linux', isRoot: true, ...overrides };
}

describe('finding Chromium for npm start and the e2e tests', () => {
  it('uses the Chromium that is there', () => {
    expect(planChromium(machine({ exists: (p) => p === '/usr/bin/chromium' }))).toEqual({ kind: 'use', path: '/usr/bin/chromium' });
  });

  it('installs Debian’s chromium as root on Debian, Ubuntu and their derivatives', () => {
    for (const osRelease of [DEBIAN, UBUNTU, MINT]) {
      const plan = planChromium(machine({ osRelease }));
      expect(plan).toMatchObject({ kind: 'install', path: '/usr/bin/chromium' });
      expect(plan.kind === 'install' && plan.command).toEqual(['apt-get', 'install', '-y', '-q', 'chromium']);
    }
  });

  it('tells a non-root Debian user the sudo command instead of installing', () => {
    const plan = planChromium(machine({ isRoot: false }));
    expect(plan.kind).toBe('missing');
    expect(plan.kind === 'missing' && plan.advice).toContain('sudo apt-get install -y chromium');
  });

  it('prints the exact command for macOS, Windows and other Linux systems', () => {
    const advice = (facts: Partial<MachineFacts>) => {
      const plan = planChromium(machine(facts));
      return plan.kind === 'missing' ? plan.advice : '';
    };
    expect(advice({ platform: 'darwin', osRelease: '' })).toContain('brew install --cask chromium');
    expect(advice({ platform: 'win32', osRelease: '' })).toContain('winget install');
    expect(advice({ osRelease: FEDORA })).toContain('sudo dnf install chromium');
  });

  it('never installs over a CHROMIUM_PATH that points nowhere; it says so', () => {
    const plan = planChromium(machine({ chromiumPathFromEnv: '/opt/none/chrome' }));
    expect(plan).toMatchObject({ kind: 'missing', path: '/opt/none/chrome' });
    expect(plan.kind === 'missing' && plan.advice).toContain('CHROMIUM_PATH is set to /opt/none/chrome');
  });

  it('recognises Debian-like systems from /etc/os-release', () => {
    expect(isDebianLike(DEBIAN)).toBe(true);
    expect(isDebianLike(MINT)).toBe(true);
    expect(isDebianLike(FEDORA)).toBe(false);
    expect(isDebianLike('')).toBe(false);
  });

  it('warns that Google Chrome 137 and later ignore --load-extension', () => {
    expect(brandedChromeWarning('Google Chrome 140.0.7339.80 \n')).toContain('Google Chrome 140 ignores --load-extension');
    expect(brandedChromeWarning('Google Chrome 136.0.7103.92')).toBeNull();
    expect(brandedChromeWarning('Chromium 156.0.8078.114 built on Debian GNU/Linux 12 (bookworm)')).toBeNull();
  });
});

describe('finding Firefox ESR for the Firefox end-to-end suite', () => {
  it('uses the Firefox ESR that is there, or the one FIREFOX_PATH names', () => {
    expect(planFirefox(machine({ exists: (p) => p === '/usr/bin/firefox-esr' }))).toEqual({ kind: 'use', path: '/usr/bin/firefox-esr' });
    expect(planFirefox(machine({ firefoxPathFromEnv: '/opt/ff/firefox', exists: (p) => p === '/opt/ff/firefox' }))).toEqual({ kind: 'use', path: '/opt/ff/firefox' });
  });

  it('installs Debian’s firefox-esr as root on Debian-like systems, and looks for it apart from Chromium', () => {
    const plan = planFirefox(machine({ exists: (p) => p === '/usr/bin/chromium' }));
    expect(plan).toEqual({ kind: 'install', path: '/usr/bin/firefox-esr', command: ['apt-get', 'install', '-y', '-q', 'firefox-esr'] });
  });

  it('tells everyone else the exact command, and never installs over a FIREFOX_PATH that points nowhere', () => {
    const advice = (facts: Partial<MachineFacts>) => {
      const plan = planFirefox(machine(facts));
      return plan.kind === 'missing' ? plan.advice : '';
    };
    expect(advice({ isRoot: false })).toContain('sudo apt-get install -y firefox-esr');
    expect(advice({ platform: 'darwin', osRelease: '' })).toContain('brew install --cask firefox@esr');
    expect(advice({ platform: 'win32', osRelease: '' })).toContain('winget install Mozilla.Firefox.ESR');
    expect(advice({ osRelease: FEDORA })).toContain('sudo dnf install firefox');
    expect(advice({ firefoxPathFromEnv: '/opt/none/firefox' })).toContain('FIREFOX_PATH is set to /opt/none/firefox');
  });
});
