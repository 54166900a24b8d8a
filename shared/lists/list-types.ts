/** Types of the recipient-list engine shared by main, renderer and CLI. */

/** How the imported file was read: 'utf-16' is Excel's « Texte Unicode », 'xlsx' an Excel workbook. */
export type TextEncoding = 'utf-8' | 'windows-1252' | 'utf-16' | 'xlsx';
export type Delimiter = ';' | ',' | '\t';

/** Why a row cannot be sent. */
export type InvalidReason = 'empty' | 'malformed' | 'landline' | 'not-mobile';

export type RowStatus = 'valid' | 'invalid' | 'duplicate';

export interface LongestValue {
  length: number;
  value: string;
}

/** Mirrors the figures of the provider's /lists/upload answer. */
export interface ListSummary {
  rows: number;
  valid: number;
  invalid: number;
  duplicates: number;
  sendable: number;
  /** ISO country code → sendable rows. */
  countries: Record<string, number>;
  /** Columns with at least one empty value (the provider's emptyKeys). */
  emptyColumns: string[];
  /** Longest value per column (the provider's maxDatasMap). */
  longestValues: Record<string, LongestValue>;
  /** 1-based record numbers after the header. */
  invalidLines: number[];
  duplicateLines: number[];
}

/** A list as the renderer sees it (rows are fetched page by page). */
export interface ListView {
  id: string;
  name: string;
  sourceFileName: string;
  encoding: TextEncoding;
  delimiter: Delimiter;
  columns: string[];
  /** The column holding the mobile number, or null when the user must pick one. */
  mobileColumn: string | null;
  /** Columns whose header is an accepted mobile name (SMS, PORTABLE, MOBILE, GSM). */
  mobileColumnCandidates: string[];
  summary: ListSummary;
  canUndo: boolean;
  canRedo: boolean;
  updatedAt: string;
}

export interface ListMeta {
  id: string;
  name: string;
  rows: number;
  sendable: number;
  updatedAt: string;
}

export type RowFilter = 'all' | 'invalid' | 'duplicates';

export interface GridRow {
  /** Index of the record in the list (0-based), stable until rows are inserted or deleted. */
  index: number;
  values: string[];
  status: RowStatus;
  /** International digits (33612345678) when valid. */
  normalized?: string;
  country?: string;
  reason?: InvalidReason;
}

export interface RowPage {
  /** Rows matching the filter and search. */
  total: number;
  offset: number;
  rows: GridRow[];
}

export type ListEdit =
  | { type: 'set-cell'; row: number; column: number; value: string }
  | { type: 'insert-row'; at: number; values?: string[] }
  | { type: 'delete-rows'; rows: number[] }
  | { type: 'insert-column'; at: number; name: string }
  | { type: 'delete-column'; column: number }
  | { type: 'rename-column'; column: number; name: string }
  | { type: 'remove-invalid' }
  | { type: 'remove-duplicates' };

export type ExportEncoding = 'utf-8' | 'windows-1252';
