export { MAX_IAT_CORRECTION_SECONDS, signAuthJwt, type SignAuthJwtInput } from './sign-auth-jwt';
export { decodeJwtForDisplay, type DecodedJwt } from './decode-jwt-for-display';
