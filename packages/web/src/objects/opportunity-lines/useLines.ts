import { App } from 'antd';
import { useCallback, useEffect, useState } from 'react';

/**
 * One related list of an opportunity: loaded with the record (again whenever the record is read
 * again), replaced by each change's answer; `refresh` then reloads the record, whose amount and
 * version a line change may have moved.
 */
export function useRelatedState<T>(load: () => Promise<T>, deps: readonly unknown[], refresh: () => void) {
  const { message } = App.useApp();
  const [state, setState] = useState<T | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(async () => {
    try {
      setState(await load());
    } catch (e) {
      void message.error((e as Error).message);
    }
  }, deps);

  useEffect(() => {
    void reload();
  }, [reload]);

  /** Runs a change; answers whether it succeeded (errors are shown, the list stays as it was). */
  const change = async (call: () => Promise<T>, done?: string): Promise<boolean> => {
    setBusy(true);
    try {
      setState(await call());
      if (done) void message.success(done);
      refresh();
      return true;
    } catch (e) {
      void message.error((e as Error).message);
      return false;
    } finally {
      setBusy(false);
    }
  };

  return { state, busy, change, reload };
}
