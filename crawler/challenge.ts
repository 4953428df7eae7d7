/** Markers of bot-challenge and anti-bot wall pages (Meta's __rd_verify, Cloudflare, Akamai, DataDome, captchas). */
const CHALLENGE_PATTERNS: Array<[RegExp, string]> = [
  [/__rd_verify_/, "meta-rd-verify"],
  [/cf-challenge|challenge-platform|cf_chl_|Just a moment\.\.\./i, "cloudflare"],
  [/_abck|ak_bmsc|akamai.{0,40}bot/i, "akamai"],
  [/captcha-delivery\.com|datadome/i, "datadome"],
  // Google's block page (www.google.com/sorry/index, and the same page as the answer to its RPC calls), served with status 429.
  [/Our systems have detected unusual traffic|<form id="captcha-form"/i, "google-unusual-traffic"],
  [/g-recaptcha|h-captcha|hcaptcha\.com|recaptcha\/api\.js/i, "captcha"],
  [/checking (if the site connection is secure|your browser)|verify you are (a )?human|ben je een mens/i, "human-check"],
];

/**
 * Recognises a bot-challenge page, so the crawler records "blocked" rather than "no ads". Looks at
 * the first 64 KB only; a challenge page is small, and a real page that merely embeds a captcha
 * somewhere deep is not mistaken for one unless the page is also short.
 */
export function detectChallenge(body: string, status: number): string | null {
  // LinkedIn answers crawlers it suspects with the non-standard status 999 and an empty or script-only page.
  if (status === 999) return "linkedin-999";
  const head = body.slice(0, 65_536);
  for (const [re, name] of CHALLENGE_PATTERNS) {
    if (!re.test(head)) continue;
    // A full article page with a captcha in a comment form is not a wall: walls are short or error-status.
    if (name === "captcha" && body.length > 20_000 && status < 400) continue;
    return name;
  }
  return null;
}
