/**
 * Keeps an open menu inside the window: measured once shown, placed with
 * `placeMenu` in window coordinates (position: fixed, so no scrolling
 * container clips it either), and placed again on resize and scroll.
 */
import { useLayoutEffect, useState, type CSSProperties, type RefObject } from 'react';
import { placeMenu, type PlacementOptions } from './menu-placement';

export function useMenuPlacement(open: boolean, anchor: RefObject<HTMLElement | null>, menu: RefObject<HTMLElement | null>, options: PlacementOptions = {}): CSSProperties {
  const [style, setStyle] = useState<CSSProperties>({ position: 'fixed', visibility: 'hidden', left: 0, top: 0, right: 'auto' });
  const { align, gap, margin } = options;
  useLayoutEffect(() => {
    if (!open) return;
    const place = () => {
      const button = anchor.current?.getBoundingClientRect();
      const element = menu.current;
      if (!button || !element) return;
      const placed = placeMenu(button, { width: element.offsetWidth, height: element.scrollHeight }, { width: window.innerWidth, height: window.innerHeight }, { align, gap, margin });
      setStyle({ position: 'fixed', left: placed.left, top: placed.top, right: 'auto', bottom: 'auto', ...(placed.maxHeight !== null ? { maxHeight: placed.maxHeight, overflow: 'auto' } : {}) });
    };
    place();
    window.addEventListener('resize', place);
    window.addEventListener('scroll', place, true);
    return () => {
      window.removeEventListener('resize', place);
      window.removeEventListener('scroll', place, true);
      setStyle((current) => ({ ...current, visibility: 'hidden' }));
    };
  }, [open, anchor, menu, align, gap, margin]);
  return style;
}
