import { useState } from 'react';
import { Button } from '../../ui/button';
import { chartSvgText, svgToPngBase64 } from './chart-export';

type Chart = 'timeline' | 'matrix' | 'network';
type Format = 'svg' | 'png' | 'csv' | 'graphml';

interface ChartExportButtonsProps {
  chart: Chart;
  /** The drawn chart, for SVG and PNG. */
  svg: () => SVGSVGElement | null;
  /** Text of the other formats this chart exports (CSV, GraphML), made when asked. */
  text?: Partial<Record<'csv' | 'graphml', () => string>>;
  /** Draws the whole chart before it is copied (a chart that draws only what is in view), and `restore` goes back after. */
  prepare?(): void;
  restore?(): void;
}

const NAMES: Record<Format, string> = { svg: 'SVG', png: 'PNG', csv: 'CSV', graphml: 'GraphML' };

/** One button per export format of a chart; each opens the save dialog and says where the file went, or why not. */
export function ChartExportButtons({ chart, svg, text = {}, prepare, restore }: ChartExportButtonsProps) {
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const formats: Format[] = [...(Object.keys(text) as Format[]), 'svg', 'png'];

  const save = async (format: Format) => {
    setBusy(true);
    setMessage('');
    try {
      let content: string;
      if (format === 'csv' || format === 'graphml') content = text[format]!();
      else {
        prepare?.();
        let svgText: string;
        try {
          const element = svg();
          if (!element) throw new Error(`the ${chart} is not drawn`);
          svgText = chartSvgText(element);
        } finally {
          restore?.();
        }
        content = format === 'svg' ? svgText : await svgToPngBase64(svgText);
      }
      const saved = await window.parley.api.saveChart({ chart, format, content });
      if (!saved.ok) setMessage(`Not exported: ${saved.error.message}`);
      else if (saved.value) setMessage(`Exported the ${chart} as ${NAMES[format]} to ${saved.value.path}`);
    } catch (error) {
      setMessage(`Not exported: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="chart-export" role="group" aria-label={`Export the ${chart}`}>
      {formats.map((format) => (
        <Button key={format} size="small" disabled={busy} onClick={() => void save(format)}>
          {NAMES[format]}
        </Button>
      ))}
      <span className="chart-export-status" role="status">
        {message}
      </span>
    </div>
  );
}
