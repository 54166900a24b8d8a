import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { DropdeskState, DropdeskStore } from './dropdesk-store';

const StoreContext = createContext<DropdeskStore | null>(null);

export function StoreProvider({ store, children }: { store: DropdeskStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** Reads a slice of the store; components re-render only when the selected value changes. */
export function useDropdesk<T>(selector: (state: DropdeskState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useDropdesk used outside StoreProvider');
  return useStore(store, selector);
}
