//! `_frozen_importlib` and `_frozen_importlib_external`: the loader objects the
//! import system puts in `__loader__` and `__spec__.loader`, with the interface of
//! CPython's (importlib/_bootstrap.py, _bootstrap_external.py). Written in Python:
//! they are plain classes, run once when first needed; with what `importlib`
//! and `importlib.machinery` import from them.

use crate::object::PyResult;
use crate::value::Value;
use crate::vm::Vm;

/// `BuiltinImporter` and `FrozenImporter`: used as classes, as CPython does.
const BOOTSTRAP: &str = r#"
import sys

class BuiltinImporter:
    """Meta path import for built-in modules."""
    _ORIGIN = "built-in"

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        import _imp
        if path is None and _imp.is_builtin(fullname):
            return spec_from_loader(fullname, cls, origin=cls._ORIGIN)
        return None

    @staticmethod
    def create_module(spec):
        return None

    @staticmethod
    def exec_module(module):
        pass

    @classmethod
    def get_code(cls, fullname):
        return None

    @classmethod
    def get_source(cls, fullname):
        return None

    @classmethod
    def is_package(cls, fullname):
        return False

class FrozenImporter:
    """Meta path import for frozen modules."""
    _ORIGIN = "frozen"

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        return None

    @staticmethod
    def create_module(spec):
        return None

    @staticmethod
    def exec_module(module):
        pass

    @classmethod
    def get_source(cls, fullname):
        return None

    @classmethod
    def is_package(cls, fullname):
        return False

class ModuleSpec:
    """The specification for a module, used for loading."""

    def __init__(self, name, loader, *, origin=None, loader_state=None,
                 is_package=None):
        self.name = name
        self.loader = loader
        self.origin = origin
        self.loader_state = loader_state
        self.submodule_search_locations = [] if is_package else None
        self._uninitialized_submodules = []
        self._set_fileattr = False
        self._cached = None

    def __repr__(self):
        args = ['name={!r}'.format(self.name),
                'loader={!r}'.format(self.loader)]
        if self.origin is not None:
            args.append('origin={!r}'.format(self.origin))
        if self.submodule_search_locations is not None:
            args.append('submodule_search_locations={}'
                        .format(self.submodule_search_locations))
        return '{}({})'.format(self.__class__.__name__, ', '.join(args))

    def __eq__(self, other):
        smsl = self.submodule_search_locations
        try:
            return (self.name == other.name and
                    self.loader == other.loader and
                    self.origin == other.origin and
                    smsl == other.submodule_search_locations and
                    self.cached == other.cached and
                    self.has_location == other.has_location)
        except AttributeError:
            return NotImplemented

    @property
    def cached(self):
        return self._cached

    @cached.setter
    def cached(self, cached):
        self._cached = cached

    @property
    def parent(self):
        """The name of the module's parent."""
        if self.submodule_search_locations is None:
            return self.name.rpartition('.')[0]
        else:
            return self.name

    @property
    def has_location(self):
        return self._set_fileattr

    @has_location.setter
    def has_location(self, value):
        self._set_fileattr = bool(value)

def _resolve_name(name, package, level):
    """Resolve a relative module name to an absolute one."""
    bits = package.rsplit('.', level - 1)
    if len(bits) < level:
        raise ImportError('attempted relative import beyond top-level package')
    base = bits[0]
    return '{}.{}'.format(base, name) if name else base

def _sanity_check(name, package, level):
    """Verify arguments are "sane"."""
    if not isinstance(name, str):
        raise TypeError('module name must be str, not {}'.format(type(name)))
    if level < 0:
        raise ValueError('level must be >= 0')
    if level > 0:
        if not isinstance(package, str):
            raise TypeError('__package__ not set to a string')
        elif not package:
            raise ImportError('attempted relative import with no known parent '
                              'package')
    if not name and level == 0:
        raise ValueError('Empty module name')

def _gcd_import(name, package=None, level=0):
    """Import and return the module based on its name, the package the call is
    being made from, and the level adjustment."""
    _sanity_check(name, package, level)
    if level > 0:
        name = _resolve_name(name, package, level)
    import builtins
    builtins.__import__(name)
    return sys.modules[name]

