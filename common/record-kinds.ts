/**
 * Records some sources store in the ad table that are not ads as a viewer saw them: a transparency
 * statement from a registry, a line of an advertiser spend report. Classification leaves them out.
 * (A publisher's repository entry is an ad: it is classified, but only its signals are judged.)
 */
export const NON_AD_RECORD_KINDS = ["notice-statement", "advertiser-report"] as const;

/**
 * Of those, the records classification skips: registry statements are notices, not ads. Report lines
 * are classified (only the platform rules judge them: "ran without a disclaimer" is a finding).
 */
export const UNCLASSIFIED_RECORD_KINDS = ["notice-statement"] as const;
