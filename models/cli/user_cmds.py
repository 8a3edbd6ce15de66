"""`cunwu user add|list|disable|enable|reset-password` — accounts (admins only, once any exists).

In a database without accounts, `user add` runs without signing in (the operator acts) and the
first account must be an admin; from then on every command signs in.
"""

from __future__ import annotations

import sys

from ..rules.accounts import ROLES, role_label
from ..services.accounts import AccountService
from .common import Env, add_json_flag, new_password, print_json


def register(sub) -> None:
    p = sub.add_parser("user", help="账户：新增、列出、停用、启用、重设密码")
    usub = p.add_subparsers(dest="user_command", metavar="ACTION")
    roles = "，".join(f"{r}（{role_label(r)}）" for r in ROLES)

    a = usub.add_parser("add", help="新增账户（密码取自 CUNWU_NEW_PASSWORD 或提示输入）")
    a.add_argument("name", metavar="NAME", help="用户名（通常是本人姓名）")
    a.add_argument("--role", required=True, choices=ROLES, help=f"角色：{roles}")
    add_json_flag(a)
    a.set_defaults(handler=cmd_add)

    ls = usub.add_parser("list", help="列出账户")
    add_json_flag(ls)
    ls.set_defaults(handler=cmd_list)

    d = usub.add_parser("disable", help="停用账户（记录保留，不能再登录）")
    d.add_argument("name", metavar="NAME")
    d.set_defaults(handler=cmd_disable)

    e = usub.add_parser("enable", help="重新启用停用的账户")
    e.add_argument("name", metavar="NAME")
    e.set_defaults(handler=cmd_enable)

    r = usub.add_parser("reset-password", help="重设账户密码（新密码取自 CUNWU_NEW_PASSWORD 或提示输入）")
    r.add_argument("name", metavar="NAME")
    r.set_defaults(handler=cmd_reset)


def _service(env: Env) -> AccountService:
    return AccountService(env.ctx())


def cmd_add(env: Env, args) -> int:
    service = _service(env)
    service.ctx.require("users.manage")  # before asking for a password the caller may not set
    data = service.add(args.name, args.role, new_password(args.name.strip()))
    if args.json:
        print_json(data.to_json())
    else:
        sys.stdout.write(f"已新增账户“{data.name}”（{data.role_label}）\n")
    return 0


def cmd_list(env: Env, args) -> int:
    accounts = _service(env).list()
    if args.json:
        print_json([a.to_json() for a in accounts])
        return 0
    if not accounts:
        sys.stdout.write("（尚无账户：cunwu user add 姓名 --role admin 新增第一个村干部账户）\n")
    for a in accounts:
        state = "　已停用" if a.disabled else ""
        sys.stdout.write(f"{a.name}\t{a.role}\t{a.role_label}{state}\n")
    return 0


def cmd_disable(env: Env, args) -> int:
    data = _service(env).disable(args.name)
    sys.stdout.write(f"已停用账户“{data.name}”\n")
    return 0


def cmd_enable(env: Env, args) -> int:
    data = _service(env).enable(args.name)
    sys.stdout.write(f"已启用账户“{data.name}”\n")
    return 0


def cmd_reset(env: Env, args) -> int:
    service = _service(env)
    service.ctx.require("users.manage")  # before asking for a password the caller may not set
    data = service.reset_password(args.name, new_password(args.name.strip()))
    sys.stdout.write(f"已重设账户“{data.name}”的密码\n")
    return 0
