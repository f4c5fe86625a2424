import matrix from './duty-matrix.json';

/** The whole duty matrix of seed 004, as shipped in reference/duty-matrix.json. */
export type DutyRole = 'LEAD' | 'SUPPORT' | 'JOINT' | 'PARTICIPANT' | 'IMPLEMENTER';

export interface DutyMatrixFile {
  source: string;
  departments: Array<{ code: string; zh: string; en: string; subgraph?: string }>;
  areas: Array<{
    code: string;
    item: number;
    zh: string;
    en: string;
    deadline?: string;
    lead?: string[];
    support?: string[];
    joint?: string[];
    participants?: string[];
    implementers?: string[];
  }>;
}

export const DUTY_MATRIX = matrix as DutyMatrixFile;
