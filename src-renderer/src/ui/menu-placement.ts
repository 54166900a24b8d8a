/**
 * Where a menu opens so that it stays inside the window (issue 11 §12): below
 * its button, flipped above when there is no room below, moved left near the
 * right edge, and clamped (with a scroll of its own) when the window is
 * smaller than the menu.
 */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface MenuPlacement {
  left: number;
  top: number;
  /** Set when the menu is taller than the room it has: it scrolls. */
  maxHeight: number | null;
}

export interface PlacementOptions {
  /** 'start': the menu's left edge on the button's; 'end': right edges aligned. */
  align?: 'start' | 'end';
  gap?: number;
  /** Kept free between the menu and the window's edges. */
  margin?: number;
}

export function placeMenu(anchor: Box, menu: { width: number; height: number }, viewport: { width: number; height: number }, options: PlacementOptions = {}): MenuPlacement {
  const { align = 'start', gap = 4, margin = 8 } = options;
  const room = viewport.height - 2 * margin;
  const height = Math.min(menu.height, room);
  const below = anchor.bottom + gap;
  const above = anchor.top - gap - height;
  let top: number;
  if (below + height <= viewport.height - margin) top = below;
  else if (above >= margin) top = above;
  else top = Math.max(margin, viewport.height - margin - height);
  const preferred = align === 'end' ? anchor.right - menu.width : anchor.left;
  const left = Math.max(margin, Math.min(preferred, viewport.width - margin - menu.width));
  return { left: Math.round(left), top: Math.round(top), maxHeight: menu.height > room ? Math.max(0, room) : null };
}
