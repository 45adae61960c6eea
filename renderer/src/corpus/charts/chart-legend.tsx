import { LEGEND_STANCES, stanceColor, stanceName } from './stance-colors';

/** The stance colours a chart uses, as a list of swatches. */
export function StanceLegend() {
  return (
    <ul className="chart-legend" aria-label="Stance colours">
      {LEGEND_STANCES.map((stance) => (
        <li key={stance}>
          <span className="chart-swatch" style={{ background: stanceColor(stance) }} aria-hidden="true" />
          {stanceName(stance)}
        </li>
      ))}
    </ul>
  );
}
