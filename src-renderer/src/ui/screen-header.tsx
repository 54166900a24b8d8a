import type { ReactNode } from 'react';

/** The title block every screen opens with; `children` are its actions on the right. */
export function ScreenHeader({ titleId, title, subtitle, children }: { titleId?: string; title: string; subtitle?: string; children?: ReactNode }) {
  return (
    <header className="screen-header">
      <div>
        <h1 id={titleId}>{title}</h1>
        {subtitle && <p className="muted">{subtitle}</p>}
      </div>
      {children}
    </header>
  );
}
