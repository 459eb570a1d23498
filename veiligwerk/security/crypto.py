"""All cryptography of Veilig Werk, on top of libsodium (PyNaCl).

This is the only module that imports the crypto library (enforced by ruff's banned-api rule).
Every function either returns a result or raises :class:`CryptoError`; callers never see a
library-specific exception. Secrets are compared in constant time.
"""

from __future__ import annotations

import base64
import hmac
from dataclasses import dataclass

import nacl.encoding
import nacl.exceptions
import nacl.hash
import nacl.pwhash
import nacl.secret
import nacl.utils
from nacl.public import PrivateKey, PublicKey, SealedBox

KEY_SIZE = nacl.secret.SecretBox.KEY_SIZE  # 32 bytes
SALT_SIZE = nacl.pwhash.argon2id.SALTBYTES  # 16 bytes
OPSLIMIT_MIN = nacl.pwhash.argon2id.OPSLIMIT_MIN
MEMLIMIT_MIN = nacl.pwhash.argon2id.MEMLIMIT_MIN


class CryptoError(Exception):
    """Raised on any failure: wrong key, tampered data, bad input. Says nothing more."""


@dataclass(frozen=True)
class KeyPair:
    public_key: bytes
    private_key: bytes


def random_bytes(size: int = KEY_SIZE) -> bytes:
    return nacl.utils.random(size)


def keypair_generate() -> KeyPair:
    """A new Curve25519 key pair (raw 32-byte keys)."""
    private = PrivateKey.generate()
    return KeyPair(public_key=bytes(private.public_key), private_key=bytes(private))


def public_key_of(private_key: bytes) -> bytes:
    try:
        return bytes(PrivateKey(private_key).public_key)
    except (nacl.exceptions.CryptoError, TypeError, ValueError) as exc:
        raise CryptoError from exc


def derive_key(*, password: str, salt: bytes, opslimit: int, memlimit: int) -> bytes:
    """Argon2id: a 32-byte symmetric key from a password."""
    if len(salt) != SALT_SIZE:
        raise CryptoError
    try:
        return nacl.pwhash.argon2id.kdf(
            KEY_SIZE, password.encode("utf-8"), salt, opslimit=opslimit, memlimit=memlimit
        )
    except (nacl.exceptions.CryptoError, ValueError, TypeError) as exc:
        raise CryptoError from exc


def secret_encrypt(*, key: bytes, plaintext: bytes) -> bytes:
    """XSalsa20-Poly1305 with a random nonce (prepended)."""
    try:
        return bytes(nacl.secret.SecretBox(key).encrypt(plaintext))
    except (nacl.exceptions.CryptoError, TypeError, ValueError) as exc:
        raise CryptoError from exc


def secret_decrypt(*, key: bytes, ciphertext: bytes) -> bytes:
    try:
        return nacl.secret.SecretBox(key).decrypt(ciphertext)
    except (nacl.exceptions.CryptoError, TypeError, ValueError) as exc:
        raise CryptoError from exc


def seal(*, public_key: bytes, plaintext: bytes) -> bytes:
    """Anonymous public-key encryption: only the holder of the private key can open it."""
    try:
        return bytes(SealedBox(PublicKey(public_key)).encrypt(plaintext))
    except (nacl.exceptions.CryptoError, TypeError, ValueError) as exc:
        raise CryptoError from exc


def unseal(*, private_key: bytes, ciphertext: bytes) -> bytes:
    try:
        return SealedBox(PrivateKey(private_key)).decrypt(ciphertext)
    except (nacl.exceptions.CryptoError, TypeError, ValueError) as exc:
        raise CryptoError from exc


def keypair_from_seed(seed: bytes) -> KeyPair:
    """The Curve25519 key pair whose private key is these 32 bytes (e.g. derived from a code)."""
    if len(seed) != KEY_SIZE:
        raise CryptoError
    private = PrivateKey(seed)
    return KeyPair(public_key=bytes(private.public_key), private_key=bytes(private))


def subkey(*, key: bytes, label: str) -> bytes:
    """A 32-byte key for one purpose, derived from a master key (keyed BLAKE2b over a label).

    Keys for different labels are independent: knowing one reveals nothing of the others."""
    if len(key) < 16:
        raise CryptoError
    return nacl.hash.blake2b(
        label.encode("utf-8"), digest_size=KEY_SIZE, key=key[:64], encoder=nacl.encoding.RawEncoder
    )


def mac(*, key: bytes, message: bytes) -> str:
    """Keyed BLAKE2b (32 bytes), hex: chains the audit log and other integrity tags."""
    return nacl.hash.blake2b(
        message, digest_size=32, key=key[:64], encoder=nacl.encoding.HexEncoder
    ).decode("ascii")


def constant_time_equal(a: str | bytes, b: str | bytes) -> bool:
    if isinstance(a, str):
        a = a.encode("utf-8")
    if isinstance(b, str):
        b = b.encode("utf-8")
    return hmac.compare_digest(a, b)


def encode_key(key: bytes) -> str:
    """Human-transcribable form of a key: base32 in groups of four, for offline storage."""
    text = base64.b32encode(key).decode("ascii").rstrip("=")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def decode_key(text: str) -> bytes:
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    cleaned += "=" * (-len(cleaned) % 8)
    try:
        key = base64.b32decode(cleaned)
    except (ValueError, TypeError) as exc:
        raise CryptoError from exc
    if len(key) != KEY_SIZE:
        raise CryptoError
    return key
