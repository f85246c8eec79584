/** Pure list moves for 菜单管理, kept apart from the screen so they are easy to read and test. */
export const moveItem = (items: string[], from: number, to: number): string[] => {
  if (from === to || from < 0 || to < 0 || from >= items.length || to >= items.length) return items;
  const next = [...items];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved!);
  return next;
};

export const removeItem = (items: string[], key: string) => items.filter((item) => item !== key);
export const addItem = (items: string[], key: string) => (items.includes(key) ? items : [...items, key]);
