# os function argument handling: keywords, positional limits, scandir paths, fds.
import os

os.mkdir(path="tmp_os_arguments_d", mode=0o755)
open("tmp_os_arguments_d/f", "w").close()
print(os.stat(path="tmp_os_arguments_d/f", follow_symlinks=False).st_size)
os.chdir("tmp_os_arguments_d")
print([e.path for e in os.scandir()], [e.path for e in os.scandir(b".")], os.listdir(), os.listdir(None))
os.chdir("..")
print([e.path for e in os.scandir("tmp_os_arguments_d/")], [e.path for e in os.scandir(b"tmp_os_arguments_d")])
e = next(os.scandir("tmp_os_arguments_d"))
print(e.inode() == os.stat("tmp_os_arguments_d/f").st_ino, e.stat(follow_symlinks=False).st_size, e.is_dir(follow_symlinks=False))
fd = os.open("tmp_os_arguments_d", os.O_RDONLY)
print(os.listdir(fd), os.stat(fd).st_mode == os.stat("tmp_os_arguments_d").st_mode)
os.close(fd)
calls = [
    lambda: os.stat(),
    lambda: os.stat("a", "b"),
    lambda: os.mkdir("a", 1, 2),
    lambda: os.rename("a"),
    lambda: os.getcwd(1),
    lambda: os.getpid(1),
    lambda: os.DirEntry(),
    lambda: os.stat(path="x", bogus=1),
    lambda: os.listdir([1]),
    lambda: os.remove(None),
]
for c in calls:
    try:
        c()
    except TypeError as ex:
        print(type(ex).__name__, ex)
print(os.putenv("X_FERRO", "1"), os.unsetenv("X_FERRO"), os.strerror(99999))
print(os.WIFEXITED(0), os.WEXITSTATUS(256), os.WIFSIGNALED(9), os.WTERMSIG(9))
os.remove("tmp_os_arguments_d/f")
os.rmdir("tmp_os_arguments_d")
os.waitstatus_to_exitcode(0x7f)
