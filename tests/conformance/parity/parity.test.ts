// Every corpus command, run with the real kubectl and with ours against the same cluster, must
// print the same stdout and stderr and exit with the same code.

import { corpus } from './corpus.ts';
import { describeParity } from './ours.ts';

describeParity('our kubectl prints what the real kubectl prints', corpus, { files: {} });
