"""Every Chinese text the frontend's views, forms and templates show goes through Django's translation functions.

A raw literal (or an f-string, which `makemessages` cannot extract) is reported with its file and line.
Docstrings and comments are English-with-Chinese-terms notes for developers and are not checked.
In templates the text goes through `{% translate %}` or `{% blocktranslate %}`; template comments are not
checked, and neither is Chinese inside `<script>` (JavaScript's own strings).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from django.template.loader import get_template

ROOT = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u4e00-\u9fff]")

# Which positional arguments of each translation function are the message (pgettext's first is the context).
MESSAGE_ARGS = {
    "_": (0,),
    "gettext": (0,),
    "gettext_lazy": (0,),
    "ngettext": (0, 1),
    "ngettext_lazy": (0, 1),
    "pgettext": (1,),
    "pgettext_lazy": (1,),
}


def modules() -> list[Path]:
    return sorted((ROOT / "frontend" / "views").glob("*.py")) + sorted((ROOT / "frontend" / "forms").glob("*.py"))


def _docstrings(tree: ast.Module) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                ids.add(id(first.value))
    return ids


def _translated(tree: ast.Module) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
        for index in MESSAGE_ARGS.get(name, ()):
            if index < len(node.args) and isinstance(node.args[index], ast.Constant):
                ids.add(id(node.args[index]))
    return ids


def untranslated(source: str) -> list[tuple[int, str]]:
    """(line, text) of every string constant holding Chinese that no translation function wraps."""
    tree = ast.parse(source)
    allowed = _docstrings(tree) | _translated(tree)
    return sorted(
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and CJK.search(node.value)
        and id(node) not in allowed
    )


def test_frontend_views_and_forms_translate_every_chinese_string():
    checked = modules()
    assert len(checked) > 10, "frontend/views and frontend/forms were not found"
    offenders = [
        f"{path.relative_to(ROOT).as_posix()}:{line}: {text!r}"
        for path in checked
        for line, text in untranslated(path.read_text(encoding="utf-8"))
    ]
    assert not offenders, "Chinese text not wrapped in gettext/gettext_lazy:\n" + "\n".join(offenders)


@pytest.mark.parametrize(
    ("source", "lines"),
    [
        ('"""模块说明."""\nx = _("岗位")\ny = gettext_lazy("岗位")\n', []),
        ('def f():\n    """说明."""\n    # 注释\n    return gettext("你好")\n', []),
        ('x = ngettext("一个", "多个", n)\ny = pgettext("上下文", "岗位")\n', [(2, "上下文")]),
        ('x = "岗位"\n', [(1, "岗位")]),
        ('x = _(f"已投递“{title}”")\n', [(1, "已投递“")]),
        ('messages.success(request, "已保存。")\n', [(1, "已保存。")]),
        ('x = _("%(n)s 岗位") % {"n": "无"}\n', [(1, "无")]),
        ('x = "ascii only"\n', []),
    ],
)
def test_checker_flags_raw_and_f_strings(source, lines):
    assert untranslated(source) == lines


TEMPLATES = ROOT / "frontend" / "templates"

# What is not page text, removed in this order before a template is checked.
NOT_PAGE_TEXT = (
    re.compile(r"\{#.*?#\}"),  # {# a comment #}
    re.compile(r"\{%\s*comment\b.*?%\}.*?\{%\s*endcomment\s*%\}", re.S),
    re.compile(r"<script\b.*?</script>", re.S | re.I),
    re.compile(r"<style\b.*?</style>", re.S | re.I),
    # The text between blocktranslate and endblocktranslate is the message itself.
    re.compile(r"\{%\s*blocktrans(?:late)?\b.*?%\}.*?\{%\s*endblocktrans(?:late)?\s*%\}", re.S),
    re.compile(r"\{%.*?%\}", re.S),  # every other tag, {% translate "…" %} included
    re.compile(r"\{\{.*?\}\}", re.S),  # {{ a variable }}
)


def untranslated_template_text(source: str) -> list[tuple[int, str]]:
    """(line, text) of every line of a template that still shows Chinese once tags, comments and scripts are gone."""
    for pattern in NOT_PAGE_TEXT:
        source = pattern.sub(lambda match: "\n" * match.group().count("\n"), source)
    return [(number, line.strip()) for number, line in enumerate(source.splitlines(), 1) if CJK.search(line)]


def test_frontend_templates_translate_every_chinese_text():
    checked = sorted(TEMPLATES.rglob("*.html"))
    assert len(checked) > 50, "frontend/templates was not found"
    offenders = [
        f"{path.relative_to(ROOT).as_posix()}:{line}: {text}"
        for path in checked
        for line, text in untranslated_template_text(path.read_text(encoding="utf-8"))
    ]
    assert not offenders, "Chinese text not in {% translate %} or {% blocktranslate %}:\n" + "\n".join(offenders)


def test_every_frontend_template_compiles():
    """A {% translate %} without {% load i18n %} fails here even in a partial no page test renders."""
    for path in sorted(TEMPLATES.rglob("*.html")):
        get_template(path.relative_to(TEMPLATES).as_posix())


@pytest.mark.parametrize(
    ("source", "lines"),
    [
        ('{% load i18n %}<h1>{% translate "找工作" %}</h1>\n', []),
        ("<input placeholder=\"{% translate '搜索岗位' %}\">\n", []),
        ("{% blocktranslate with n=page.total %}共 {{ n }} 个岗位{% endblocktranslate %}\n", []),
        (
            "{% blocktranslate trimmed %}\n  第一行\n  第二行\n{% endblocktranslate %}\n<p>漏了</p>\n",
            [(5, "<p>漏了</p>")],
        ),
        ('{# 注释 #}\n{% comment %}\n说明\n{% endcomment %}\n<script>var s = "正在定位…";</script>\n', []),
        ('<style>p::after { content: "新" }</style>\n', []),
        ('{% if status == "待审核" %}<b>{{ x|default:_("无") }}</b>{% endif %}\n', []),
        ("<h1>找工作</h1>\n<p>\n  共 {{ n }} 个\n</p>\n", [(1, "<h1>找工作</h1>"), (3, "共  个")]),
        ('<a aria-label="主导航">Home</a>\n', [(1, '<a aria-label="主导航">Home</a>')]),
        ("<form onsubmit=\"return confirm('确定吗？')\">\n", [(1, "<form onsubmit=\"return confirm('确定吗？')\">")]),
    ],
)
def test_template_checker_flags_raw_text(source, lines):
    assert untranslated_template_text(source) == lines
