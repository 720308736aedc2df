"""Passwords and codes for the CLI: from the environment variable a flag names, or typed at a prompt."""

from __future__ import annotations

import getpass
import os
import sys

from reviewdesk.errors import ReviewDeskError


class UsageError(ReviewDeskError):
    code = "usage"
    exit_code = 2


def read_secret(env_var: str | None, prompt: str, *, confirm: bool = False, what: str = "password") -> str:
    if env_var:
        value = os.environ.get(env_var)
        if value is None:
            raise UsageError(
                f"environment variable {env_var} is not set", message_zh=f"环境变量 {env_var} 未设置"
            )
        return value
    if not sys.stdin.isatty():
        raise UsageError(
            f"no {what}: there is no terminal to ask on; name an environment variable with the matching --…-env option",
            message_zh="没有终端可以输入，请用相应的 --…-env 选项指定环境变量",
        )
    value = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat / 再次输入: ") != value:
        raise UsageError(f"the two {what}s differ", message_zh="两次输入不一致")
    return value
