"""How heavy the work is: 腰不好，重活干不了 in a profile, 搬运 and 扎钢筋 in a posting.

Older workers and people with a bad back rarely name a trade; they say what their body allows
(轻松点的, 不要太累, 干不了重活) and take what fits it. A job they cannot do should say so and sink,
as one outside their age range does, and a post that says its work is light (坐着做, 活不重) is worth
showing them first among equals.

Heavy work is what China's grading of physical labour (GB 3869, 体力劳动强度分级) puts in its upper
classes: carrying and loading, the concrete and steel trades on a site, felling. The trades are
named here by the occupation taxonomy's names, so a post is heavy by what it is as well as by
what it says.
"""

from __future__ import annotations

import re

HEAVY = "heavy"
LIGHT = "light"

# Taxonomy occupations whose ordinary day is heavy labour (GB 3869 classes III–IV).
HEAVY_OCCUPATIONS = frozenset(
    {
        "钢筋工",
        "木工",
        "泥瓦工",
        "抹灰工",
        "架子工",
        "混凝土工",
        "贴砖工",
        "钢结构安装工",
        "外墙保温工",
        "建筑普工",
        "装卸工",
        "伐木工",
        "造林工",
        "肉类分割工",
        "打磨工",
    }
)
# A post's own words for heavy work: 搬运, 装卸, 卸货, 扛包, 力工, 重活, 体力好.
_HEAVY_WORDS = re.compile(r"搬运|装卸|卸货|装车|卸车|扛|力工|小工|杂工|搬家|重活|体力活|力气活|力气大|体力好|搬砖")
# ... and for light work: 工作轻松, 坐着做, 活不重.
_LIGHT_WORDS = re.compile(r"轻松|不累|坐着|坐班|轻活|活不重|不用出力|不需要力气|轻体力")
# What a seeker says their body allows. Refusals of heavy work and wishes for light work count;
# 力气大 and 重活也能干 are the opposite and are not read here.
_CANNOT_HEAVY = re.compile(
    r"腰(?:不好|不行|不太好|椎|间盘|肌劳损|疼|痛|伤)"
    r"|(?:干不了|干不动|做不了|做不动|不能干|不能做|搞不了|不想干|不想做|不干)(?:重活|体力活|力气活|重的)"
    r"|(?:重活|体力活|力气活)(?:干不了|干不动|做不了|做不动|不行|不能干|不干)"
    r"|(?:不要|不想|别)(?:干|做)?(?:太)?累|只要不累|不累(?:就行|的)|轻松|轻活|坐着(?:的|干|做)|腿脚不便|腿脚不方便|残疾"
)


def posting_effort(*, occupation: str, title: str, text: str) -> str:
    """HEAVY, LIGHT or "" for a post: its trade first, then what its title and words say."""
    if _LIGHT_WORDS.search(text or ""):
        return LIGHT
    if occupation in HEAVY_OCCUPATIONS or _HEAVY_WORDS.search(title or ""):
        return HEAVY
    return ""


def cannot_do_heavy(text: str) -> bool:
    """Whether a seeker said their body rules out heavy work (腰不好, 重活干不了, 轻松点的)."""
    return bool(_CANNOT_HEAVY.search(text or ""))
