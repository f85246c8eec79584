/** UI strings of the org area; keys start with "org.". */
export const org = {
  zh: {} as Record<string, string>,
  en: {} as Record<string, string>,
};
