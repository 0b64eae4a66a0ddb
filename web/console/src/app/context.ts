import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ConsoleApi } from '../api/client';
import type { Operator } from '../api/types';

export interface AppContext {
  api: ConsoleApi;
  operator: Operator;
  signOut: () => void;
}

export const App = createContext<AppContext | null>(null);

export function useApp(): AppContext {
  const context = useContext(App);
  if (!context) throw new Error('useApp outside the signed-in console');
  return context;
}

/** What each role may do; the server checks it again on every route, this only hides what would fail. */
export const can = {
  review: (operator: Operator) => operator.role === 'reviewer' || operator.role === 'admin',
  administer: (operator: Operator) => operator.role === 'admin',
};