def __import__(name, globals=None, locals=None, fromlist=(), level=0):
    """Import a module (the builtin import statement's function)."""
    import builtins
    return builtins.__import__(name, globals, locals, fromlist, level)

def spec_from_loader(name, loader, *, origin=None, is_package=None):
    """Return a module spec based on various loader methods."""
    if is_package is None and hasattr(loader, 'is_package'):
        try:
            is_package = loader.is_package(name)
        except ImportError:
            is_package = None
    return ModuleSpec(name, loader, origin=origin, is_package=bool(is_package))

def module_from_spec(spec):
    """Create a module based on the provided spec."""
    module = None
    if hasattr(spec.loader, 'create_module'):
        module = spec.loader.create_module(spec)
    elif hasattr(spec.loader, 'exec_module'):
        raise ImportError('loaders that define exec_module() '
                          'must also define create_module()')
    if module is None:
        module = type(sys)(spec.name)
    module.__spec__ = spec
    module.__loader__ = spec.loader
    module.__package__ = spec.parent
    if spec.submodule_search_locations is not None:
        module.__path__ = spec.submodule_search_locations
    if spec.has_location and spec.origin is not None:
        module.__file__ = spec.origin
    return module

def _find_spec(name, path, target=None):
    """Find a module's spec: the finders on sys.meta_path, then the import
    system's own (built-in modules, then PathFinder; our import system runs
    them implicitly, so they are not on sys.meta_path)."""
    meta_path = sys.meta_path
    if meta_path is None:
        raise ImportError("sys.meta_path is None, Python is likely shutting down")
    from _frozen_importlib_external import PathFinder
    is_reload = name in sys.modules
    for finder in [*meta_path, BuiltinImporter, PathFinder]:
        try:
            find_spec = finder.find_spec
        except AttributeError:
            continue
        spec = find_spec(name, path, target)
        if spec is None:
            continue
        # The parent import may have already imported this module.
        if not is_reload and name in sys.modules:
            module = sys.modules[name]
            try:
                __spec__ = module.__spec__
            except AttributeError:
                return spec
            return spec if __spec__ is None else __spec__
        return spec
    return None

def _setup_preloaded():
    """sys and builtins exist before the import system: they get the spec
    and loader CPython's importlib._bootstrap._setup gives them."""
    import builtins
    for module in (sys, builtins):
        module.__spec__ = spec_from_loader(module.__name__, BuiltinImporter, origin=BuiltinImporter._ORIGIN)
        module.__loader__ = BuiltinImporter
        if getattr(module, '__package__', None) is None:
            module.__package__ = ''

_setup_preloaded()
del _setup_preloaded

for _c in (BuiltinImporter, FrozenImporter, ModuleSpec):
    _c.__module__ = "_frozen_importlib"
del _c
"#;

/// `SourceFileLoader` and `NamespaceLoader`; `cache_from_source` and
/// `source_from_cache` for the bytecode cache's file names (`import/pycache.rs`;
/// the suffix lists they use are `MACHINERY`'s, run in the same module).
const EXTERNAL: &str = r#"
import sys

_PYCACHE = "__pycache__"
_OPT = "opt-"
path_sep = "/"
path_separators = "/"
path_sep_tuple = ("/",)

def _path_split(path):
    head, sep, tail = path.rpartition("/")
    return head, tail

def _path_join(*parts):
    return "/".join([p.rstrip("/") for p in parts if p])

