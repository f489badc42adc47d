// Checks of a plan's own budget table. Pure: no Express, no database.

export interface BudgetLine {
  soort: 'begroting' | 'financiering' | 'totaal';
  omschrijving: string;
  jaar: number | null;
  bedrag: number;
}

export interface BudgetDifference {
  jaar: number;
  /** What the plan prints as the total of the year (the first `totaal` line with years). */
  gedrukt: number;
  /** The sum of the year's budget lines. */
  som: number;
}

/**
 * Per year: the printed total beside the sum of the budget lines, where they differ. Printed
 * plans have typing errors; the report shows both numbers rather than silently picking one.
 */
export function budgetDifferences(lines: BudgetLine[]): BudgetDifference[] {
  const totalLabel = lines.find((line) => line.soort === 'totaal' && line.jaar !== null)?.omschrijving;
  if (totalLabel === undefined) return [];
  const differences: BudgetDifference[] = [];
  for (const total of lines.filter((line) => line.omschrijving === totalLabel && line.jaar !== null)) {
    const sum = lines
      .filter((line) => line.soort === 'begroting' && line.jaar === total.jaar)
      .reduce((acc, line) => acc + line.bedrag, 0);
    if (Math.abs(sum - total.bedrag) > 0.005)
      differences.push({ jaar: total.jaar!, gedrukt: total.bedrag, som: sum });
  }
  return differences;
}
