// Why the reader chose an encoding and a delimiter: shared with `plek-sync init`, which words the same reasons.
export { delimiterReason, encodingReason } from '../../../../shared/source/reasons';
