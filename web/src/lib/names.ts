/** Chinese names of the API's codes, taken from the modules that define them. */
import { applicantName } from '../../../src/workflow/applicant.js';
import { eventFieldNames, eventNames, partyNames } from '../../../src/workflow/application.js';
import { caseKindNames, caseOutcomeNames } from '../../../src/workflow/cases.js';
import { channelNames } from '../../../src/workflow/channel.js';

export { caseKindNames, caseOutcomeNames, channelNames, eventFieldNames, eventNames, partyNames };

export const applicantNameOf = (code: string): string => applicantName(code as never);
export const channelNameOf = (code: string): string =>
  channelNames[code as keyof typeof channelNames] ?? code;
