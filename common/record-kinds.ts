/**
 * Records some sources store in the ad table that are not ads as a viewer saw them: a transparency
 * statement from a registry, a line of an advertiser spend report, a publisher's repository entry.
 * The label rules cannot be judged on them, so classification leaves them out.
 */
export const NON_AD_RECORD_KINDS = ["notice-statement", "advertiser-report", "publisher-repository-ad"] as const;
