# faulthandler: the report of a fatal signal, written by a child interpreter.
import os
import re
import subprocess
import sys

CODE = """\
import faulthandler
faulthandler.enable({args})
def crash():
    faulthandler.{fn}()
crash()
"""


def run(fn, args="", env=None):
    p = subprocess.run([sys.executable, "-c", CODE.format(fn=fn, args=args)],
                       capture_output=True, text=True, env=env)
    err = re.sub(r"0x[0-9a-f]{16}", "0xTHREAD", p.stderr)
    print(p.returncode, err)


run("_sigsegv")
run("_sigabrt")
run("_sigfpe")
run("_read_null")
run("_sigsegv", "all_threads=False")
run("_fatal_error_c_thread")
p = subprocess.run([sys.executable, "-c", "import faulthandler; faulthandler.enable(); faulthandler.disable(); faulthandler._sigsegv()"],
                   capture_output=True, text=True)
print(p.returncode, repr(p.stderr))
check = "import faulthandler; print(faulthandler.is_enabled())"
for opts, env in [([], {}), (["-X", "faulthandler"], {}), ([], {"PYTHONFAULTHANDLER": "1"}),
                  ([], {"PYTHONFAULTHANDLER": ""}), (["-E"], {"PYTHONFAULTHANDLER": "1"})]:
    p = subprocess.run([sys.executable, *opts, "-c", check], capture_output=True, text=True,
                       env={**os.environ, **env})
    print(opts, env, p.stdout.strip())
