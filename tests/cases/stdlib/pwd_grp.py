# pwd and grp: lookups by id and name, the struct sequences, getpwall/getgrall,
# and the errors (KeyError messages, argument types, id ranges).
import grp
import os
import pwd


def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)


root = pwd.getpwuid(0)
print(root, root.pw_name, root[0], len(root), root == pwd.getpwnam("root"))
print(pwd.struct_passwd.n_fields, pwd.struct_passwd.n_sequence_fields, type(root).__name__)
print(root in pwd.getpwall(), isinstance(pwd.getpwall(), list))
me = pwd.getpwuid(os.getuid())
print(me.pw_uid == os.getuid(), me.pw_dir == os.path.expanduser("~" + me.pw_name))
for a in [99999, -1, "x", 2**40, 1.5, -2]:
    t(pwd.getpwuid, a)
for a in ["nosuchuser", 1, "a\0b", b"root"]:
    t(pwd.getpwnam, a)
t(pwd.getpwuid)
g = grp.getgrgid(0)
print(g, g.gr_name, g.gr_mem, g == grp.getgrnam("root"), g in grp.getgrall())
print(grp.struct_group.n_fields, type(g).__module__)
for a in [99999, -1, "x", 2**40, -2, 2**70]:
    t(grp.getgrgid, a)
for a in ["nosuch", 1, "a\0b"]:
    t(grp.getgrnam, a)
t(grp.getgrgid, id=0)
t(grp.getgrnam, name="root")
