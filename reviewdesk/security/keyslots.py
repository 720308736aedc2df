"""Key slots: how a password or the recovery code unlocks the workspace's data key.

Every slot holds an X25519 key pair. The private key is sealed with AES-256-GCM under an Argon2id key derived
from the slot's secret (password or recovery code); the data key is sealed to the slot's public key (X25519 +
HKDF + AES-256-GCM). So a password change rewraps only its own slot, while a data-key rotation (`rekey`)
re-seals the new key to every slot's public key without knowing anyone's password. The slot id is the
associated data of both seals, so sealed blobs cannot be swapped between slots.

User slots are found by an HMAC of the user name, not the name itself, so the file does not list the accounts.
The file is rewritten atomically; a rotation first records the next key beside the current one, so a crash
between re-encrypting the database and rewriting this file loses nothing.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import threading
import uuid
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from reviewdesk.errors import WorkspaceError
from reviewdesk.security.atomic import write_atomic

FORMAT = "reviewdesk-keyslots"
VERSION = 1
DATA_KEY_BYTES = 32

# Two Argon2id derivations at once in one process hung for good here (cryptography 50, OpenSSL 4.0), so a process
# derives one at a time; a derivation still releases the GIL, so other threads run meanwhile.
_DERIVE_LOCK = threading.Lock()


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. The default (64 MiB, 3 passes, 4 lanes) takes about 0.4 s here."""

    iterations: int = 3
    memory_kib: int = 65536
    lanes: int = 4

    def derive(self, secret: bytes, salt: bytes) -> bytes:
        kdf = Argon2id(
            salt=salt, length=32, iterations=self.iterations, lanes=self.lanes, memory_cost=self.memory_kib
        )
        with _DERIVE_LOCK:
            return kdf.derive(secret)


DEFAULT_KDF = KdfParams()


# (secret, cost) -> (salt, wrap key) derived ahead for that exact secret and cost, or None; set only by
# security/derived_ahead.py for a builder that makes many slots with one known secret (the demo).
WrapKeySupply = Callable[[bytes, KdfParams], tuple[bytes, bytes] | None]
WRAP_KEYS_AHEAD: ContextVar[WrapKeySupply | None] = ContextVar("wrap_keys_ahead", default=None)


def _salt_and_wrap_key(secret: bytes, kdf: KdfParams) -> tuple[bytes, bytes]:
    supply = WRAP_KEYS_AHEAD.get()
    ready = supply(secret, kdf) if supply is not None else None
    if ready is not None:
        return ready
    salt = os.urandom(16)
    return salt, kdf.derive(secret, salt)


@dataclass(frozen=True)
class Unlocked:
    slot_id: str
    data_key: bytes
    next_data_key: bytes | None  # set while a rotation is unfinished


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _raw_public(key: X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _raw_private(key: X25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def _seal_to(public_raw: bytes, plaintext: bytes, aad: bytes) -> dict[str, str]:
    ephemeral = X25519PrivateKey.generate()
    eph_pub = _raw_public(ephemeral.public_key())
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public_raw))
    key = HKDF(hashes.SHA256(), 32, salt=None, info=b"reviewdesk-slot-v1" + eph_pub + public_raw).derive(
        shared
    )
    nonce = os.urandom(12)
    return {
        "ephemeral": _b64(eph_pub),
        "nonce": _b64(nonce),
        "ciphertext": _b64(AESGCM(key).encrypt(nonce, plaintext, aad)),
    }


def _open_sealed(private: X25519PrivateKey, sealed: dict[str, str], aad: bytes) -> bytes:
    eph_pub = _unb64(sealed["ephemeral"])
    own_pub = _raw_public(private.public_key())
    shared = private.exchange(X25519PublicKey.from_public_bytes(eph_pub))
    key = HKDF(hashes.SHA256(), 32, salt=None, info=b"reviewdesk-slot-v1" + eph_pub + own_pub).derive(shared)
    return AESGCM(key).decrypt(_unb64(sealed["nonce"]), _unb64(sealed["ciphertext"]), aad)


