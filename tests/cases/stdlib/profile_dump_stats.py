# profile (the pure-Python profiler on sys.setprofile) and cProfile write their
# stats with marshal (profile's keys hold a code object), and pstats reads them back.
import cProfile
import os
import profile
import pstats

code = compile("def sq(n):\n    return n * n\nfor i in range(3):\n    sq(i)\n", "prog", "exec")
for mod in (profile, cProfile):
    name = "tmp_profile_dump_stats_" + mod.__name__
    p = mod.Profile()
    p.runctx(code, {}, None)
    p.dump_stats(name)
    st = pstats.Stats(name)
    funcs = sorted(str(k[2]) for k in st.stats if k[0] == "prog")
    print(mod.__name__, st.total_calls > 0, funcs, [st.stats[k][0] for k in st.stats if k[2] == "sq"])
    os.remove(name)
