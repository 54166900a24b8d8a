import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDropdesk } from '../../store/store-context';
import { chartFileName, svgToPngBytes } from './chart-png';

/** A titled chart with its "PNG" export. */
export function ChartCard({ title, fileStem, testId, children, aside }: { title: string; fileStem: string; testId: string; children: ReactNode; aside?: ReactNode }) {
  const { t } = useTranslation('reports');
  const frame = useRef<HTMLDivElement>(null);
  const saveChartPng = useDropdesk((state) => state.saveChartPng);
  const notifyError = useDropdesk((state) => state.notifyError);
  const exportPng = async () => {
    const svg = frame.current?.querySelector<SVGSVGElement>('svg.recharts-surface');
    if (!svg) return;
    try {
      await saveChartPng(chartFileName(fileStem, title), await svgToPngBytes(svg, title));
    } catch (error) {
      notifyError(error);
    }
  };
  return (
    <section className="card report-card" data-testid={testId} aria-label={title}>
      <header className="report-card-header">
        <h3>{title}</h3>
        <button type="button" className="button ghost small" onClick={() => void exportPng()} data-testid={`${testId}-png`}>
          {t('screen.exportPng')}
        </button>
      </header>
      <div className="report-chart-body">
        <div className="report-chart" ref={frame}>
          {children}
        </div>
        {aside}
      </div>
    </section>
  );
}
