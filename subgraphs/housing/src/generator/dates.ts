/** Calendar dates as integer day numbers (days since 1970-01-01, UTC): exact, time-zone free. */

export { day, formatDay, parseDay, yearOfDay, timestampOn } from '@saf/kit';

