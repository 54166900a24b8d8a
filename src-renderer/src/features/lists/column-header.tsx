import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListView } from '@shared/lists/list-types';
import { useDropdesk } from '../../store/store-context';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { TextPromptDialog } from '../../ui/text-prompt-dialog';
import { useMenuPlacement } from '../../ui/use-menu-placement';

type Pending = 'rename' | 'insert-before' | 'insert-after' | 'delete' | null;

/** A column's header with its menu: rename, insert, delete, use as the mobile column. */
export function ColumnHeader({ list, name, column, pinned }: { list: ListView; name: string; column: number; pinned?: CSSProperties }) {
  const { t } = useTranslation('lists');
  const applyEdit = useDropdesk((state) => state.applyEdit);
  const setMobileColumn = useDropdesk((state) => state.setMobileColumn);
  const [menuOpen, setMenuOpen] = useState(false);
  const [pending, setPending] = useState<Pending>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuButton = useRef<HTMLButtonElement>(null);
  // Inside the window near its right and bottom edges (issue 11 §12).
  const menuStyle = useMenuPlacement(menuOpen, menuButton, menu, { align: 'end' });
  const isMobile = name === list.mobileColumn;

  useEffect(() => {
    if (!menuOpen) return;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const close = (event: MouseEvent) => {
      if (!menu.current?.contains(event.target as Node)) setMenuOpen(false);
    };
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, [menuOpen]);

  const choose = (action: Pending | 'mobile') => {
    setMenuOpen(false);
    if (action === 'mobile') void setMobileColumn(name);
    else setPending(action);
  };

  return (
    <div role="columnheader" className={`grid-cell column-header${isMobile ? ' mobile' : ''}${pinned ? ' sticky-mobile' : ''}`} style={pinned}>
      <span className="column-name" title={name}>{name}</span>
      {isMobile && <span className="tag small-tag">{t('columns.mobileTag')}</span>}
      <button
        ref={menuButton}
        type="button"
        className="column-menu-button"
        aria-haspopup="menu"
        aria-expanded={menuOpen}
        aria-label={t('columns.menu', { name })}
        onClick={() => setMenuOpen((open) => !open)}
      >
        ▾
      </button>
      {menuOpen && (
        <div
          ref={menu}
          className="menu"
          style={menuStyle}
          role="menu"
          aria-label={t('columns.menu', { name })}
          onKeyDown={(event) => {
            const items = Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
            const index = items.indexOf(document.activeElement as HTMLElement);
            if (event.key === 'Escape') setMenuOpen(false);
            else if (event.key === 'ArrowDown') items[(index + 1) % items.length]?.focus();
            else if (event.key === 'ArrowUp') items[(index - 1 + items.length) % items.length]?.focus();
            else return;
            event.preventDefault();
            event.stopPropagation();
          }}
        >
          <button type="button" role="menuitem" onClick={() => choose('rename')}>{t('columns.rename')}</button>
          <button type="button" role="menuitem" onClick={() => choose('insert-before')}>{t('columns.insertBefore')}</button>
          <button type="button" role="menuitem" onClick={() => choose('insert-after')}>{t('columns.insertAfter')}</button>
          {!isMobile && (
            <button type="button" role="menuitem" onClick={() => choose('mobile')}>{t('columns.useAsMobile')}</button>
          )}
          <button type="button" role="menuitem" className="danger-text" onClick={() => choose('delete')}>{t('columns.delete')}</button>
        </div>
      )}
      {pending === 'rename' && (
        <TextPromptDialog
          title={t('columns.renameTitle', { name })}
          label={t('columns.name')}
          initialValue={name}
          confirmLabel={t('columns.rename')}
          onCancel={() => setPending(null)}
          onConfirm={(value) => {
            setPending(null);
            void applyEdit({ type: 'rename-column', column, name: value });
          }}
        />
      )}
      {(pending === 'insert-before' || pending === 'insert-after') && (
        <TextPromptDialog
          title={t('columns.addTitle')}
          label={t('columns.name')}
          confirmLabel={t('columns.add')}
          onCancel={() => setPending(null)}
          onConfirm={(value) => {
            const at = pending === 'insert-before' ? column : column + 1;
            setPending(null);
            void applyEdit({ type: 'insert-column', at, name: value });
          }}
        />
      )}
      {pending === 'delete' && (
        <ConfirmDialog
          title={t('columns.deleteTitle', { name })}
          message={isMobile ? t('columns.deleteMobileMessage') : t('columns.deleteMessage')}
          confirmLabel={t('columns.delete')}
          danger
          onCancel={() => setPending(null)}
          onConfirm={() => {
            setPending(null);
            void applyEdit({ type: 'delete-column', column });
          }}
        />
      )}
    </div>
  );
}
