export { guidToString, guidToBytes, escapeFilterBytes, sidToString } from './binary';
export {
  FILETIME_NEVER,
  filetimeToMillis,
  filetimeToDate,
  accountExpiresToDate,
  generalizedTimeToDate,
} from './time';
export { UAC, uacFlags, isAccountDisabled, type UacFlag } from './uac';
export { suggestAdMapping, keyStabilityMessage, keyStabilityWarning } from './suggest';
