"""`cunwu settings list|get|set` — the settings 关于与设置 edits, from the one registry
(`models.services.settings.SETTINGS`): each key's type, rule and default are declared there.

A bad key or value is refused with exit 1, naming the key and the rule; nothing is written.
"""

from __future__ import annotations

import sys

from ..services.settings import SETTINGS, SettingsService, setting_spec
from .common import Env, add_json_flag, print_json


def register(sub) -> None:
    keys = "、".join(SETTINGS)
    p = sub.add_parser("settings", help="查看、修改本单位的设置（开始记录的月份、答复期限、公告页脚）",
                       description=f"可用的设置：{', '.join(SETTINGS)}")
    ssub = p.add_subparsers(dest="settings_command", metavar="ACTION")

    lp = ssub.add_parser("list", help="列出全部设置及其当前值")
    add_json_flag(lp)
    lp.set_defaults(handler=cmd_list)

    gp = ssub.add_parser("get", help="显示一项设置的值")
    gp.add_argument("key", metavar="KEY", help=f"设置名：{keys}")
    gp.set_defaults(handler=cmd_get)

    sp = ssub.add_parser("set", help="修改一项设置",
                         epilog="例：cunwu settings set schedule.since 2026-12；"
                                "cunwu settings set footer.phones '[{\"label\":\"全国监督电话\",\"number\":\"12317\"}]'")
    sp.add_argument("key", metavar="KEY", help=f"设置名：{keys}")
    sp.add_argument("value", metavar="VALUE", help="新值（文字设置给空字符串 \"\" 则恢复默认）")
    sp.set_defaults(handler=cmd_set)


def cmd_list(env: Env, args) -> int:
    values = SettingsService(env.ctx()).list()
    if args.json:
        print_json([v.to_json() for v in values])
        return 0
    for v in values:
        spec = SETTINGS[v.key]
        mark = "" if not v.is_default else "（默认）"
        sys.stdout.write(f"{v.key}\t{v.label}\t{spec.to_text(v.value)}{mark}\n")
    return 0


def cmd_get(env: Env, args) -> int:
    spec = setting_spec(args.key)
    sys.stdout.write(spec.to_text(SettingsService(env.ctx()).get(spec.key)) + "\n")
    return 0


def cmd_set(env: Env, args) -> int:
    spec = setting_spec(args.key)
    value = SettingsService(env.ctx()).set_text(spec.key, args.value)
    sys.stdout.write(f"已设置 {spec.key}（{spec.label}）：{spec.display(value)}\n")
    return 0
