// Numbers in the explanation lines, in Dutch notation (12,5; 1.234).

export function nl(x: number | null | undefined, maximumFractionDigits = 3): string {
  if (x == null || !Number.isFinite(x)) return '–';
  return x.toLocaleString('nl-NL', { maximumFractionDigits });
}

/** A growth rate as a percentage: −0,0394 → "−3,94%". */
export function pct(x: number | null | undefined): string {
  if (x == null || !Number.isFinite(x)) return '–';
  return `${(x * 100).toLocaleString('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}%`;
}
