"""Every Chinese text the frontend's views and forms show goes through Django's translation functions.

A raw literal (or an f-string, which `makemessages` cannot extract) is reported with its file and line.
Docstrings and comments are English-with-Chinese-terms notes for developers and are not checked.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

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
