import { describe, expect, it } from 'vitest';
import { GUIDE_HASH, guideSteps, guideUrl, launcherSeen, nextStep, opensGuideOnInstall, portalAccess } from '../../../lib/ui/first-run';

const granted = { pattern: 'https://yszx.example.gov.cn/*', granted: true, live: false };
const notGranted = { pattern: 'https://other.example.gov.cn/*', granted: false, live: false };
const live = { ...granted, live: true };

describe('first-run guide steps', () => {
  it.each([
    ['nothing known yet', { portals: null, sets: null, launcherSeen: false }, [false, false, false]],
    ['a portal not granted', { portals: [notGranted], sets: 0, launcherSeen: false }, [false, false, false]],
    ['a granted portal', { portals: [notGranted, granted], sets: 0, launcherSeen: false }, [true, false, false]],
    ['a live portal and one set', { portals: [live], sets: 1, launcherSeen: false }, [true, true, false]],
    ['everything, launcher seen', { portals: [granted], sets: 19, launcherSeen: true }, [true, true, true]],
    ['launcher seen though the portal was removed since', { portals: [], sets: 2, launcherSeen: true }, [false, true, true]],
  ])('%s', (_label, inputs, expected) => {
    const steps = guideSteps(inputs);
    expect(steps.map((s) => s.id)).toEqual(['portal', 'library', 'open']);
    expect(steps.map((s) => s.done)).toEqual(expected);
  });

  it('names the first step not done, or none', () => {
    expect(nextStep(guideSteps({ portals: [granted], sets: 0, launcherSeen: true }))).toBe('library');
    expect(nextStep(guideSteps({ portals: [granted], sets: 1, launcherSeen: true }))).toBeNull();
  });
});

describe('portal access', () => {
  it.each([
    [notGranted, 'not-granted'],
    [granted, 'granted'],
    [live, 'live'],
  ] as const)('%o is %s', (portal, expected) => {
    expect(portalAccess(portal)).toBe(expected);
  });
});

describe('opening the guide', () => {
  it.each([
    ['install', true],
    ['update', false],
    ['chrome_update', false],
    ['browser_update', false],
    ['shared_module_update', false],
  ])('on %s: %s', (reason, expected) => {
    expect(opensGuideOnInstall(reason)).toBe(expected);
  });

  it('opens the options page on #guide', () => {
    expect(GUIDE_HASH).toBe('guide');
    expect(guideUrl('chrome-extension://abc/')).toBe('chrome-extension://abc/options.html#guide');
    expect(guideUrl('moz-extension://abc')).toBe('moz-extension://abc/options.html#guide');
  });

  it('reads the stored launcher flag as a time, anything else as not seen', () => {
    expect(launcherSeen(1_764_000_000_000)).toBe(true);
    for (const v of [undefined, null, 0, -1, Number.NaN, 'yes', true, {}]) expect(launcherSeen(v), String(v)).toBe(false);
  });
});
