/** UI strings of the personal area; keys start with "personal.". */
export const personal = {
  zh: {} as Record<string, string>,
  en: {} as Record<string, string>,
};