def cache_from_source(path, debug_override=None, *, optimization=None):
    """Given the path to a .py file, return the path to its .pyc file.

    The .py file does not need to exist; this simply returns the path to the
    .pyc file calculated as if the .py file were imported.

    The 'optimization' parameter controls the presumed optimization level of
    the bytecode file. If 'optimization' is not None, the string representation
    of the argument is taken and verified to be alphanumeric (else ValueError
    is raised).

    The debug_override parameter is deprecated. If debug_override is not None,
    a True value is the same as setting 'optimization' to the empty string
    while a False value is equivalent to setting 'optimization' to '1'.

    If sys.implementation.cache_tag is None then NotImplementedError is raised.

    """
    if debug_override is not None:
        import warnings
        warnings.warn("the debug_override parameter is deprecated; use "
                      "'optimization' instead", DeprecationWarning)
        if optimization is not None:
            raise TypeError("debug_override or optimization must be set to None")
        optimization = "" if debug_override else 1
    import os
    head, tail = _path_split(os.fspath(path))
    base, sep, rest = tail.rpartition(".")
    tag = sys.implementation.cache_tag
    if tag is None:
        raise NotImplementedError("sys.implementation.cache_tag is None")
    almost_filename = "".join([(base if base else rest), sep, tag])
    if optimization is None:
        optimization = "" if sys.flags.optimize == 0 else sys.flags.optimize
    optimization = str(optimization)
    if optimization != "":
        if not optimization.isalnum():
            raise ValueError("{!r} is not alphanumeric".format(optimization))
        almost_filename = "{}.{}{}".format(almost_filename, _OPT, optimization)
    return _path_join(head, _PYCACHE, almost_filename + BYTECODE_SUFFIXES[0])

def source_from_cache(path):
    """Given the path to a .pyc. file, return the path to its .py file.

    The .pyc file does not need to exist; this simply returns the path to
    the .py file calculated to correspond to the .pyc file.  If path does
    not conform to PEP 3147/488 format, ValueError will be raised. If
    sys.implementation.cache_tag is None then NotImplementedError is raised.

    """
    if sys.implementation.cache_tag is None:
        raise NotImplementedError("sys.implementation.cache_tag is None")
    import os
    path = os.fspath(path)
    head, pycache_filename = _path_split(path)
    head, pycache = _path_split(head)
    if pycache != _PYCACHE:
        raise ValueError(f"{_PYCACHE} not bottom-level directory in {path!r}")
    dot_count = pycache_filename.count(".")
    if dot_count not in {2, 3}:
        raise ValueError(f"expected only 2 or 3 dots in {pycache_filename!r}")
    elif dot_count == 3:
        optimization = pycache_filename.rsplit(".", 2)[-2]
        if not optimization.startswith(_OPT):
            raise ValueError("optimization portion of filename does not start "
                             f"with {_OPT!r}")
        opt_level = optimization[len(_OPT):]
        if not opt_level.isalnum():
            raise ValueError(f"optimization level {optimization!r} is not an "
                             "alphanumeric value")
    base_filename = pycache_filename.partition(".")[0]
    return _path_join(head, base_filename + SOURCE_SUFFIXES[0])

class FileLoader:
    """Base file loader class which implements the loader protocol methods that
    require file system usage."""

    def __init__(self, fullname, path):
        self.name = fullname
        self.path = path

    def __eq__(self, other):
        return self.__class__ == other.__class__ and self.__dict__ == other.__dict__

    def __hash__(self):
        return hash(self.name) ^ hash(self.path)

    def get_filename(self, name=None):
        return self.path

    def get_data(self, path):
        with open(path, "rb") as f:
            return f.read()

    def is_package(self, fullname):
        filename = self.path.rpartition("/")[2]
        return filename.rsplit(".", 1)[0] == "__init__"

    def create_module(self, spec):
        return None

    def get_code(self, fullname):
        return compile(self.get_data(self.path), self.path, "exec", dont_inherit=True)

    def exec_module(self, module):
        exec(self.get_code(module.__name__), module.__dict__)

def _get_cached(filename):
    """The cache file of a source file name, a bytecode file name itself, else None."""
    if filename.endswith(tuple(SOURCE_SUFFIXES)):
        try:
            return cache_from_source(filename)
        except NotImplementedError:
            pass
    elif filename.endswith(tuple(BYTECODE_SUFFIXES)):
        return filename
    else:
        return None

def _calc_mode(path):
    """The mode bits of the file at path, made writable for its owner."""
    import posix
    try:
        mode = posix.stat(path).st_mode
    except OSError:
        mode = 0o666
    mode |= 0o200
    return mode