class KeySlotFile:
    """The `keyslots.json` file of one workspace."""

    def __init__(self, path: Path, doc: dict[str, Any]) -> None:
        self.path = path
        self._doc = doc

    # -- file -------------------------------------------------------------------------------------------
    @classmethod
    def create(cls, path: Path, workspace_id: str) -> KeySlotFile:
        doc = {
            "format": FORMAT,
            "version": VERSION,
            "workspace_id": workspace_id,
            "lookup_salt": _b64(os.urandom(16)),
            "slots": [],
        }
        return cls(path, doc)

    @classmethod
    def load(cls, path: Path) -> KeySlotFile:
        try:
            doc = json.loads(path.read_bytes())
        except FileNotFoundError:
            raise WorkspaceError(
                f"key slot file missing: {path}", message_zh=f"工作区缺少密钥文件：{path}"
            ) from None
        except (OSError, ValueError):
            raise WorkspaceError(
                f"key slot file unreadable or damaged: {path}", message_zh=f"密钥文件无法读取或已损坏：{path}"
            ) from None
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise WorkspaceError(
                f"not a ReviewDesk key slot file: {path}", message_zh=f"不是评查工作台密钥文件：{path}"
            )
        if doc.get("version") != VERSION:
            raise WorkspaceError(
                f"key slot file version {doc.get('version')} is not supported by this version of ReviewDesk",
                message_zh=f"密钥文件版本 {doc.get('version')} 不受本版本支持，请升级评查工作台",
            )
        return cls(path, doc)

    def save(self) -> None:
        data = json.dumps(self._doc, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
        write_atomic(self.path, data)

    def to_bytes(self) -> bytes:
        return json.dumps(self._doc, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")

    @property
    def workspace_id(self) -> str:
        return str(self._doc["workspace_id"])

    # -- lookup -----------------------------------------------------------------------------------------
    def lookup_id(self, username: str) -> str:
        salt = _unb64(self._doc["lookup_salt"])
        return hmac.new(salt, username.strip().casefold().encode("utf-8"), hashlib.sha256).hexdigest()

    def _slots(self) -> list[dict[str, Any]]:
        return self._doc["slots"]

    def _find_user(self, username: str) -> dict[str, Any] | None:
        wanted = self.lookup_id(username)
        return next((s for s in self._slots() if s["kind"] == "user" and s["lookup"] == wanted), None)

    def _find_recovery(self) -> dict[str, Any] | None:
        return next((s for s in self._slots() if s["kind"] == "recovery"), None)

    def has_user(self, username: str) -> bool:
        return self._find_user(username) is not None

    # -- adding and changing slots ----------------------------------------------------------------------
    def _new_slot(self, kind: str, secret: bytes, data_key: bytes, kdf: KdfParams) -> dict[str, Any]:
        slot_id = str(uuid.uuid4())
        private = X25519PrivateKey.generate()
        public_raw = _raw_public(private.public_key())
        salt, wrap_key = _salt_and_wrap_key(secret, kdf)
        nonce = os.urandom(12)
        sealed_private = AESGCM(wrap_key).encrypt(nonce, _raw_private(private), _aad("private", slot_id))
        return {
            "id": slot_id,
            "kind": kind,
            "kdf": {
                "alg": "argon2id",
                "salt": _b64(salt),
                "iterations": kdf.iterations,
                "memory_kib": kdf.memory_kib,
                "lanes": kdf.lanes,
            },
            "private_key": {"nonce": _b64(nonce), "ciphertext": _b64(sealed_private)},
            "public_key": _b64(public_raw),
            "data_key": _seal_to(public_raw, data_key, _aad("data", slot_id)),
        }

    def set_user(self, username: str, password: str, data_key: bytes, kdf: KdfParams = DEFAULT_KDF) -> str:
        """Add the user's slot, or replace it (password change or reset). Returns the slot id."""
        self.remove_user(username)
        slot = self._new_slot("user", password.encode("utf-8"), data_key, kdf)
        slot["lookup"] = self.lookup_id(username)
        self._slots().append(slot)
        return slot["id"]

    def remove_user(self, username: str) -> bool:
        slot = self._find_user(username)
        if slot is None:
            return False
        self._slots().remove(slot)
        return True

    def keep_only_users(self, usernames: set[str]) -> int:
        """Drop user slots of accounts that no longer exist or are disabled (e.g. left by an interrupted
        change). Returns how many were dropped."""
        keep = {self.lookup_id(name) for name in usernames}
        before = len(self._slots())
        self._doc["slots"] = [s for s in self._slots() if s["kind"] != "user" or s["lookup"] in keep]
        return before - len(self._slots())

    def set_recovery(self, code_normalized: str, data_key: bytes, kdf: KdfParams = DEFAULT_KDF) -> None:
        old = self._find_recovery()
        if old is not None:
            self._slots().remove(old)
        self._slots().append(self._new_slot("recovery", code_normalized.encode("ascii"), data_key, kdf))

    # -- unlocking --------------------------------------------------------------------------------------
    def _unlock_slot(self, slot: dict[str, Any], secret: bytes) -> Unlocked | None:
        kdf_doc = slot["kdf"]
        kdf = KdfParams(kdf_doc["iterations"], kdf_doc["memory_kib"], kdf_doc["lanes"])
        wrap_key = kdf.derive(secret, _unb64(kdf_doc["salt"]))
        try:
            private_raw = AESGCM(wrap_key).decrypt(
                _unb64(slot["private_key"]["nonce"]),
                _unb64(slot["private_key"]["ciphertext"]),
                _aad("private", slot["id"]),
            )
        except InvalidTag:
            return None
        private = X25519PrivateKey.from_private_bytes(private_raw)
        try:
            data_key = _open_sealed(private, slot["data_key"], _aad("data", slot["id"]))
            pending = slot.get("next_data_key")
            next_key = _open_sealed(private, pending, _aad("data", slot["id"])) if pending else None
        except InvalidTag:
            raise WorkspaceError(
                "key slot damaged (data key does not open)", message_zh="密钥槽已损坏，无法解开数据密钥"
            ) from None
        return Unlocked(slot["id"], data_key, next_key)

    def unlock_user(self, username: str, password: str) -> Unlocked | None:
        slot = self._find_user(username)
        if slot is None:
            # Spend the same time as a real attempt so timing does not reveal which user names exist.
            DEFAULT_KDF.derive(password.encode("utf-8"), b"\0" * 16)
            return None
        return self._unlock_slot(slot, password.encode("utf-8"))

    def unlock_recovery(self, code_normalized: str) -> Unlocked | None:
        slot = self._find_recovery()
        if slot is None:
            return None
        return self._unlock_slot(slot, code_normalized.encode("ascii"))

    # -- data-key rotation ------------------------------------------------------------------------------
    def stage_next_key(self, next_key: bytes) -> None:
        for slot in self._slots():
            slot["next_data_key"] = _seal_to(_unb64(slot["public_key"]), next_key, _aad("data", slot["id"]))

    def promote_next_key(self) -> None:
        for slot in self._slots():
            pending = slot.pop("next_data_key", None)
            if pending is not None:
                slot["data_key"] = pending

    def drop_next_key(self) -> None:
        for slot in self._slots():
            slot.pop("next_data_key", None)


def _aad(purpose: str, slot_id: str) -> bytes:
    return f"reviewdesk-slot-v1:{purpose}:{slot_id}".encode("ascii")


def new_data_key() -> bytes:
    return os.urandom(DATA_KEY_BYTES)
