"""The receipt code (meldcode): what a reporter writes down to come back to their report.

Format: 24 characters of Crockford base32 (digits and capitals without I, L, O, U), shown in six
groups of four: ``7KQ2-M9XD-...``. The first 8 characters (40 bits) are the lookup part: they
find the report in one indexed query and are not secret. The last 16 characters (80 bits) are
the secret: they are never stored; Argon2id of them (with a per-report salt) yields a verifier
that is stored and the reporter's private key, which is not.

Typing errors are forgiven: case, spaces, hyphens, and O/I/L read as 0/1/1.
"""

from __future__ import annotations

from dataclasses import dataclass

from veiligwerk.security import crypto

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LOOKUP_LENGTH = 8  # 40 bits: unique lookup, not secret
SECRET_LENGTH = 16  # 80 bits: the secret part
CODE_LENGTH = LOOKUP_LENGTH + SECRET_LENGTH
SECRET_BITS = SECRET_LENGTH * 5

_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})


@dataclass(frozen=True)
class ReceiptCode:
    lookup: str
    secret: str

    @property
    def text(self) -> str:
        """The code as shown to the reporter, in groups of four."""
        raw = self.lookup + self.secret
        return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def _random_chars(count: int) -> str:
    # 32 symbols: each random byte's low 5 bits are uniform.
    return "".join(ALPHABET[b & 31] for b in crypto.random_bytes(count))


def receipt_generate() -> ReceiptCode:
    return ReceiptCode(lookup=_random_chars(LOOKUP_LENGTH), secret=_random_chars(SECRET_LENGTH))


def receipt_parse(text: str) -> ReceiptCode | None:
    """The code in what someone typed, or None if it cannot be one (wrong length or letters)."""
    if len(text) > 100:
        return None
    cleaned = "".join(ch for ch in text.upper() if ch not in " -\t\r\n").translate(_READ_AS)
    if len(cleaned) != CODE_LENGTH or any(ch not in ALPHABET for ch in cleaned):
        return None
    return ReceiptCode(lookup=cleaned[:LOOKUP_LENGTH], secret=cleaned[LOOKUP_LENGTH:])


def receipt_mentioned_in(text: str, code: ReceiptCode) -> bool:
    """Whether a message contains the reporter's own code (in any spacing or case)."""
    squeezed = "".join(ch for ch in text.upper() if ch.isalnum()).translate(_READ_AS)
    return code.secret in squeezed
