import type { ActorMatch, ActorRegistry } from "./actors.js";
import { COMMERCIAL_CUES, POLITICAL_CUES, PUBLIC_AUTHORITY, VOTE_INFO_CUE, matchCues } from "./cues.js";
import { type TextModel, featuresFolded, guessLanguageFolded, scoreTokens } from "./model/text-model.js";
import { TEXT_MODEL } from "./model/weights.js";
import { foldSameLength, foldText } from "./normalize.js";

/** Score bands: at or above YES the ad is political, at or above REVIEW a human should look. */
export const YES_THRESHOLD = 0.7;
export const REVIEW_THRESHOLD = 0.4;

/** Inputs to the Art. 3(2) decision. */
export interface PoliticalInput {
  text: string;
  /** Sponsor and page/advertiser names (limb a). */
  names: readonly string[];
  actors: ActorRegistry;
  /** The ad carries a political-ad label statement or a transparency notice: the sponsor itself declared it political. */
  selfDeclared: boolean;
  editorial: boolean;
  /** The ad shows only a commercial marker ("Gesponsord", "Advertentie"): the publisher sold it as a commercial ad. */
  commercialMarker?: boolean;
  /** The text model; the shipped one by default (train.ts passes candidates while calibrating). */
  model?: TextModel;
}

/** Art. 3(2) decision with its evidence. */
export interface PoliticalResult {
  political: boolean;
  score: number;
  decision: "yes" | "review" | "no";
  reasons: string[];
  party: string | null;
  actor: ActorMatch | null;
  /** The text names an election or calls to vote (used for "where applicable" in Art. 11(1)(c)). */
  electionCue: string | null;
}

const MODEL_CAP = 3;
const CUES = [...POLITICAL_CUES, ...COMMERCIAL_CUES, VOTE_INFO_CUE];

/**
 * Decide whether an ad is political advertising: limb (a) actor match, limb (b) text cues and the statistical
 * text model, minus the exclusions (official vote information, public authorities, editorial, commercial votes).
 */
/** Highest logit the text model alone may give an ad marked commercial: just under "yes", so it lands in review. */
const MODEL_ONLY_MAX_LOGIT = Math.log(YES_THRESHOLD / (1 - YES_THRESHOLD)) - 0.01;

export function assessPolitical(input: PoliticalInput): PoliticalResult {
  const reasons: string[] = [];
  const actor = firstActor(input);
  const folded = foldText(input.text.slice(0, 20_000));
  const textModel = input.model ?? TEXT_MODEL;
  const model = scoreTokens(featuresFolded(folded, textModel), textModel);
  // The model saw 62 English texts and thousands of Dutch/German ones: trust it less outside nl/de.
  const lang = guessLanguageFolded(folded);
  const cap = lang === "nl" || lang === "de" ? MODEL_CAP : 1;
  const matched = matchCues(input.text, CUES);
  const voteInfo = matched.some((h) => h.cue === VOTE_INFO_CUE);
  const hits = matched.filter((h) => h.cue !== VOTE_INFO_CUE);
  const commercialVote = hits.some((h) => h.cue.id === "commercial-vote" || h.cue.id === "contest");
  const mentioned = input.actors.partyMentionedIn(input.text);
  // Evidence besides word statistics: an actor, a named party, a political cue, or the ad's own declaration.
  const evidence = actor !== undefined || mentioned !== undefined || input.selfDeclared || hits.some((h) => h.cue.weight > 0 && !(commercialVote && h.cue.id === "vote-call"));
  // A commercial, charity or health call to action outweighs word statistics: then the model alone stays under "yes"
  // before the cue's own weight is added (a saturated model could otherwise carry such an ad to "yes").
  const against = !evidence && hits.some((h) => h.cue.weight < 0);
  const upper = against ? Math.min(cap, MODEL_ONLY_MAX_LOGIT) : cap;
  let logit = input.text.trim() ? Math.max(-cap, Math.min(upper, (model.logit + (textModel.offset ?? 0)) * (textModel.scale ?? 1))) : -2;
  if (model.top.length > 0) reasons.push(`text model p=${model.probability.toFixed(2)}: ${model.top.map((t) => `${featureLabel(t.feature)} (${t.weight >= 0 ? "+" : ""}${t.weight.toFixed(2)})`).join(", ")}`);
  if (actor) {
    logit += actor.via === "pattern" ? 2 : 6;
    reasons.push(`limb (a): "${actor.actor.name}" is a political actor (${actor.actor.kind}${actor.party ? `, ${actor.party}` : ""}, ${actor.via} match)`);
  }
  for (const { cue, match } of hits) {
    if (commercialVote && cue.id === "vote-call") continue;
    logit += cue.weight;
    reasons.push(`${cue.weight > 0 ? "limb (b)" : "against"}: ${cue.explain} ("${match.slice(0, 60)}")`);
  }
  if (mentioned) {
    logit += 1.5;
    reasons.push(`limb (b): names the political party ${mentioned.party ?? mentioned.name}`);
  }
  if (input.selfDeclared) {
    logit += 3;
    reasons.push("the ad carries a political-ad label or transparency notice");
  }
  const party = actor?.party ?? mentioned?.party ?? null;
  // An ad marked commercial with nothing but the text model pointing to politics (no actor, no cue, no
  // party named) goes to review, not to a finding: word statistics alone do not outweigh the marker.
  if (input.commercialMarker && !evidence && logit > MODEL_ONLY_MAX_LOGIT) {
    logit = MODEL_ONLY_MAX_LOGIT;
    reasons.push("marked as a commercial ad and only the text model points to politics: review, not a decision");
  }
  const electionCue = hits.find((h) => h.cue.id === "election" || (h.cue.id === "vote-call" && !commercialVote))?.match ?? null;
  // Naming a party or a list position takes sides; practical how-to-vote information alone does not.
  const partisan = actor !== undefined || mentioned !== undefined || hits.some((h) => h.cue.id === "list-number");
  return finish({ logit, reasons, party, actor, electionCue, input, partisan, voteInfo });
}