class _LoaderBasics:
    """What source and bytecode loaders share (the base of importlib.abc's
    loaders)."""

    def is_package(self, fullname):
        """A module whose file is __init__.py is a package."""
        filename = _path_split(self.get_filename(fullname))[1]
        filename_base = filename.rsplit('.', 1)[0]
        tail_name = fullname.rpartition('.')[2]
        return filename_base == '__init__' and tail_name != '__init__'

    def create_module(self, spec):
        """Use default semantics for module creation."""

    def exec_module(self, module):
        """Execute the module."""
        code = self.get_code(module.__name__)
        if code is None:
            raise ImportError('cannot load module {!r} when get_code() '
                              'returns None'.format(module.__name__))
        exec(code, module.__dict__)

    def load_module(self, fullname):
        """The deprecated load_module(): creates or reuses sys.modules[fullname]
        and executes it."""
        import _warnings
        from _frozen_importlib import spec_from_loader, module_from_spec
        _warnings.warn("the load_module() method is deprecated and slated for "
                       "removal in Python 3.12; use exec_module() instead",
                       DeprecationWarning)
        module = sys.modules.get(fullname)
        if module is None:
            module = module_from_spec(spec_from_loader(fullname, self))
            sys.modules[fullname] = module
            try:
                self.exec_module(module)
            except BaseException:
                sys.modules.pop(fullname, None)
                raise
        else:
            self.exec_module(module)
        return sys.modules[fullname]

class SourceLoader(_LoaderBasics):
    """Loads a module from its source (get_data() of get_filename()); Ferropy's
    own bytecode cache is the import system's, so no bytecode is written here."""

    def path_mtime(self, path):
        """The modification time of path (OSError when unknown)."""
        raise OSError

    def path_stats(self, path):
        """The metadata of path: a dict with 'mtime'."""
        return {'mtime': self.path_mtime(path)}

    def _cache_bytecode(self, source_path, cache_path, data):
        return self.set_data(cache_path, data)

    def set_data(self, path, data):
        """Write data to path (not done by default)."""

    def get_source(self, fullname):
        """The source code of the module, decoded."""
        path = self.get_filename(fullname)
        try:
            source_bytes = self.get_data(path)
        except OSError as exc:
            raise ImportError('source not available through get_data()',
                              name=fullname) from exc
        return decode_source(source_bytes)

    def source_to_code(self, data, path, *, _optimize=-1):
        """Compile data (source bytes or text, or an AST) into a code object."""
        return compile(data, path, 'exec', dont_inherit=True, optimize=_optimize)

    def get_code(self, fullname):
        """The code object of the module, compiled from its source."""
        source_path = self.get_filename(fullname)
        source_bytes = self.get_data(source_path)
        return self.source_to_code(source_bytes, source_path)

class SourceFileLoader(FileLoader, SourceLoader):
    """Concrete implementation of SourceLoader using the file system."""

    def get_source(self, fullname):
        return self.get_data(self.path).decode()

    def path_stats(self, path):
        import os
        st = os.stat(path)
        return {"mtime": st.st_mtime, "size": st.st_size}

class NamespaceLoader:
    def __init__(self, name, path, path_finder=None):
        self._path = path

    def is_package(self, fullname):
        return True

    def get_source(self, fullname):
        return ""

    def get_code(self, fullname):
        return compile("", "<string>", "exec", dont_inherit=True)

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        pass

for _c in (FileLoader, SourceFileLoader, NamespaceLoader, _LoaderBasics, SourceLoader):
    _c.__module__ = "_frozen_importlib_external"
del _c
"#;

/// The rest of what `importlib.machinery` re-exports: path finders over the
/// file system (sources and packages only: CPython's bytecode files and
/// extension modules cannot be loaded here).
const MACHINERY: &str = r#"
import sys

SOURCE_SUFFIXES = [".py"]
BYTECODE_SUFFIXES = [".pyc"]
DEBUG_BYTECODE_SUFFIXES = BYTECODE_SUFFIXES
OPTIMIZED_BYTECODE_SUFFIXES = BYTECODE_SUFFIXES
EXTENSION_SUFFIXES = []

def _pack_uint32(x):
    """Convert a 32-bit integer to little-endian."""
    return (int(x) & 0xFFFFFFFF).to_bytes(4, 'little')

def _unpack_uint32(data):
    """Convert 4 bytes in little-endian to an integer."""
    assert len(data) == 4
    return int.from_bytes(data, 'little')

