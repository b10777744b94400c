import type { SectionResult } from './shared.ts';

/** The table: one line per row, then each section's details. */
export function printReport(header: string, results: SectionResult[]): void {
  const cols = [22, 12, 12, 8, 8];
  const pad = (s: string, i: number) => s.padEnd(cols[i]!);
  const lines = [header, ['', 'app', 'baseline', 'ratio', 'target'].map(pad).join(' ')];
  for (const { rows } of results) {
    for (const row of rows) {
      const hasBoth = row.app != null && row.baseline != null && row.baseline !== 0;
      const ratio = hasBoth ? row.app! / row.baseline! : undefined;
      const max = row.target?.maxRatio;
      const absolute = row.target?.max;
      const floor = row.target?.min;
      const verdict =
        floor != null && row.app != null
          ? row.app >= floor
            ? 'PASS'
            : 'BELOW TARGET'
          : absolute != null && row.app != null
            ? row.app <= absolute
              ? 'PASS'
              : 'OVER TARGET'
            : max == null || ratio == null
              ? ''
              : ratio <= max
                ? 'PASS'
                : 'OVER TARGET';
      lines.push(
        [
          row.label,
          row.app == null ? '—' : row.format(row.app),
          row.baseline == null ? '—' : row.format(row.baseline),
          ratio == null ? '—' : `${ratio.toFixed(2)}×`,
          floor != null ? `≥${row.format(floor)}` : absolute != null ? `≤${row.format(absolute)}` : max == null ? '—' : `≤${max.toFixed(2)}×`,
        ]
          .map(pad)
          .join(' ') + (verdict ? ` ${verdict}` : ''),
      );
    }
  }
  console.log(`\n${lines.join('\n')}`);
  for (const { details } of results) if (details?.length) console.log(`\n${details.join('\n')}`);
}
