export { MAX_IAT_CORRECTION_SECONDS, signAuthJwt, type SignAuthJwtInput } from '@/utils/jwt/sign-auth-jwt';
export { decodeJwtForDisplay, type DecodedJwt } from '@/utils/jwt/decode-jwt-for-display';
