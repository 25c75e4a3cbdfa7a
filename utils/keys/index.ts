export { importPrivateKey } from './import-private-key';
export { generateKeyPair } from './generate-key-pair';
export { publicKeyFromPkcs8 } from './public-key-from-pkcs8';
export { spkiPemToPkcs1Pem } from './spki-to-pkcs1';
export { importSigningKey } from './import-signing-key';
export {
  GENERATED_KEY_SIZES,
  MIN_RSA_MODULUS_BITS,
  SIGNING_ALGS,
  type ImportedKey,
  type KeySourceFormat,
  type PublicKeyInfo,
  type RsaModulusBits,
  type SigningAlg,
} from './types';
