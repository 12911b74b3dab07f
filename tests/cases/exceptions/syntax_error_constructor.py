# SyntaxError(msg, details): details are parsed only from exactly two arguments, a
# sequence of 4 to 6 items (end_offset required with end_lineno); str() of the message.
for a in [(1, 2, 3), (1, 2, 3, 4, 5, 6, 7), [1, 2, 3, 4], 5, 'abcd', ('bad.py', 1, 2, 'abcdefg', 1), ('f', 1, 2, 't', 3, 4)]:
    try:
        e = SyntaxError('m', a)
        print(e.msg, e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset, e.args, str(e))
    except TypeError as x:
        print('TypeError', x)
e = SyntaxError('m', (1, 2, 3, 4), 3)
print(e.msg, e.filename, e.args, e.__dict__)
e = SyntaxError()
print(e.msg, e.filename, e.print_file_and_line, repr(str(e)))
try:
    compile('1 +', 'f.py', 'exec')
except SyntaxError as x:
    print(x.msg, x.filename, x.lineno, x.text, x.__dict__)