def _unpack_uint16(data):
    """Convert 2 bytes in little-endian to an integer."""
    assert len(data) == 2
    return int.from_bytes(data, 'little')

def _path_stat(path):
    """Stat the path (os.stat without the os module)."""
    import posix
    return posix.stat(path)

def _path_is_mode_type(path, mode):
    """Whether the path exists with the given file type bits."""
    try:
        stat_info = _path_stat(path)
    except OSError:
        return False
    return (stat_info.st_mode & 0o170000) == mode

def _path_isfile(path):
    """os.path.isfile without the os module."""
    return _path_is_mode_type(path, 0o100000)

def _path_isdir(path):
    """os.path.isdir without the os module (the empty path is the cwd)."""
    if not path:
        import posix
        path = posix.getcwd()
    return _path_is_mode_type(path, 0o040000)

def _get_sourcefile(bytecode_path):
    """The source file of a bytecode file path if it exists, else the path."""
    if len(bytecode_path) == 0:
        return None
    rest, _, extension = bytecode_path.rpartition('.')
    if not rest or extension.lower()[-3:-1] != 'py':
        return bytecode_path
    try:
        source_path = source_from_cache(bytecode_path)
    except (NotImplementedError, ValueError):
        source_path = bytecode_path[:-1]
    return source_path if _path_isfile(source_path) else bytecode_path

def _find_module_shim(self, fullname):
    """The deprecated find_module(): the loader self.find_loader() finds."""
    import _warnings
    _warnings.warn("find_module() is deprecated and "
                   "slated for removal in Python 3.12; use find_spec() instead",
                   DeprecationWarning)
    loader, portions = self.find_loader(fullname)
    if loader is None and len(portions):
        msg = 'Not importing directory {}: missing __init__'
        _warnings.warn(msg.format(portions[0]), ImportWarning)
    return loader

class SourcelessFileLoader(FileLoader, _LoaderBasics):
    """Loader for bytecode files: CPython's bytecode does not run here."""

    def get_code(self, fullname):
        raise ImportError("cannot load CPython bytecode file {!r}".format(self.path), name=fullname)

    def get_source(self, fullname):
        return None

class ExtensionFileLoader(FileLoader):
    """Loader for extension modules: there are none in this interpreter."""

    def create_module(self, spec):
        raise ImportError("cannot load extension module {!r}".format(self.path), name=spec.name)

    def get_code(self, fullname):
        return None

    def get_source(self, fullname):
        return None

def _find_in_dir(fullname, directory, target_path=None):
    import os
    from _frozen_importlib import ModuleSpec
    tail = fullname.rpartition(".")[2]
    base = os.path.join(directory, tail)
    if os.path.isdir(base):
        init = os.path.join(base, "__init__.py")
        if os.path.isfile(init):
            spec = ModuleSpec(fullname, SourceFileLoader(fullname, init), origin=init, is_package=True)
            spec.submodule_search_locations.append(base)
            spec.has_location = True
            return spec
        namespace = base
    else:
        namespace = None
    for suffix in SOURCE_SUFFIXES:
        path = base + suffix
        if os.path.isfile(path):
            spec = ModuleSpec(fullname, SourceFileLoader(fullname, path), origin=path)
            spec.has_location = True
            return spec
    if namespace is not None:
        spec = ModuleSpec(fullname, None, is_package=True)
        spec.submodule_search_locations.append(namespace)
        return spec
    return None

class FileFinder:
    """File-based finder for one directory."""

    def __init__(self, path, *loader_details):
        self.path = path or "."

    def invalidate_caches(self):
        pass

    def find_spec(self, fullname, target=None):
        return _find_in_dir(fullname, self.path, target)

    @classmethod
    def path_hook(cls, *loader_details):
        def path_hook_for_FileFinder(path):
            import os
            if not os.path.isdir(path):
                raise ImportError('only directories are supported', path=path)
            return cls(path, *loader_details)
        return path_hook_for_FileFinder

    def __repr__(self):
        return 'FileFinder({!r})'.format(self.path)

