export { importPrivateKey } from '@/utils/keys/import-private-key';
export { generateKeyPair } from '@/utils/keys/generate-key-pair';
export { publicKeyFromPkcs8 } from '@/utils/keys/public-key-from-pkcs8';
export { spkiPemToPkcs1Pem } from '@/utils/keys/spki-to-pkcs1';
export { importSigningKey } from '@/utils/keys/import-signing-key';
export {
  GENERATED_KEY_SIZES,
  MIN_RSA_MODULUS_BITS,
  SIGNING_ALGS,
  type ImportedKey,
  type KeySourceFormat,
  type PublicKeyInfo,
  type RsaModulusBits,
  type SigningAlg,
} from '@/utils/keys/types';
