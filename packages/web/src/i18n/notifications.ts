/** UI strings of the notifications area; keys start with "notifications.". */
export const notifications = {
  zh: {} as Record<string, string>,
  en: {} as Record<string, string>,
};
