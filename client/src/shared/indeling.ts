// Which boundary vintage (indeling) a year is drawn on, by the rule the server gives.

/** The indeling rule as the server gives it (GET /api/v1/indelingen); the client keeps no copy. */
export interface IndelingRegel {
  vanJaar: number | null;
  totEnMetJaar: number | null;
  indeling: number;
}

/** The boundary vintage (indeling) the server's rule gives a year; null when no rule holds it. */
export function vintageForYear(year: number, regels: readonly IndelingRegel[]): number | null {
  const regel = regels.find(
    (r) => (r.vanJaar === null || r.vanJaar <= year) && (r.totEnMetJaar === null || year <= r.totEnMetJaar),
  );
  return regel?.indeling ?? null;
}

/** The year a period ends in: "2022", "2017-2021" → 2021, half year "2019H1" → 2019. */
export function yearOfPeriod(periode: string): number {
  return Number.parseInt(periode.replace(/H[12]$/, '').slice(-4), 10);
}
