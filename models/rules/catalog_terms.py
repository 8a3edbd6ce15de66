"""The fixed vocabularies of the national standard catalog (国办发〔2019〕54号) and village practice."""

from __future__ import annotations

CATEGORIES = ("党务", "村务", "财务", "其他")

# 公开渠道和载体 — the standard ticks, in the standard's order.
STANDARD_CHANNELS = (
    "政府网站",
    "政府公报",
    "两微一端",
    "发布会/听证会",
    "广播电视",
    "纸质媒体",
    "公开查阅点",
    "政务服务中心",
    "便民服务站",
    "入户/现场",
    "社区/村公示栏(电子屏)",
    "精准推送",
    "其他",
)
# Channels villages add to the standard list.
VILLAGE_CHANNELS = ("村务微信群", "组员微信群", "村应急广播", "村民会议")
ALL_CHANNELS = STANDARD_CHANNELS + VILLAGE_CHANNELS

AUDIENCES = ("全社会", "特定群众")
MODES = ("主动", "依申请")
LEVELS = ("县级", "乡级", "村级")
FIVE_PUBLIC = ("决策", "执行", "管理", "服务", "结果")

# The 26 pilot areas (试点领域) of the standardisation guidance, as the reference annual report lists them.
DOMAINS = (
    "国土空间规划", "重大建设项目", "公共资源交易", "财政预决算", "安全生产", "税收管理", "征地补偿",
    "国有土地上房屋征收", "保障性住房", "农村危房改造", "环境保护", "公共文化服务", "公共法律服务", "扶贫",
    "救灾", "食品药品监管", "城市综合执法", "就业创业", "社会保险", "社会救助", "养老服务", "户籍管理",
    "涉农补贴", "义务教育", "医疗卫生", "市政服务",
)

# Disclosure kinds (cli.md): what structured content a record of an item carries.
KINDS = ("notice", "finance", "roster", "project", "decision", "yishi")
KIND_LABELS = {
    "notice": "一般公告",
    "finance": "财务收支",
    "roster": "名单",
    "project": "工程项目",
    "decision": "四议两公开",
    "yishi": "一事一议",
}
