import { differentElections } from "./elections.js";
import { foldSameLength, htmlToText, looksLikeHtml } from "./normalize.js";
import type { NoticeFacts } from "./notice.js";

/** What the crawler saw when it followed the notice link, plus what the ad itself says. */
export interface NoticeProbe {
  url: string;
  /** HTTP status; 0 means no response (timeout, DNS, refused). */
  status: number | null | undefined;
  /** Where the redirects ended, when the crawler recorded it (AdInput field `notice_final_url`). */
  finalUrl: string | null;
  /** The body as fetched (HTML, text, JSON, or text extracted from a PDF), or a parsed object. */
  body: string | Record<string, unknown> | null | undefined;
  notice: NoticeFacts | null;
  /** The election the ad's label or text names, if any. */
  adElection: string | null;
}

const PASSWORD = /type\s*=\s*["']?password/;
const WALL_MAX_CHARS = 1500;
const LOGIN = /\b(inloggen|log ?in|sign ?in|aanmelden|anmelden|se connecter|wachtwoord|password|passwort|mot de passe)\b/;
const COOKIE = /\b(cookies? (accepteren|toestaan|instellingen|akkoord|weigeren)|(alle|accepteer|accept( all)?) cookies|cookie(wall|muur|banner|-?instellingen|consent|einstellungen)|we (use|gebruiken) cookies|wij gebruiken cookies|(akzeptieren|zustimmen).{0,20}cookies|accepter les cookies)\b/;
const HOME_PATHS = /^\/?(|index\.(html?|php)|home|nl|en|de|fr|nl-nl|en-gb)\/?$/i;

function path(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).pathname;
  } catch {
    return null;
  }
}

function bodyText(body: NoticeProbe["body"]): string {
  if (typeof body !== "string") return "";
  const bounded = body.slice(0, 200_000);
  return foldSameLength(looksLikeHtml(bounded) ? `${bounded.match(/<input[^>]*>/gi)?.join(" ") ?? ""}\n${htmlToText(bounded)}` : bounded);
}

/**
 * Why the notice link fails to give this ad's transparency notice (Art. 11(1)(e), Art. 12), or null when it gives
 * it. An error or no response, a redirect to a home page, a login or cookie wall instead of the notice, a page that
 * is no notice at all, or a notice for another campaign (another notice id, another election). A notice whose period
 * ended before the ad was seen is the ad's own notice, out of date: not judged here.
 */
export function noticeUnavailableReason(p: NoticeProbe): string | null {
  if (p.status === 0) return "could not be reached (no response)";
  if (p.status != null && p.status >= 400) return `answers with HTTP ${p.status}`;
  const from = path(p.url);
  const to = path(p.finalUrl);
  const redirectedHome = from !== null && to !== null && !HOME_PATHS.test(from) && HOME_PATHS.test(to);
  if (p.notice?.unreadable) return null;
  if (!p.notice || !p.notice.isNotice) {
    if (redirectedHome) return `redirects to the home page ${p.finalUrl}`;
    if (p.body == null) return null;
    const text = bodyText(p.body);
    // A password field is a login wall whatever else the page says; words alone count only on a short page, since a
    // home page or article also links to "Inloggen" and shows a cookie banner.
    const short = text.length < WALL_MAX_CHARS;
    if (PASSWORD.test(text) || (short && LOGIN.test(text))) return "leads to a login wall instead of the notice";
    if (short && COOKIE.test(text)) return "leads to a cookie wall instead of the notice";
    return "leads to a page that is not a transparency notice (no sponsor, period, amounts or election fields found)";
  }
  if (redirectedHome) return `redirects to the home page ${p.finalUrl}, whose notice-like content is not specific to this ad`;
  return otherCampaign(p, p.notice);
}

function otherCampaign(p: NoticeProbe, n: NoticeFacts): string | null {
  const id = /\/transparantie-verklaringen\/([A-Za-z0-9_-]+)/.exec(p.url)?.[1];
  if (id && n.publicId && id !== n.publicId) return `leads to the notice of another campaign (id ${n.publicId}, the link asks for ${id})`;
  if (p.adElection && n.election && differentElections(p.adElection, n.election)) {
    return `leads to a notice for another campaign: it is about "${n.election.slice(0, 60)}", the ad about "${p.adElection.slice(0, 60)}"`;
  }
  return null;
}
