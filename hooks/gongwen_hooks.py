"""MkDocs hooks of 公文写作范本库: thin callers of the `gongwen` library."""
from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger("gongwen")


def on_config(config):
    # Without jieba, Material's search silently finds almost nothing in Chinese.
    try:
        import jieba  # noqa: F401
    except ImportError as exc:  # pragma: no cover - exercised by a build test
        raise PluginError(
            "缺少 jieba：中文搜索无法分词。请运行 `pip install -e .` 安装依赖后重新构建。"
            " (jieba is required for Chinese search)"
        ) from exc
    return config
