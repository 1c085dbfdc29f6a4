"""Steps: a page of a workflow, with the fields it collects and the checks that guard leaving it.

A step's checks are data, not UI: validators per field (``value -> message | None``) and an
optional ``guard`` over the whole draft for rules between fields. The same checks decide
whether ``next`` may leave the step, whether the Next button is enabled (``can_advance``) and,
on ``submit``, whether every step on the path taken still holds.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import KW_ONLY, dataclass, field
from typing import Any

from pyrsistent import PMap, pmap

from streamlit_redux.workflow.draft import Reader, field_reader, split_field
from streamlit_redux.workflow.errors import WorkflowDefinitionError

Validator = Callable[[Any], "str | None"]
"""``validator(value) -> None`` when the value is fine, else the message to show."""
Guard = Callable[[PMap], "Mapping[str, str] | None"]  # type: ignore[type-arg]
"""``guard(data) -> {field: message}`` for rules across fields; empty or None when fine."""
Condition = Callable[[PMap], bool]  # type: ignore[type-arg]

_NO_ERRORS: PMap = pmap()  # type: ignore[type-arg]


@dataclass(frozen=True)
class Step:
    """One step: ``Step("account", fields={"email": required("Enter an email")})``.

    - ``fields``: the draft paths this step collects, each with a validator or a sequence of
      them (the first message wins), or just a sequence of paths without checks.
    - ``guard``: a check over the whole draft, returning ``{field: message}``.
    - ``skip``: ``skip(data) -> True`` leaves the step out of the path (its checks too).
    - ``title``: what a progress indicator shows (default: the name).

    >>> Step("account", fields={"email": required("Enter an email")}).title
    'account'
    """

    name: str
    _: KW_ONLY
    fields: Mapping[str, Validator | Sequence[Validator]] | Sequence[str] = ()
    guard: Guard | None = None
    skip: Condition | None = None
    title: str = ""
    checks: tuple[tuple[str, Reader, tuple[Validator, ...]], ...] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        """Check the declaration now, so a typo fails at import rather than on a click."""
        if not isinstance(self.name, str) or not self.name:
            raise WorkflowDefinitionError(
                f'Step needs a non-empty str name, got {self.name!r}; e.g. Step("account").'
            )
        for option in ("guard", "skip"):
            value = getattr(self, option)
            if value is not None and not callable(value):
                raise WorkflowDefinitionError(
                    f'Step "{self.name}" got {option}={value!r:.60}; pass a function of the '
                    "draft data (or leave it out)."
                )
        object.__setattr__(self, "title", self.title or self.name)
        object.__setattr__(self, "checks", tuple(self._checks()))

    def _checks(self) -> list[tuple[str, Reader, tuple[Validator, ...]]]:
        table = self.fields
        if isinstance(table, str):
            table = (table,)
        items = table.items() if isinstance(table, Mapping) else ((path, ()) for path in table)
        checks = []
        for path, validators in items:
            split_field(path, workflow=f"step {self.name}")
            many = isinstance(validators, Sequence) and not isinstance(validators, str)
            listed: tuple[Any, ...] = tuple(validators) if many else (validators,)  # type: ignore[arg-type]
            for validator in listed:
                if not callable(validator):
                    raise WorkflowDefinitionError(
                        f'Step "{self.name}" field "{path}" has the validator {validator!r:.60}; '
                        "validators are functions value -> None (fine) or an error message."
                    )
            checks.append((path, field_reader(path), listed))
        return checks

    @property
    def field_paths(self) -> tuple[str, ...]:
        """The draft paths this step collects, in declaration order."""
        return tuple(path for path, _, _ in self.checks)

    def errors(self, data: PMap) -> PMap:  # type: ignore[type-arg]
        """``{field: message}`` for what keeps ``data`` from leaving this step (empty: none)."""
        found: dict[str, str] = {}
        for path, read, validators in self.checks:
            value = read(data)
            for validator in validators:
                message = validator(value)
                if message is not None and self._message(message, f'validator of field "{path}"'):
                    found[path] = message
                    break
        if self.guard is not None:
            extra = self.guard(data) or {}
            if not isinstance(extra, Mapping):
                raise WorkflowDefinitionError(
                    f'Step "{self.name}" guard returned {type(extra).__name__} {extra!r:.40}; '
                    "return {field: message} for what is wrong, or {} when all is fine."
                )
            for path, message in extra.items():
                found.setdefault(str(path), self._message(message, "guard"))
        return pmap(found) if found else _NO_ERRORS

    def _message(self, message: object, source: str) -> str:
        if isinstance(message, str):
            return message
        raise WorkflowDefinitionError(
            f'Step "{self.name}" {source} returned {message!r:.40}; return None when the value '
            "is fine and the message to show (a str) when it is not."
        )

    def skipped(self, data: PMap) -> bool:  # type: ignore[type-arg]
        """Whether this step is left out of the path for ``data``."""
        return self.skip is not None and bool(self.skip(data))


def required(message: str = "This field is required.") -> Validator:
    """A validator refusing a missing value: ``None``, blank text or an empty collection.

    >>> check = required("Enter a name")
    >>> check("  "), check("Ann")
    ('Enter a name', None)
    """

    def check(value: Any) -> str | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return message
        if isinstance(value, Collection) and not isinstance(value, str) and not value:
            return message
        return None

    return check
