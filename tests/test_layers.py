"""The package's layers: the core imports neither I/O nor batch, no import cycles, light imports."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import summarize

PACKAGE = Path(summarize.__file__).parent
# The layers, from the bottom: a module may import its own layer and the ones below.
LAYERS = {"core": 0, "io": 1, "batch": 2, "apps": 3}
APPS = {"summarize.cli", "summarize.__main__", "summarize.evaluation", "summarize.serve"}
# The one import of a higher layer: given a path instead of a text, the pipeline reads it as the
# command line reads a FILE (imported only then, so a summary of a text still loads no I/O).
EXCEPTIONS = {("summarize.pipeline", "summarize.io.documents")}


def layer(module: str) -> int:
    if module in APPS or module.startswith(("summarize.cli.", "summarize.serve.")):
        return LAYERS["apps"]
    if module.startswith("summarize.io"):
        return LAYERS["io"]
    if module.startswith("summarize.batch"):
        return LAYERS["batch"]
    return LAYERS["core"]


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, *, top_level_only: bool) -> set[str]:
    """The summarize modules a file imports (at its top level only, or anywhere, as asked)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.If) and top_level_only:
            continue  # `if TYPE_CHECKING:` blocks do not run
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("summarize"):
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names if _is_module(node.module, alias.name))
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("summarize"))
    return found


def _is_module(package: str, name: str) -> bool:
    base = PACKAGE.parent.joinpath(*package.split("."), name)
    return base.with_suffix(".py").exists() or (base / "__init__.py").exists()


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_imports_a_higher_layer(module: str) -> None:
    higher = {name for name in imports(MODULES[module], top_level_only=False) if layer(name) > layer(module)}
    higher -= {name for owner, name in EXCEPTIONS if owner == module}
    if module == "summarize":  # the package's lazy names, imported on first use, and for type checkers
        higher.clear()
    assert not higher, f"{module} (layer {layer(module)}) imports {sorted(higher)}"


def test_no_import_cycles() -> None:
    graph = {module: imports(path, top_level_only=False) & set(MODULES) for module, path in MODULES.items()}
    for module in graph:  # a package's modules import their package first
        graph[module] -= {module}
    state: dict[str, int] = {}

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for imported in sorted(graph[module]):
            if state.get(imported) == 1:
                cycle = [*path[path.index(imported) :], imported] if imported in path else [module, imported]
                pytest.fail(f"import cycle: {' -> '.join(cycle)}")
            if imported not in state:
                visit(imported, [*path, imported])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])


@pytest.mark.parametrize("module", sorted(name for name in MODULES if name.startswith("summarize.cli")))
def test_the_command_line_imports_no_private_name(module: str) -> None:
    """What the subcommands share is public in its module (``summarize.cli._options.positive_int``)."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    private = [
        f"{node.module}.{alias.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
        if alias.name.startswith("_") and not alias.name.startswith("__")
    ]
    assert not private, f"{module} imports {private}"


def loaded_after(code: str) -> set[str]:
    """The modules a fresh interpreter has loaded after running ``code``."""
    script = f"import sys\n{code}\nprint(' '.join(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120)
    return set(result.stdout.split())


def test_import_summarize_loads_only_errors_and_types() -> None:
    loaded = loaded_after("import summarize")
    assert {m for m in loaded if m.startswith("summarize")} == {
        "summarize",
        "summarize._version",
        "summarize.errors",
        "summarize.types",
    }
    assert "numpy" not in loaded


def test_a_summary_loads_neither_io_nor_batch() -> None:
    loaded = loaded_after("import summarize\nsummarize.summarize('Cats purr. Dogs bark. Cats and dogs play.')")
    assert not {m for m in loaded if m.startswith(("summarize.io", "summarize.batch", "summarize.cli"))}
    # NLTK's package init imports what it imports (scipy, concurrent.futures): the library leaves it be.
    assert not loaded & {"networkx", "trafilatura", "dask", "multiprocessing"}


def test_the_command_on_a_text_file_loads_no_heavy_module(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("Cats purr. Dogs bark. Cats and dogs play.", encoding="utf-8")
    loaded = loaded_after(f"from summarize.cli import main\nmain([{str(article)!r}])")
    heavy = {"scipy", "networkx", "trafilatura", "dask", "multiprocessing", "concurrent.futures"}
    assert not {m.split(".")[0] for m in loaded} & heavy
    assert not {m for m in loaded if m.startswith(("summarize.batch", "summarize.io.web", "summarize.io.html"))}


def test_scipy_is_importable_after_the_command_imported_nltk_without_it(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("Cats purr. Dogs bark. Cats and dogs play.", encoding="utf-8")
    loaded = loaded_after(f"from summarize.cli import main\nmain([{str(article)!r}])\nimport scipy.sparse")
    assert {"nltk", "scipy.sparse"} <= loaded


@pytest.mark.parametrize("name", summarize.__all__)
def test_every_public_name_resolves(name: str) -> None:
    assert getattr(summarize, name) is not None
    assert name in dir(summarize)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="module 'summarize' has no attribute 'summarise'"):
        summarize.summarise  # type: ignore[attr-defined]  # noqa: B018
