/**
 * Chromium draws content misplaced once it sits millions of pixels down a
 * scroller (float precision in raster: at a million 32 px rows, rows tear at
 * tile edges). Past a cap, the scroller is kept at a fixed height and its
 * offset is mapped proportionally to the real offset of the rows, which are
 * then drawn near the scroll position. Below the cap the mapping is identity.
 */
export const MAX_SCROLL_HEIGHT = 4_000_000;

export interface ScrollScale {
  /** Height of the scrollable content in the page. */
  domHeight: number;
  /** Real rows the scroll range stands for per page pixel (1 when not scaled). */
  ratio: number;
  toReal(domOffset: number): number;
  toDom(realOffset: number): number;
}

export function scrollScale(realHeight: number, viewportHeight: number, cap = MAX_SCROLL_HEIGHT): ScrollScale {
  const domHeight = Math.min(realHeight, cap);
  const realMax = Math.max(0, realHeight - viewportHeight);
  const domMax = Math.max(0, domHeight - viewportHeight);
  if (domHeight === realHeight || domMax === 0) {
    return { domHeight, ratio: 1, toReal: (offset) => offset, toDom: (offset) => offset };
  }
  const ratio = realMax / domMax;
  return {
    domHeight,
    ratio,
    toReal: (offset) => Math.min(realMax, Math.max(0, offset * ratio)),
    toDom: (offset) => Math.min(domMax, Math.max(0, offset / ratio)),
  };
}
