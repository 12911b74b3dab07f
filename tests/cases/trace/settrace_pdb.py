# pdb driven from a script: stepping, printing, assigning a local, the stack.
import io, pdb, sys

def f(n):
    total = 0
    for i in range(n):
        total += i
    return total

def main():
    x = 10
    cmds = 'p x\nn\nn\np y\n!y = 100\nstep\nwhere\nup\np x\ndown\nc\n'
    pdb.Pdb(stdin=io.StringIO(cmds), stdout=sys.stdout, nosigint=True).set_trace()
    y = x + 1
    print(f(3), y)
    return y

print(main())
print("after")
