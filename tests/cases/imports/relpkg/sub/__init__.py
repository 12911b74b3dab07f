from . import mod as _mod
FROM_INIT = _mod.LOCAL
