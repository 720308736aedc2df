"""A command's code, imported only when that command runs.

The argparse tree (reviewdesk/cli/parsers/) names each command's function as `command("module", "cmd_x")`
(through options.runs);
building the tree, `--help`, `--version` and starting the GUI therefore import no command module and none of
what they pull in (numpy, OR-Tools, the document renderers, the store).
"""

from __future__ import annotations

import argparse
import importlib
from dataclasses import dataclass


@dataclass(frozen=True)
class LazyCommand:
    module: str
    name: str

    @property
    def target(self) -> str:
        return f"reviewdesk.cli.commands.{self.module}:{self.name}"

    def resolve(self):  # noqa: ANN201 - the command function, whatever its module declares
        return getattr(importlib.import_module(f"reviewdesk.cli.commands.{self.module}"), self.name)

    def __call__(self, args: argparse.Namespace) -> int | None:
        return self.resolve()(args)


def command(module: str, name: str) -> LazyCommand:
    return LazyCommand(module, name)
