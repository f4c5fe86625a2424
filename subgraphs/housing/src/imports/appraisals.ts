import { ImportKind, ParsedRow, RowProblem } from '@saf/kit';
import { AppraisalMethod, DwellingRating, DwellingStructure } from '../codes';
import { FIRST_DATA_DAY } from '../housing/validation';

/**
 * `--kind appraisals`: dwelling safety appraisals (农村危房鉴定) as the appraisal teams or the
 * third-party agencies report them, one household and appraisal day per row → dwelling_appraisal.
 *
 * - The natural key is the table's UNIQUE (household_id, appraisal_date). The record ID
 *   (`<household>-A01`, `-A02`…) is allocated here like recordDwellingAppraisal does — the next free
 *   number of the household — because the agencies that deliver appraisals do not know the
 *   department's numbering.
 * - is_latest (the appraisal that counts for the household's housing safety, one per household) is
 *   recomputed after the write for every household the file touched, so that a back-dated appraisal
 *   leaves the flag where it was, as the mutation does.
 */

export const appraisals: ImportKind = {
  name: 'appraisals',
  description: 'Dwelling safety appraisals (农村危房鉴定): one household\'s dwelling appraised on one day per row.',
  table: 'dwelling_appraisal',
  columns: [
    { name: 'household_id', type: { kind: 'householdId' }, description: 'The household whose dwelling was appraised.' },
    { name: 'appraisal_date', type: { kind: 'date', min: FIRST_DATA_DAY, notInFuture: true }, description: 'Day of the appraisal; one appraisal per household and day. The latest appraisal is the one that counts.' },
    { name: 'rating', type: { kind: 'enum', values: Object.values(DwellingRating) }, description: '危险性鉴定等级: A safe, B some components in danger, C 局部危房, D 整幢危房.' },
    { name: 'appraiser', type: { kind: 'text', maxLength: 60 }, description: 'The appraiser or appraising agency.' },
    { name: 'method', type: { kind: 'enum', values: Object.values(AppraisalMethod) }, description: 'Who appraised: the county housing bureau (县级住建部门) or a third-party agency.' },
    { name: 'structure', type: { kind: 'enum', values: Object.values(DwellingStructure) }, description: '房屋结构: 土坯, 木, 石, 砖木, 砖混, 框架, 其他.' },
    { name: 'floor_area', type: { kind: 'decimal', scale: 2, min: 5, max: 1000 }, description: 'Floor area (建筑面积), square metres (e.g. 85.5).' },
    { name: 'year_built', type: { kind: 'int', min: 1900, max: 2100 }, required: false, description: 'Year the dwelling was built, at most the appraisal year.' },
    { name: 'danger_points', type: { kind: 'text', maxLength: 500 }, required: false, description: 'Danger points found (危险点).' },
  ],
  naturalKey: ['household_id', 'appraisal_date'],
  // The department's own numbering and lock (recordDwellingAppraisal's nextId).
  recordId: { column: 'id', infix: '-A', digits: 2, max: 999, lockKey: 'housing:A:' },
  // Two statements: the partial unique index (one latest per household) is checked row by row.
  afterWrite: [
    `UPDATE dwelling_appraisal SET is_latest = false
     WHERE is_latest AND household_id IN (SELECT household_id FROM import_new)`,
    `UPDATE dwelling_appraisal SET is_latest = true
     WHERE id IN (SELECT DISTINCT ON (household_id) id FROM dwelling_appraisal
                  WHERE household_id IN (SELECT household_id FROM import_new)
                  ORDER BY household_id, appraisal_date DESC, id DESC)`,
  ],
  validateRow: validateAppraisalRow,
  sampleFile: 'samples/appraisals.csv',
};

/** The table's CHECK on year_built and the rule of validateAppraisal (the other rules are in the column types). */
export function validateAppraisalRow(row: ParsedRow): RowProblem[] {
  const year = Number(String(row.appraisal_date).slice(0, 4));
  if (row.year_built === null || (row.year_built as number) <= year) return [];
  return [{ column: 'year_built', code: 'INVALID_VALUE', reason: `year_built must be between 1900 and the appraisal year ${year}` }];
}