function finish(o: { logit: number; reasons: string[]; party: string | null; actor: ActorMatch | undefined; electionCue: string | null; input: PoliticalInput; partisan: boolean; voteInfo: boolean }): PoliticalResult {
  let score = 1 / (1 + Math.exp(-o.logit));
  const exclusion = exclusionFor(o);
  if (exclusion) {
    score = Math.min(score, exclusion.cap);
    o.reasons.push(exclusion.reason);
  }
  score = Math.round(score * 1000) / 1000;
  const decision = score >= YES_THRESHOLD ? "yes" : score >= REVIEW_THRESHOLD ? "review" : "no";
  return { political: decision === "yes", score, decision, reasons: o.reasons, party: o.party, actor: o.actor ?? null, electionCue: o.electionCue };
}

function exclusionFor(o: { input: PoliticalInput; actor: ActorMatch | undefined; partisan: boolean; voteInfo: boolean }): { cap: number; reason: string } | undefined {
  const { input, actor, partisan, voteInfo } = o;
  if (input.editorial) return { cap: 0.2, reason: "excluded: editorial content (Art. 1(2))" };
  if (actor) return undefined;
  const authority = input.names.some((n) => PUBLIC_AUTHORITY.test(foldSameLength(n)));
  if (!authority) {
    // Practical voting information naming no party, candidate or list is excluded when it comes from an official
    // source (Art. 3(2)(i)); without a known sender a human decides.
    if (voteInfo && !partisan) return { cap: 0.6, reason: "review: practical information on how to vote that names no party, candidate or list; official how-to-vote information is excluded (Art. 3(2)(i)), so check who sent it" };
    return undefined;
  }
  if (voteInfo) {
    return { cap: 0.2, reason: "excluded: official information on how to vote from a public authority (Art. 3(2)(i))" };
  }
  return { cap: 0.6, reason: "review: sender is a public authority; official communication is excluded unless it is designed to influence a vote (Art. 3(2)(ii))" };
}

// A character n-gram feature ("c:<stem") reads as the word part it stands for: "stem…", "…ing", "…erki…".
function featureLabel(feature: string): string {
  if (!feature.startsWith("c:")) return feature;
  const g = feature.slice(2);
  return `${g.startsWith("<") ? "" : "…"}${g.replace(/^<|>$/g, "")}${g.endsWith(">") ? "" : "…"}`;
}

function firstActor(input: PoliticalInput): ActorMatch | undefined {
  const matches = input.names.map((n) => input.actors.match(n)).filter((m): m is ActorMatch => m !== undefined);
  return matches.find((m) => m.via !== "pattern") ?? matches[0];
}
