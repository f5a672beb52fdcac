"""impl.toml loading: every malformed manifest is refused with the file and the key named."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from fixtures.manifest import ManifestError, find_module_source, load


def write_impl(tmp_path: Path, toml: str, files: dict[str, str] | None = None) -> Path:
    (tmp_path / "impl.toml").write_text(textwrap.dedent(toml), encoding="utf-8")
    for name, text in (files or {}).items():
        (tmp_path / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return tmp_path


SERVER = {"srv.py": "def serve(host, port):\n    pass\n"}


def test_complete_manifest_loads(tmp_path):
    impl = load(
        write_impl(
            tmp_path,
            """
        name = "alice"
        [roles."tcp.echo"]
        python = "srv:serve"
        [roles."tcp.greeting"]
        command = ["{python}", "greet.py", "{host}", "{port}"]
        env = {GREETING = "Hello"}
        startup_timeout = 20
        [expect]
        "tcp.echo/large-payload" = "known: uses send()"
        "tcp.echo/all-byte-values[one-byte]" = "known"
        """,
            SERVER,
        )
    )
    assert impl.name == "alice"
    assert impl.roles["tcp.echo"].python == "srv:serve"
    assert impl.roles["tcp.greeting"].command == ("{python}", "greet.py", "{host}", "{port}")
    assert impl.roles["tcp.greeting"].env == {"GREETING": "Hello"}
    assert (
        impl.expectation("tcp.echo/large-payload", "tcp.echo/large-payload[coalesced]")
        == "known: uses send()"
    )
    assert (
        impl.expectation("tcp.echo/all-byte-values", "tcp.echo/all-byte-values[one-byte]")
        == "known"
    )
    assert (
        impl.expectation("tcp.echo/all-byte-values", "tcp.echo/all-byte-values[coalesced]") is None
    )


def test_name_defaults_to_directory(tmp_path):
    d = tmp_path / "bob"
    d.mkdir()
    assert load(write_impl(d, '[roles."tcp.echo"]\npython = "srv:serve"\n', SERVER)).name == "bob"


@pytest.mark.parametrize(
    ("toml", "files", "key", "words"),
    [
        ('name = "x"\n[roles."tcp.echo"\npython = 1', {}, None, "invalid TOML"),
        (
            '[roles."tcp.ecko"]\npython = "srv:serve"',
            SERVER,
            'roles."tcp.ecko"',
            "did you mean 'tcp.echo'",
        ),
        (
            '[roles."tcp.echo"]\npython = "srv:serve"\ncommand = ["x"]',
            SERVER,
            'roles."tcp.echo"',
            "both python and command",
        ),
        ('[roles."tcp.echo"]\n', {}, 'roles."tcp.echo"', "needs python"),
        (
            '[roles."tcp.echo"]\ncommand = ["{python}", "s.py", "{prot}"]',
            {},
            'roles."tcp.echo".command',
            "unknown placeholder {prot}; did you mean 'port'",
        ),
        (
            '[roles."tcp.echo"]\ncommand = ["s.py", "{root}"]',
            {},
            'roles."tcp.echo".command',
            "not available to role tcp.echo",
        ),
        (
            '[roles."tcp.echo"]\ncommand = ["s.py", "{port"]',
            {},
            'roles."tcp.echo".command',
            "literal brace",
        ),
        (
            '[roles."tcp.echo"]\ncommand = ["s.py", "{port:d}"]',
            {},
            'roles."tcp.echo".command',
            "bare name",
        ),
        ('[roles."tcp.echo"]\ncommand = []', {}, 'roles."tcp.echo".command', "non-empty list"),
        (
            '[roles."tcp.echo"]\npython = "nosuchmodule_xyz:serve"',
            {},
            'roles."tcp.echo".python',
            "module 'nosuchmodule_xyz' not found",
        ),
        (
            '[roles."tcp.echo"]\npython = "srv:srve"',
            SERVER,
            'roles."tcp.echo".python',
            "defines no top-level 'srve'; did you mean 'serve'",
        ),
        (
            '[roles."tcp.echo"]\npython = "srv"',
            SERVER,
            'roles."tcp.echo".python',
            'must be "module:callable"',
        ),
        (
            '[roles."net.lookup"]\ncommand = ["x"]',
            {},
            'roles."net.lookup".command',
            "takes only a python entry",
        ),
        (
            '[roles."cgi.script"]\npython = "srv:serve"',
            SERVER,
            'roles."cgi.script".python',
            "takes only a command entry",
        ),
        (
            '[roles."tcp.echo"]\npython = "srv:serve"\nport = 80',
            SERVER,
            'roles."tcp.echo".port',
            "unknown key",
        ),
        ('nmae = "x"', {}, "nmae", "did you mean 'name'"),
        ('name = "has space"', {}, "name", "letters, digits"),
        (
            '[roles."tcp.echo"]\npython = "srv:serve"\nstartup_timeout = -1',
            SERVER,
            'roles."tcp.echo".startup_timeout',
            "positive number",
        ),
        ('[expect]\n"tcp.echo" = "why"', {}, 'expect."tcp.echo"', "keys are"),
        ('[expect]\n"tcp.ecko/x" = "why"', {}, 'expect."tcp.ecko/x"', "unknown role"),
        ('[expect]\n"tcp.echo/x" = ""', {}, 'expect."tcp.echo/x"', "non-empty string"),
    ],
    ids=[
        "bad-toml",
        "unknown-role",
        "python-and-command",
        "neither",
        "unknown-placeholder",
        "placeholder-of-other-role",
        "unmatched-brace",
        "format-spec",
        "empty-command",
        "module-not-found",
        "callable-not-found",
        "no-callable",
        "command-not-allowed",
        "python-not-allowed",
        "unknown-role-key",
        "unknown-top-key",
        "bad-name",
        "bad-startup-timeout",
        "bad-expect-key",
        "expect-unknown-role",
        "expect-no-reason",
    ],
)
def test_bad_manifest_names_file_and_key(tmp_path, toml, files, key, words):
    with pytest.raises(ManifestError) as info:
        load(write_impl(tmp_path, toml, files))
    error = info.value
    assert error.path == tmp_path / "impl.toml"
    assert error.key == key
    assert words in str(error)
    assert str(error).startswith(f"{tmp_path / 'impl.toml'}: ")


def test_missing_directory_and_manifest(tmp_path):
    with pytest.raises(ManifestError, match="does not exist"):
        load(tmp_path / "nowhere")
    with pytest.raises(ManifestError, match=r"impl\.toml.*not found"):
        load(tmp_path)


@pytest.mark.parametrize(
    "source",
    [
        "from helpers import *\n",  # star import: cannot know statically
        "def __getattr__(name):\n    return print\n",  # module __getattr__
    ],
    ids=["star-import", "module-getattr"],
)
def test_callable_check_gives_way_when_it_cannot_know(tmp_path, source):
    load(write_impl(tmp_path, '[roles."tcp.echo"]\npython = "srv:serve"', {"srv.py": source}))


@pytest.mark.parametrize(
    "source",
    [
        "import socketserver\nserve = socketserver.TCPServer\n",
        "try:\n    from fast import serve\nexcept ImportError:\n    def serve(h, p): pass\n",
        "class serve:\n    pass\n",
        "from other import run as serve\n",
    ],
    ids=["assignment", "in-try", "class", "import-alias"],
)
def test_callable_found_in_any_top_level_binding(tmp_path, source):
    load(write_impl(tmp_path, '[roles."tcp.echo"]\npython = "srv:serve"', {"srv.py": source}))


def test_syntax_error_is_left_to_the_per_role_error(tmp_path):
    # Importing would fail, but that is the implementation's error, reported per role.
    load(
        write_impl(
            tmp_path, '[roles."tcp.echo"]\npython = "srv:serve"', {"srv.py": "def serve(:\n"}
        )
    )


def test_modules_found_in_packages_site_packages_and_builtins(tmp_path):
    pkg = tmp_path / "pkg" / "sub"
    pkg.mkdir(parents=True)
    (pkg / "mod.py").write_text("def serve(h, p): pass\n")
    assert find_module_source("pkg.sub.mod", [tmp_path]) == pkg / "mod.py"
    assert find_module_source("socketserver", [Path(p) for p in __import__("sys").path]) is not None
    assert find_module_source("sys", []) == Path("<builtin>")
    assert find_module_source("pkg.nothing", [tmp_path]) is None
