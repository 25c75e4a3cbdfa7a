import { decodeJwt, decodeProtectedHeader, type JWTPayload, type ProtectedHeaderParameters } from 'jose';
import { AppError } from '@/utils/errors';

export interface DecodedJwt {
  header: ProtectedHeaderParameters;
  claims: JWTPayload;
}

/**
 * Header and claims of a JWT, for a "what will be sent" view. Does not verify anything and
 * deliberately leaves out the signature, which is the part worth keeping off screen.
 * @example decodeJwtForDisplay(jwt) // { header: { alg: 'RS256', typ: 'JWT' }, claims: { username, iat } }
 */
export function decodeJwtForDisplay(jwt: string): DecodedJwt {
  try {
    return { header: decodeProtectedHeader(jwt), claims: decodeJwt(jwt) };
  } catch {
    throw new AppError('jwt_malformed');
  }
}
