import type { Label } from './metadata';

/** Shapes of the duplicates API (查重, §3.2.7, §3.5.2), shared by server and web. */
export type MatchKind = 'exact' | 'fuzzy';

/** One field a rule compares; a record is a likely duplicate when any field of the rule matches. */
export interface RuleField {
  field: string;
  match: MatchKind;
  /** Fuzzy only: the trigram word similarity (0–1) of the company-name keys, either way round, from which records count as duplicates. */
  threshold?: number;
}

export interface DedupeRules {
  object: string;
  enabled: boolean;
  fields: RuleField[];
  /** True while the company has not changed the built-in rules. */
  isDefault: boolean;
}

export interface DuplicateItem {
  id: string;
  name: string | null;
  /** The values of the compared fields (查看字段), by field key. */
  values: Record<string, string | null>;
  createdAt: string;
  ownerId: string | null;
  ownerName: string | null;
  status: string | null;
  score: number;
  matchedOn: string[];
}

export interface DuplicateResult {
  fields: { key: string; label: Label; match: MatchKind }[];
  items: DuplicateItem[];
  /**
   * Matches the caller may not see (撞单, §3.5.2): how many, and on which of the caller's own
   * values, never whose or which records. The rep learns that a colleague already works the
   * company and can ask the manager; the names, owners and ids stay behind visibility, so the
   * check cannot be used to read other people's books.
   */
  hidden: { count: number; capped: boolean; byField: Record<string, number> };
}

/** A list row's "!" (§3.2.7): likely duplicates the caller may open, and those counted only. */
export interface DuplicateMark {
  id: string;
  visible: number;
  hidden: number;
}
