/** UI strings of the help area; keys start with "help.". */
export const help = {
  zh: {} as Record<string, string>,
  en: {} as Record<string, string>,
};
