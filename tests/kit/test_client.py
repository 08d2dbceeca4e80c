"""The TypeScript client: its committed types are what the schema generates, and they compile."""

import json
import re
import subprocess
import sys

from frontend_api.schema.document import openapi_document
from tests.processes import REPO

from .conftest import NODE_ENV, run


def test_committed_types_are_what_the_schema_generates(client_package, tmp_path):
    # The same document and generator as `npm run generate` (scripts/openapi_schema.py).
    document = json.dumps(openapi_document(), indent=2, sort_keys=True) + "\n"
    generated = tmp_path / "schema.ts"
    subprocess.run(
        ["node", "scripts/generate.mjs", str(generated)],
        cwd=client_package,
        input=document,
        env=NODE_ENV,
        text=True,
        check=True,
        timeout=120,
    )
    committed = (client_package / "src" / "schema.ts").read_text()
    assert generated.read_text() == committed, (
        "clients/typescript/src/schema.ts is out of date: run `npm run generate` in "
        "clients/typescript and commit the result"
    )


def test_the_generate_script_dumps_the_same_document():
    script = subprocess.run(
        [sys.executable, "scripts/openapi_schema.py"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert json.loads(script.stdout) == openapi_document()


def test_the_client_and_the_exhaustive_switch_compile_under_strict(client_package):
    run(["node_modules/.bin/tsc", "--strict", "--noEmit", "-p", "tsconfig.json"], client_package)


def test_a_switch_missing_a_block_type_does_not_compile(client_package, tmp_path):
    example = (client_package / "examples" / "exhaustive-switch.ts").read_text()
    without_embed = re.sub(r'    case "embed":\n.*\n', "", example)
    assert without_embed != example
    broken = client_package / "examples" / "missing-case.ts"
    broken.write_text(without_embed)
    try:
        result = subprocess.run(
            ["node_modules/.bin/tsc", "--strict", "--noEmit", "-p", "tsconfig.json"],
            cwd=client_package,
            env=NODE_ENV,
            capture_output=True,
            text=True,
            timeout=300,
        )
    finally:
        broken.unlink()
    assert result.returncode != 0
    assert "missing-case.ts" in result.stdout and "'never'" in result.stdout
