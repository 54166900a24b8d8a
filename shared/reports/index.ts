/** Delivery reports (issue 5): the pure API the queue, the CLI, the worker and the screens use. */
export * from './status-codes';
export * from './delivery-date';
export * from './report-file-name';
export * from './report-encoding';
export * from './report-columns';
export * from './parse-report';
export * from './summarize-report';
export * from './diff-report-summaries';
export * from './report-drill-down';
export * from './csv-export';
export * from './opt-outs';
export * from './generate-report';
export * from './parse-and-summarize-report';
