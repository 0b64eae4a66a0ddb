import { useEffect, useState } from 'preact/hooks';
import type { Client } from '../api/types';
import { useApp } from './context';

/** The clients this operator can see, for pickers; empty until loaded (or when the list fails). */
export function useClientList(): Client[] {
  const { api } = useApp();
  const [clients, setClients] = useState<Client[]>([]);
  useEffect(() => {
    api.get<Client[]>('/clients').then(setClients, () => setClients([]));
  }, [api]);
  return clients;
}
