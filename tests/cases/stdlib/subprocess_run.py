# subprocess on _posixsubprocess.fork_exec, os.waitpid and select.poll.
import subprocess, sys, os
print(subprocess.run(["echo", "hi"], capture_output=True))
r = subprocess.run(["sh", "-c", "echo out; echo err >&2; exit 3"], capture_output=True, text=True)
print(r.returncode, repr(r.stdout), repr(r.stderr))
p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
print(p.communicate(b"data in"), p.returncode)
print(subprocess.check_output("echo $((1+2))", shell=True))
print(subprocess.run(["pwd"], cwd="/", capture_output=True).stdout)
print(subprocess.run(["sh", "-c", "echo $FOO"], env={"FOO": "bar"}, capture_output=True).stdout)
print(subprocess.run([sys.executable, "-c", "print(6*7)"], capture_output=True).stdout)
print(subprocess.run(["sh", "-c", "exit 0"], stdout=subprocess.DEVNULL).returncode)
print(subprocess.run(["sh", "-c", "echo merged >&2"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT).stdout)
# pass_fds keeps a descriptor open in the child; others are closed
rfd, wfd = os.pipe()
subprocess.run(["sh", "-c", f"echo kept >&{wfd}"], pass_fds=[wfd])
os.close(wfd)
print(os.read(rfd, 100))
os.close(rfd)
p = subprocess.Popen(["sh", "-c", "kill -TERM $$"])
print(p.wait())
for argv, kw in [(["/nonexistent/prog"], {}), (["ls"], {"cwd": "/nonexistent"})]:
    try:
        subprocess.run(argv, **kw)
    except OSError as e:
        print(type(e).__name__, e.errno, e.filename)
try:
    subprocess.check_call(["sh", "-c", "exit 5"])
except subprocess.CalledProcessError as e:
    print(type(e).__name__, e.returncode)
try:
    subprocess.run(["sh", "-c", "exit 0"], preexec_fn=lambda: 1 / 0)
except subprocess.SubprocessError as e:
    print(type(e).__name__, e)
import _posixsubprocess
try:
    _posixsubprocess.fork_exec(["x"], [b"x"], True, (5, 3), None, None, -1, -1, -1, -1, -1, -1, -1, 4, False, False, -1, None, None, None, -1, None, True)
except ValueError as e:
    print(type(e).__name__, e)
try:
    _posixsubprocess.fork_exec(["x"], [b"x"], True, (), None, None, -1, -1, -1, -1, -1, -1, -1, 2, False, False, -1, None, None, None, -1, None, True)
except ValueError as e:
    print(type(e).__name__, e)
