import weakref
weakref.ref("strings cannot be weakly referenced")
