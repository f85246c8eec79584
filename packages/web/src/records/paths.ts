/** The objects with generic record screens, each at its own path (/lead, /lead/<id> …). */
export const RECORD_OBJECTS = [
  'campaign', 'lead', 'account', 'contact', 'opportunity', 'product', 'partner', 'competitor', 'contract', 'order', 'activity', 'task',
] as const;

const standard = new Set<string>(RECORD_OBJECTS);

/** Objects outside the standard twelve live under /o/<object>. */
export const listPath = (object: string) => (standard.has(object) ? `/${object}` : `/o/${object}`);
export const recordPath = (object: string, id: string) => `${listPath(object)}/${id}`;