class PathFinder:
    """Meta path finder for sys.path and package __path__ attributes."""

    @staticmethod
    def invalidate_caches():
        pass

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        if path is None:
            path = sys.path
        namespace = []
        for entry in path:
            if not isinstance(entry, (str, bytes)):
                continue
            spec = _find_in_dir(fullname, entry or ".", target)
            if spec is None:
                continue
            if spec.loader is not None:
                return spec
            namespace.extend(spec.submodule_search_locations)
        if namespace:
            spec = ModuleSpec(fullname, None, is_package=True)
            spec.submodule_search_locations = namespace
            spec.loader = NamespaceLoader(fullname, namespace)
            return spec
        return None

    @staticmethod
    def find_distributions(*args, **kwargs):
        from importlib.metadata import MetadataPathFinder
        return MetadataPathFinder.find_distributions(*args, **kwargs)

class WindowsRegistryFinder:
    """Meta path finder for modules declared in the Windows registry: none
    outside Windows."""

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        return None

from _frozen_importlib import ModuleSpec

# The first bytes of Ferropy's bytecode cache files (compiler::cache::MAGIC,
# b"FerroPyC"): its format is not CPython's, so neither is its magic number.
MAGIC_NUMBER = b"Ferr"
_RAW_MAGIC_NUMBER = int.from_bytes(MAGIC_NUMBER, 'little')

def decode_source(source_bytes):
    """Decode bytes representing source code and return the string.

    Universal newline support is used in the decoding.
    """
    import tokenize, _io
    source_bytes_readline = _io.BytesIO(source_bytes).readline
    encoding = tokenize.detect_encoding(source_bytes_readline)
    newline_decoder = _io.IncrementalNewlineDecoder(None, True)
    return newline_decoder.decode(source_bytes.decode(encoding[0]))

def _get_supported_file_loaders():
    """Returns a list of file-based module loaders: (loader, suffixes)."""
    import _imp
    return [(ExtensionFileLoader, _imp.extension_suffixes()),
            (SourceFileLoader, SOURCE_SUFFIXES),
            (SourcelessFileLoader, BYTECODE_SUFFIXES)]

_POPULATE = object()

def spec_from_file_location(name, location=None, *, loader=None,
                            submodule_search_locations=_POPULATE):
    """Return a module spec based on a file location (CPython's code)."""
    import os
    if location is None:
        location = '<unknown>'
        if hasattr(loader, 'get_filename'):
            try:
                location = loader.get_filename(name)
            except ImportError:
                pass
    else:
        location = os.fspath(location)
        if not location.startswith("/"):
            try:
                location = _path_join(os.getcwd(), location)
            except OSError:
                pass
    spec = ModuleSpec(name, loader, origin=location)
    spec._set_fileattr = True
    if loader is None:
        for loader_class, suffixes in _get_supported_file_loaders():
            if location.endswith(tuple(suffixes)):
                loader = loader_class(name, location)
                spec.loader = loader
                break
        else:
            return None
    if submodule_search_locations is _POPULATE:
        if hasattr(loader, 'is_package'):
            try:
                is_package = loader.is_package(name)
            except ImportError:
                pass
            else:
                if is_package:
                    spec.submodule_search_locations = []
    else:
        spec.submodule_search_locations = submodule_search_locations
    if spec.submodule_search_locations == []:
        if location:
            dirname = _path_split(location)[0]
            spec.submodule_search_locations.append(dirname)
    return spec

for _c in (SourcelessFileLoader, ExtensionFileLoader, FileFinder, PathFinder, WindowsRegistryFinder):
    _c.__module__ = "_frozen_importlib_external"
del _c
"#;

fn run(vm: &mut Vm, m: Value, src: &str, name: &str) -> PyResult<()> {
    let code = crate::import::pycache::embedded_code(vm, src, name)?;
    let d = crate::module::module_dict(m);
    crate::interp::run_code(vm, code, d, d)?;
    Ok(())
}

pub fn init_bootstrap(vm: &mut Vm, m: Value) -> PyResult<()> {
    run(vm, m, BOOTSTRAP, "importlib._bootstrap")
}

pub fn init_external(vm: &mut Vm, m: Value) -> PyResult<()> {
    run(vm, m, EXTERNAL, "importlib._bootstrap_external")?;
    run(vm, m, MACHINERY, "importlib._bootstrap_external")
}
