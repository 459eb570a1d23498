"""The crypto module: every operation round-trips, and any doubt ends in one CryptoError."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from veiligwerk.security import crypto
from veiligwerk.security.crypto import CryptoError

KEY = st.binary(min_size=crypto.KEY_SIZE, max_size=crypto.KEY_SIZE)
SALT = st.binary(min_size=crypto.SALT_SIZE, max_size=crypto.SALT_SIZE)
PLAINTEXT = st.binary(max_size=2048)
FAST_KDF = {"opslimit": crypto.OPSLIMIT_MIN, "memlimit": crypto.MEMLIMIT_MIN}


def _flip(data: bytes, index: int) -> bytes:
    index %= len(data)
    return data[:index] + bytes([data[index] ^ 0x01]) + data[index + 1 :]


# --- Sealed boxes (public-key encryption) -------------------------------------------------------


@given(plaintext=PLAINTEXT)
def test_sealed_message_opens_with_the_matching_private_key(plaintext):
    pair = crypto.keypair_generate()
    sealed = crypto.seal(public_key=pair.public_key, plaintext=plaintext)
    assert crypto.unseal(private_key=pair.private_key, ciphertext=sealed) == plaintext


@given(plaintext=PLAINTEXT)
def test_sealed_message_does_not_contain_the_plaintext(plaintext):
    pair = crypto.keypair_generate()
    sealed = crypto.seal(public_key=pair.public_key, plaintext=plaintext)
    if len(plaintext) >= 8:
        assert plaintext not in sealed
    assert len(sealed) > len(plaintext)


@given(plaintext=PLAINTEXT)
def test_sealed_message_does_not_open_with_another_private_key(plaintext):
    pair, other = crypto.keypair_generate(), crypto.keypair_generate()
    sealed = crypto.seal(public_key=pair.public_key, plaintext=plaintext)
    with pytest.raises(CryptoError):
        crypto.unseal(private_key=other.private_key, ciphertext=sealed)


@given(plaintext=PLAINTEXT, index=st.integers(min_value=0))
def test_tampered_sealed_message_is_refused(plaintext, index):
    pair = crypto.keypair_generate()
    sealed = crypto.seal(public_key=pair.public_key, plaintext=plaintext)
    with pytest.raises(CryptoError):
        crypto.unseal(private_key=pair.private_key, ciphertext=_flip(sealed, index))


@given(cut=st.integers(min_value=1, max_value=100))
def test_truncated_sealed_message_is_refused(cut):
    pair = crypto.keypair_generate()
    sealed = crypto.seal(public_key=pair.public_key, plaintext=b"melding")
    with pytest.raises(CryptoError):
        crypto.unseal(private_key=pair.private_key, ciphertext=sealed[:-cut])


@pytest.mark.parametrize("public_key", [b"", b"\x01" * 31, b"\x01" * 33])
def test_seal_to_a_malformed_public_key_raises_crypto_error(public_key):
    with pytest.raises(CryptoError):
        crypto.seal(public_key=public_key, plaintext=b"melding")


@pytest.mark.parametrize("private_key", [b"", b"\x01" * 31, b"\x01" * 33])
def test_unseal_with_a_malformed_private_key_raises_crypto_error(private_key):
    pair = crypto.keypair_generate()
    sealed = crypto.seal(public_key=pair.public_key, plaintext=b"melding")
    with pytest.raises(CryptoError):
        crypto.unseal(private_key=private_key, ciphertext=sealed)


# --- Key pairs -------------------------------------------------------------------------------------


def test_generated_key_pairs_are_distinct_and_32_bytes():
    first, second = crypto.keypair_generate(), crypto.keypair_generate()
    assert len(first.public_key) == len(first.private_key) == 32
    assert first.private_key != second.private_key
    assert first.public_key != second.public_key


def test_public_key_of_matches_the_generated_public_key():
    pair = crypto.keypair_generate()
    assert crypto.public_key_of(pair.private_key) == pair.public_key


@pytest.mark.parametrize("private_key", [b"", b"\x01" * 31, b"\x01" * 64])
def test_public_key_of_a_malformed_private_key_raises_crypto_error(private_key):
    with pytest.raises(CryptoError):
        crypto.public_key_of(private_key)


# --- Secret boxes (symmetric encryption) ---------------------------------------------------------


@given(key=KEY, plaintext=PLAINTEXT)
def test_secret_message_decrypts_with_the_same_key(key, plaintext):
    ciphertext = crypto.secret_encrypt(key=key, plaintext=plaintext)
    assert crypto.secret_decrypt(key=key, ciphertext=ciphertext) == plaintext


@given(key=KEY, plaintext=PLAINTEXT)
def test_secret_encryption_uses_a_fresh_nonce_each_time(key, plaintext):
    first = crypto.secret_encrypt(key=key, plaintext=plaintext)
    second = crypto.secret_encrypt(key=key, plaintext=plaintext)
    assert first != second


@given(key=KEY, other=KEY, plaintext=PLAINTEXT)
def test_secret_message_does_not_decrypt_with_another_key(key, other, plaintext):
    if key == other:
        other = _flip(other, 0)
    ciphertext = crypto.secret_encrypt(key=key, plaintext=plaintext)
    with pytest.raises(CryptoError):
        crypto.secret_decrypt(key=other, ciphertext=ciphertext)


@given(key=KEY, plaintext=PLAINTEXT, index=st.integers(min_value=0))
def test_tampered_secret_message_is_refused(key, plaintext, index):
    ciphertext = crypto.secret_encrypt(key=key, plaintext=plaintext)
    with pytest.raises(CryptoError):
        crypto.secret_decrypt(key=key, ciphertext=_flip(ciphertext, index))


@given(key=KEY, garbage=st.binary(max_size=200))
def test_secret_decrypt_of_garbage_raises_crypto_error(key, garbage):
    with pytest.raises(CryptoError):
        crypto.secret_decrypt(key=key, ciphertext=garbage)


@pytest.mark.parametrize("key", [b"", b"\x01" * 16, b"\x01" * 31, b"\x01" * 33])
def test_secret_encrypt_with_a_wrongly_sized_key_raises_crypto_error(key):
    with pytest.raises(CryptoError):
        crypto.secret_encrypt(key=key, plaintext=b"melding")


def test_random_bytes_have_the_requested_size_and_differ():
    assert len(crypto.random_bytes()) == crypto.KEY_SIZE
    assert len(crypto.random_bytes(16)) == 16
    assert crypto.random_bytes() != crypto.random_bytes()


# --- Key derivation (Argon2id) ---------------------------------------------------------------------


@settings(max_examples=25, deadline=None)
@given(password=st.text(max_size=64), salt=SALT)
def test_derive_key_is_deterministic(password, salt):
    first = crypto.derive_key(password=password, salt=salt, **FAST_KDF)
    second = crypto.derive_key(password=password, salt=salt, **FAST_KDF)
    assert first == second
    assert len(first) == crypto.KEY_SIZE


@settings(max_examples=25, deadline=None)
@given(password=st.text(max_size=64), salt=SALT, other_salt=SALT)
def test_derive_key_differs_per_salt(password, salt, other_salt):
    if salt == other_salt:
        other_salt = _flip(other_salt, 0)
    first = crypto.derive_key(password=password, salt=salt, **FAST_KDF)
    assert first != crypto.derive_key(password=password, salt=other_salt, **FAST_KDF)


@settings(max_examples=25, deadline=None)
@given(password=st.text(max_size=64), other=st.text(max_size=64), salt=SALT)
def test_derive_key_differs_per_password(password, other, salt):
    if password == other:
        other += "x"
    first = crypto.derive_key(password=password, salt=salt, **FAST_KDF)
    assert first != crypto.derive_key(password=other, salt=salt, **FAST_KDF)


@pytest.mark.parametrize("size", [0, 8, 15, 17, 32])
def test_derive_key_with_a_wrongly_sized_salt_raises_crypto_error(size):
    with pytest.raises(CryptoError):
        crypto.derive_key(password="wachtwoord", salt=b"\x00" * size, **FAST_KDF)


def test_derive_key_below_the_minimum_cost_raises_crypto_error():
    with pytest.raises(CryptoError):
        crypto.derive_key(
            password="wachtwoord",
            salt=b"\x00" * crypto.SALT_SIZE,
            opslimit=crypto.OPSLIMIT_MIN,
            memlimit=crypto.MEMLIMIT_MIN - 1,
        )


# --- Keyed hash --------------------------------------------------------------------------------------


@given(key=KEY, message=st.binary(max_size=512))
def test_mac_is_deterministic_hex_of_32_bytes(key, message):
    tag = crypto.mac(key=key, message=message)
    assert tag == crypto.mac(key=key, message=message)
    assert len(bytes.fromhex(tag)) == 32


@given(key=KEY, other=KEY, message=st.binary(max_size=512))
def test_mac_depends_on_the_key(key, other, message):
    if key == other:
        other = _flip(other, 0)
    assert crypto.mac(key=key, message=message) != crypto.mac(key=other, message=message)


# --- Transcribable keys ----------------------------------------------------------------------------


@given(key=KEY)
def test_encoded_key_decodes_to_the_same_key(key):
    assert crypto.decode_key(crypto.encode_key(key)) == key


@given(key=KEY)
def test_encoded_key_is_groups_of_four_base32_characters(key):
    groups = crypto.encode_key(key).split("-")
    assert all(1 <= len(group) <= 4 for group in groups)
    assert all(ch in "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567" for ch in "".join(groups))


@given(key=KEY)
def test_decode_key_forgives_case_spaces_and_missing_dashes(key):
    text = crypto.encode_key(key)
    assert crypto.decode_key(text.lower()) == key
    assert crypto.decode_key(text.replace("-", "")) == key
    assert crypto.decode_key("  " + text.replace("-", " ") + "\n") == key


@pytest.mark.parametrize(
    "text",
    [
        "",
        "not a key",
        "AAAA-AAAA",  # too short
        "1111-1111-1111-1111-1111-1111-1111-1111-1111-1111-1111-1111-1111",  # 1 is not base32
        "ÄÄÄÄ-ÖÖÖÖ-ÜÜÜÜ-ÄÄÄÄ-ÖÖÖÖ-ÜÜÜÜ-ÄÄÄÄ-ÖÖÖÖ-ÜÜÜÜ-ÄÄÄÄ-ÖÖÖÖ-ÜÜÜÜ-ÄÄÄÄ",
    ],
)
def test_decode_key_rejects_garbage(text):
    with pytest.raises(CryptoError):
        crypto.decode_key(text)


def test_decode_key_rejects_a_key_of_the_wrong_length():
    with pytest.raises(CryptoError):
        crypto.decode_key(crypto.encode_key(b"\x07" * 16))


@given(text=st.text(max_size=200))
def test_decode_key_returns_a_key_or_raises_crypto_error_only(text):
    try:
        key = crypto.decode_key(text)
    except CryptoError:
        return
    assert len(key) == crypto.KEY_SIZE


# --- Constant-time comparison ------------------------------------------------------------------------


@given(a=st.text(), b=st.text())
def test_constant_time_equal_agrees_with_equality_for_text(a, b):
    assert crypto.constant_time_equal(a, b) is (a == b)
    assert crypto.constant_time_equal(a, a) is True


@given(a=st.binary(), b=st.binary())
def test_constant_time_equal_agrees_with_equality_for_bytes(a, b):
    assert crypto.constant_time_equal(a, b) is (a == b)


def test_constant_time_equal_compares_text_with_its_utf8_bytes():
    assert crypto.constant_time_equal("sleutel-é", "sleutel-é".encode()) is True
    assert crypto.constant_time_equal("sleutel-é", b"sleutel-e") is False


def test_constant_time_equal_refuses_different_lengths():
    assert crypto.constant_time_equal("abc", "abcd") is False
    assert crypto.constant_time_equal(b"", b"\x00") is False
