/** A name as registrations compare (server registry/provider.ts foldName): width, case, spaces and bracket kinds aside. */
export const foldName = (name: string) => name.normalize('NFKC').toLowerCase().replace(/\s+/g, '').replace(/[[{【〔〖]/g, '(').replace(/[\]}】〕〗]/g, ')');

export const sameName = (a: string, b: string) => foldName(a) === foldName(b);
