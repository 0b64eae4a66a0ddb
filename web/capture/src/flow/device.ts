/** What the browser tells about the device; gathered by `deviceHints()`, judged by `isMobileDevice()`. */
export interface DeviceHints {
  coarsePointer: boolean;
  finePointer: boolean;
  maxTouchPoints: number;
  userAgent: string;
  /** `navigator.userAgentData.mobile` where the browser has it (Chromium). */
  uaMobile: boolean | undefined;
}

const PHONE_OR_TABLET = /Android|iPhone|iPad|iPod|Mobi|Windows Phone|Silk|KFAPWI/i;

/**
 * "Mobile" here means a device whose own camera is the right tool: phones and tablets. A laptop with a touch
 * screen still has a mouse or touchpad (a fine pointer) and counts as a desktop, so it is offered the handover.
 */
export function isMobileDevice(hints: DeviceHints): boolean {
  if (hints.uaMobile === true) return true;
  if (PHONE_OR_TABLET.test(hints.userAgent)) return true;
  // iPadOS reports itself as a Mac; only the touch points give it away.
  if (/Macintosh/.test(hints.userAgent) && hints.maxTouchPoints > 1) return true;
  return hints.coarsePointer && !hints.finePointer && hints.maxTouchPoints > 0;
}

interface NavigatorWithUaData {
  userAgentData?: { mobile?: boolean };
}

export function deviceHints(): DeviceHints {
  const media = (query: string) => typeof matchMedia === 'function' && matchMedia(query).matches;
  return {
    coarsePointer: media('(pointer: coarse)'),
    finePointer: media('(any-pointer: fine)'),
    maxTouchPoints: navigator.maxTouchPoints ?? 0,
    userAgent: navigator.userAgent,
    uaMobile: (navigator as NavigatorWithUaData).userAgentData?.mobile,
  };
}
