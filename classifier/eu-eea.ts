/** EU member states (plus EEA) by ISO code; "EU" itself counts as inside. TTPA duties are judged only for these. */
export const EU_EEA = new Set([
  "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "EL", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO",
  "SK", "SI", "ES", "SE", "EU", "IS", "LI", "NO",
]);
