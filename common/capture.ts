import type { AdInput } from "./ad-input.js";

/** Computed style facts of the label as rendered, which the salience rule needs. */
export interface LabelStyle {
  text: string;
  visible: boolean;
  fontSizePx: number | null;
  /** WCAG contrast ratio of label text against its background, when computable. */
  contrast: number | null;
  inViewport: boolean;
  /** The label sits inside the ad element (not elsewhere on the page). */
  insideAd: boolean;
  /** Only reachable after a click or hover (collapsed, title attribute, details/summary). */
  behindInteraction: boolean;
}

/** A transparency notice exactly as fetched. */
export interface FetchedNotice {
  url: string;
  finalUrl: string;
  status: number;
  headers: Record<string, string>;
  contentType: string | null;
  body: string;
  redirects: string[];
  fetchedAt: string;
  error: string | null;
}

/** Evidence of one sighting of an ad: where, when, how it looked. */
export interface Sighting {
  pageUrl: string;
  frameChain: string[];
  seenAt: string;
  viewport: { width: number; height: number } | null;
  userAgent: string | null;
  screenshotPng: Buffer | null;
  /** The whole page as rendered, when the crawl asked for it (`--full-page`); shared by the page's ads. */
  pageScreenshotPng?: Buffer | null;
  /** Outer HTML of the ad element, as captured. */
  html: string | null;
  labelStyles: LabelStyle[];
  links: string[];
}

/** What a crawler source hands over for one ad: the ad fields, one sighting's evidence, and the notice if fetched. */
export interface Capture {
  ad: AdInput;
  sighting: Sighting;
  notice: FetchedNotice | null;
}
