import { describe, expect, it } from 'vitest';
import { recipientLayout } from './recipient-layout';
import { SMS_REPORT_COLUMNS, VMS_REPORT_COLUMNS } from './report-columns';

describe('recipientLayout', () => {
  it("puts the list's own columns first, its mobile column shown as the dialled number, MediasFlow's under the details", () => {
    const columns = [...SMS_REPORT_COLUMNS, 'Prénom', 'Nom', 'Portable', 'Ville'];
    const layout = recipientLayout(columns, 'sms');
    expect(layout.listColumns.map((column) => [column.name, column.number ?? false])).toEqual([
      ['Prénom', false],
      ['Nom', false],
      ['Portable', true],
      ['Ville', false],
    ]);
    expect(layout.intMobile).toBe(columns.indexOf('INT_MOBILE'));
    expect(layout.statusCode).toBe(columns.indexOf('STATUS_CODE'));
    expect(layout.detailColumns.map((column) => column.name)).toEqual([...SMS_REPORT_COLUMNS, 'Portable']);
  });

  it('finds report columns by name wherever they are, and keeps a list column named like an SMS-only one in a VMS report', () => {
    const columns = ['MOBILE', 'REPLY', ...VMS_REPORT_COLUMNS];
    const layout = recipientLayout(columns, 'vms');
    expect(layout.listColumns.map((column) => column.name)).toEqual(['MOBILE', 'REPLY']);
    expect(layout.listColumns[0].number).toBe(true);
    expect(layout.detailColumns.map((column) => column.name)).toEqual(['MOBILE', ...VMS_REPORT_COLUMNS]);
  });

  it('shows INT_MOBILE as the number when the dropped file had no named mobile column', () => {
    const layout = recipientLayout([...SMS_REPORT_COLUMNS, 'Nom'], 'sms');
    expect(layout.listColumns.map((column) => [column.name, column.number ?? false])).toEqual([
      ['INT_MOBILE', true],
      ['Nom', false],
    ]);
  });
});
