"""Builds the Python module katlas: CMake builds the extension katlas._katlas from lib/python,
setuptools packs it with lib/python/katlas/ (configured in pyproject.toml).

Environment:
  KATLAS_PREFIX      an installed katlas (cmake --install) to link; unset: build the library too
  KATLAS_BUILD_DIR   where build files go (kept); unset: a temporary folder, removed afterwards
  KATLAS_CMAKE_ARGS  more arguments for CMake's configure step, e.g. -DKATLAS_WARNINGS_AS_ERRORS=ON
"""

import atexit
import os
import pathlib
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = pathlib.Path(__file__).resolve().parent

# Nothing is written into the checkout: setuptools' build/ and egg-info go here too.
WORK = os.environ.get("KATLAS_BUILD_DIR")
if not WORK:
    WORK = tempfile.mkdtemp(prefix="katlas-python-")
    atexit.register(shutil.rmtree, WORK, ignore_errors=True)
WORK = os.path.abspath(WORK)
os.makedirs(WORK, exist_ok=True)


def project_version():
    """The version in CMakeLists.txt's project(), so there is one to keep."""
    text = (ROOT / "CMakeLists.txt").read_text(encoding="utf-8")
    return re.search(r"project\(katlas\s+VERSION\s+([0-9.]+)", text).group(1)


class CMakeBuild(build_ext):
    """Configures lib/python with CMake, builds the target _katlas and copies it into the wheel."""

    def build_extension(self, ext):
        cmake_dir = os.path.join(WORK, "cmake")
        configure = ["cmake", "-S", str(ROOT / "lib" / "python"), "-B", cmake_dir,
                     "-DCMAKE_BUILD_TYPE=Release", f"-DPython_EXECUTABLE={sys.executable}"]
        if os.environ.get("KATLAS_PREFIX"):
            configure.append(f"-DKATLAS_PREFIX={os.path.abspath(os.environ['KATLAS_PREFIX'])}")
        configure += shlex.split(os.environ.get("KATLAS_CMAKE_ARGS", ""))
        build = ["cmake", "--build", cmake_dir, "--target", "_katlas"]
        if "CMAKE_BUILD_PARALLEL_LEVEL" not in os.environ:
            build += ["--parallel", str(os.cpu_count() or 1)]
        subprocess.run(configure, check=True)
        subprocess.run(build, check=True)
        built = sorted(pathlib.Path(cmake_dir, "katlas").glob("_katlas*"))
        if len(built) != 1:
            raise RuntimeError(f"expected one _katlas extension in {cmake_dir}/katlas, found {built}")
        target = pathlib.Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built[0], target)
        # The built-in content is compiled into the extension: its licence goes with it.
        shutil.copyfile(ROOT / "content" / "LICENSE", target.parent / "LICENSE-content")


setup(
    version=project_version(),
    ext_modules=[Extension("katlas._katlas", sources=[])],
    cmdclass={"build_ext": CMakeBuild},
    options={"build": {"build_base": os.path.join(WORK, "build")}, "egg_info": {"egg_base": WORK}},
)
