/** The kind of body a report's agency is, as the checks ask it (several checks, one report). */
import { type BodyKindName, bodyKindOf } from '../corpus/bodies/names.js';

let lastName: string | null | undefined;
let lastKind: BodyKindName | undefined;

/**
 * `bodyKindOf(name)`, the last answer kept: the checks of one report ask for the same name one
 * after the other, and reading a name (abbreviations written out) costs more than the checks.
 */
export function agencyKind(name: string | null | undefined): BodyKindName {
  if (lastKind === undefined || name !== lastName) {
    lastKind = bodyKindOf(name);
    lastName = name;
  }
  return lastKind;
}
