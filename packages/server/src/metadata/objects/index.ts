import type { StandardObject } from '../define';
import { account } from './account';
import { activity } from './activity';
import { campaign } from './campaign';
import { competitor } from './competitor';
import { contact } from './contact';
import { contract } from './contract';
import { lead } from './lead';
import { opportunity } from './opportunity';
import { order } from './order';
import { partner } from './partner';
import { product } from './product';
import { task } from './task';

/** The standard objects, in menu order. Each object's folder under objects/ adds behaviour on top. */
export const STANDARD_OBJECTS: readonly StandardObject[] = [
  campaign, lead, account, contact, opportunity, product, partner, competitor, contract, order, activity, task,
];
export const OBJECT_KEYS = STANDARD_OBJECTS.map((o) => o.key);
export const standardObject = (key: string) => STANDARD_OBJECTS.find((o) => o.key === key);
