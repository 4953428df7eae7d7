/**
 * Records some sources store in the ad table that are not ads as a viewer saw them: a transparency
 * statement from a registry, a line of an advertiser spend report. Classification leaves them out.
 * (A publisher's repository entry is an ad: it is classified, but only its signals are judged.)
 */
export const NON_AD_RECORD_KINDS = ["notice-statement", "advertiser-report"] as const;
