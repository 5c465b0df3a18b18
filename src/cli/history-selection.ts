import type { CommitSelection } from '../git/commits';

/** The commits `scan --history` reads: every ref (the bin starts that very log early). */
export const HISTORY: CommitSelection = { include: [], all: true };
