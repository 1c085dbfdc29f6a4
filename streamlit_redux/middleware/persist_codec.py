"""The stored form of a persisted part: ``{"version": n, "state": <JSON>}``, and its checks.

Opening a stored copy parses it (with the codec's parser: a hostile, deeply nested text is a
``SerializationError``, not a ``RecursionError``), runs the migrations from its version up, then
checks that it fits the state (map vs vector vs set vs scalar at each persisted path) and runs
the user's ``validate``. Any failure raises, and the caller keeps the stored copy aside.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from streamlit_redux.middleware.persist_paths import shape_mismatch
from streamlit_redux.store.codec import (
    Decoder,
    Encoder,
    from_json_value,
    parse_json,
    refuse_lone_surrogates,
    to_json_value,
)
from streamlit_redux.store.errors import PersistError

Migration = Callable[[Any], Any]


@dataclass(frozen=True)
class Envelope:
    """How a persistor seals (writes) and opens (reads) its stored copy."""

    version: int
    migrations: Mapping[int, Migration]
    validate: Callable[[Any], object] | None
    encoder_hook: Encoder | None
    decoder_hook: Decoder | None

    def sealed(self, part: Any) -> str:
        body = to_json_value(part, encoder_hook=self.encoder_hook)
        text = json.dumps({"version": self.version, "state": body})
        refuse_lone_surrogates(text, body, writing=True)
        return text

    def opened(self, raw: str, state: Any, include: Sequence[str] | None) -> tuple[Any, bool]:
        """(the stored part, migrated to this version, whether it was migrated)."""
        envelope = parse_json(raw)  # never a RecursionError, however deep the stored text
        if not isinstance(envelope, dict) or "state" not in envelope:
            raise PersistError('it is not a {"version": n, "state": ...} envelope')
        stored_version = int(envelope["version"])
        part = from_json_value(envelope["state"], decoder_hook=self.decoder_hook)
        part = self._migrated(part, stored_version)
        problem = shape_mismatch(state, part, include)
        if problem is not None:
            raise PersistError(
                f"it does not fit the state: {problem}; write a migration (raise version=) "
                "when the state's shape changes"
            )
        if self.validate is not None:
            try:
                self.validate(part)
            except Exception as exc:
                raise PersistError(f"validate= refused it ({type(exc).__name__}: {exc})") from exc
        return part, stored_version != self.version

    def _migrated(self, part: Any, stored_version: int) -> Any:
        if stored_version > self.version:
            raise PersistError(
                f"it was written by version {stored_version}, newer than this app's version "
                f"{self.version}; deploy the newer app or raise version="
            )
        for step in range(stored_version + 1, self.version + 1):
            migration = self.migrations.get(step)
            if migration is None:
                raise PersistError(
                    f"no migration to version {step} (from {stored_version}); add "
                    f"migrations={{{step}: fn}}"
                )
            part = migration(part)
        return part
