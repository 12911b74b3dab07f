//! Ferropy's bytecode, declared once.
//!
//! A stack machine modelled on CPython 3.11's (zero-cost exception tables, `BINARY_OP`
//! with an operator argument, `PUSH_NULL`-free calls), so that CPython's compiler and
//! interpreter are the reference for what each instruction means. An instruction is an
//! opcode plus one `u32` argument; jump arguments are absolute instruction indexes.
//!
//! The table below is the only place an opcode is declared: the enum, its name, and
//! its stack effect all come from it. The interpreter implements each opcode in one
//! match arm that calls the VM function for the Python operation.
//!
//! Stack notation in the docs: `[a, b] -> [c]` means the instruction pops `b` (top)
//! then `a`, and pushes `c`.

/// `opcodes!` expands to `enum Op`, `Op::name`, and `Op::stack_effect(arg, jump)`,
/// where `jump` says whether the effect is for the branch-taken edge.
macro_rules! opcodes {
    (($arg:ident, $jump:ident) $( $(#[doc = $doc:literal])* $name:ident => $effect:expr ;)*) => {
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Op { $( $(#[doc = $doc])* $name, )* }

        impl Op {
            pub const ALL: &'static [Op] = &[$(Op::$name),*];

            pub fn name(self) -> &'static str {
                match self { $( Op::$name => stringify!($name), )* }
            }

            /// Net change of the stack depth. `jump` selects the branch-taken edge for
            /// conditional jumps and `ForIter`/`Send`.
            #[allow(unused_variables)]
            pub fn stack_effect(self, $arg: u32, $jump: bool) -> i32 {
                let $arg = $arg as i32;
                match self { $( Op::$name => $effect, )* }
            }
        }
    };
}

opcodes! {
    (a, j)
    /// Does nothing.
    Nop => 0;
    /// `[x] -> []`
    PopTop => -1;
    /// `[.., x] -> [.., x, stack[-arg]]`: `Copy(1)` duplicates the top.
    Copy => 1;
    /// Swaps the top with `stack[-arg]` (arg >= 2).
    Swap => 0;
    /// Pushes `consts[arg]`.
    LoadConst => 1;
    /// Pushes local `varnames[arg]`; UnboundLocalError if unset.
    LoadFast => 1;
    /// Pops into local `varnames[arg]`.
    StoreFast => -1;
    /// Unsets local `varnames[arg]`; UnboundLocalError if unset.
    DeleteFast => 0;
    /// Pushes the contents of cell `arg` (index space: cellvars then freevars);
    /// UnboundLocalError/NameError ("free variable ... referenced before assignment").
    LoadDeref => 1;
    /// Pops into cell `arg`.
    StoreDeref => -1;
    /// Empties cell `arg`.
    DeleteDeref => 0;
    /// Pushes cell `arg` itself (to build a closure tuple).
    LoadClosure => 1;
    /// Class bodies: looks `freevars[...]`'s name up in the locals mapping first, then
    /// reads the cell `arg` (CPython's LOAD_CLASSDEREF).
    LoadClassDeref => 1;
    /// Name lookup in locals, globals, builtins (module and class bodies, exec).
    LoadName => 1;
    StoreName => -1;
    DeleteName => 0;
    /// Pushes global `names[arg]`, falling back to builtins; NameError if missing.
    LoadGlobal => 1;
    StoreGlobal => -1;
    DeleteGlobal => 0;
    /// `[obj] -> [obj.names[arg]]`
    LoadAttr => 0;
    /// `[value, obj] -> []`: `obj.names[arg] = value`
    StoreAttr => -2;
    /// `[obj] -> []`
    DeleteAttr => -1;
    /// `[obj] -> [meth, obj]` when `names[arg]` is a plain function found on the type
    /// (an unbound method), else `[obj] -> [NULL, obj.name]`. Paired with `CallMethod`.
    LoadMethod => 1;
    /// `[meth_or_null, self_or_callable, arg1..argN] -> [result]` with N = arg.
    CallMethod => -a - 1;
    /// `[callable, arg1..argN] -> [result]` with N = arg (positional only).
    Call => -a;
    /// `[callable, arg1..argN, kwnames] -> [result]`: N = arg counts all arguments; the
    /// last `len(kwnames)` of them are keyword arguments named by the tuple `kwnames`.
    CallKw => -a - 1;
    /// `[callable, args_tuple] -> [result]` or, with `arg & 1`,
    /// `[callable, args_tuple, kwargs_dict] -> [result]`.
    CallEx => if a & 1 != 0 { -2 } else { -1 };
    /// `[lhs, rhs] -> [lhs OP rhs]`, OP = `BinOp::from_arg(arg)` (in-place forms too).
    BinaryOp => -1;
    /// `[lhs, rhs] -> [lhs CMP rhs]`, CMP = `CmpOp::from_arg(arg)`.
    CompareOp => -1;
    /// `[lhs, rhs] -> [lhs is rhs]`, negated when arg == 1.
    IsOp => -1;
    /// `[lhs, rhs] -> [lhs in rhs]`, negated when arg == 1.
    ContainsOp => -1;
    /// `[x] -> [-x]`
    UnaryNegative => 0;
    /// `[x] -> [+x]`
    UnaryPositive => 0;
    /// `[x] -> [not x]`
    UnaryNot => 0;
    /// `[x] -> [~x]`
    UnaryInvert => 0;
    /// `[container, key] -> [container[key]]`
    BinarySubscr => -1;
    /// `[value, container, key] -> []`: `container[key] = value`
    StoreSubscr => -3;
    /// `[container, key] -> []`
    DeleteSubscr => -2;
    /// `[start, stop] -> [slice]` (arg 2) or `[start, stop, step] -> [slice]` (arg 3).
    BuildSlice => 1 - a;
    /// `[x1..xN] -> [(x1..xN)]`
    BuildTuple => 1 - a;
    /// `[x1..xN] -> [[x1..xN]]`
    BuildList => 1 - a;
    /// `[x1..xN] -> [{x1..xN}]`
    BuildSet => 1 - a;
    /// `[k1, v1, .. kN, vN] -> [{k1: v1, ..}]` with N = arg.
    BuildMap => 1 - 2 * a;
    /// `[s1..sN] -> [s1 + .. + sN]` (f-string pieces, all str).
    BuildString => 1 - a;
    /// `[list] -> [tuple(list)]`
    ListToTuple => 0;
    /// `[.., list, .. (arg-1 items) .., x] -> [.., list, ..]`: `list.append(x)` where
    /// the list is at `stack[-arg]` after popping x. Comprehensions use it.
    ListAppend => -1;
    /// Like `ListAppend` for `set.add(x)`.
    SetAdd => -1;
    /// `[.., dict, .., key, value] -> [.., dict, ..]`: `dict[key] = value`, dict at
    /// `stack[-arg]` after popping both.
    MapAdd => -2;
    /// `list.extend(iterable)` with the list at `stack[-arg]` after popping.
    ListExtend => -1;
    /// `set.update(iterable)` with the set at `stack[-arg]` after popping.
    SetUpdate => -1;
    /// `dict.update(mapping)` with the dict at `stack[-arg]` after popping
    /// (`{**a}`; TypeError "'X' object is not a mapping").
    DictUpdate => -1;
    /// Like `DictUpdate` but for `f(**a)`: duplicate keys raise TypeError "f() got
    /// multiple values for keyword argument 'k'", the function found at
    /// `stack[-arg - 2]` after popping.
    DictMerge => -1;
    /// f-string field: `[value] -> [str]` or, with `arg & 4`, `[value, spec] -> [str]`;
    /// `arg & 3`: 0 no conversion, 1 `!s`, 2 `!r`, 3 `!a`.
    FormatValue => if a & 4 != 0 { -1 } else { 0 };
    /// `[seq] -> [x_N .. x_1]` (x_1 on top) with N = arg; ValueError on a length
    /// mismatch with CPython's messages.
    UnpackSequence => a - 1;
    /// Starred unpacking: arg = before | (after << 8);
    /// `[seq] -> [after items reversed.., list, before items reversed..]`.
    UnpackEx => (a & 0xff) + (a >> 8);
    /// Unconditional jump to instruction `arg` (forward).
    Jump => 0;
    /// Backward jump to instruction `arg`: the loop edge where hot-loop counters live.
    JumpBackward => 0;
    /// `[x] -> []`, jump to `arg` if `not x`.
    PopJumpIfFalse => -1;
    /// `[x] -> []`, jump to `arg` if `x`.
    PopJumpIfTrue => -1;
    /// `[x] -> []`, jump to `arg` if `x is None`.
    PopJumpIfNone => -1;
    /// `[x] -> []`, jump to `arg` if `x is not None`.
    PopJumpIfNotNone => -1;
    /// If `not x` jump to `arg` keeping `x`, else pop it (`and`).
    JumpIfFalseOrPop => if j { 0 } else { -1 };
    /// If `x` jump to `arg` keeping `x`, else pop it (`or`).
    JumpIfTrueOrPop => if j { 0 } else { -1 };
    /// `[obj] -> [iter(obj)]`
    GetIter => 0;
    /// `[it] -> [it, next(it)]`; when exhausted, `[it] -> []` and jump to `arg`.
    ForIter => if j { -1 } else { 1 };
    /// `[obj] -> [iter]` for `yield from`: a generator or coroutine passes through
    /// (a coroutine only inside a coroutine), anything else gets `iter(obj)`.
    GetYieldFromIter => 0;
    /// `[receiver, value] -> [receiver, yielded]` when the receiver yields; when it
    /// returns `r`: `[receiver, value] -> [r]` and jump to `arg`. Sending None to a
    /// plain iterator calls `next`. Generator `throw`/`close` delegate to the
    /// receiver while the frame is suspended at the `YieldValue` after a `Send`.
    Send => if j { -1 } else { 0 };
    /// `[x] -> [sent]`: suspends the generator yielding `x`; resumes with the sent value.
    /// `arg` says what the yield is (CPython's RESUME oparg after it): 1 a `yield`
    /// expression (in an async generator, the value the generator produces, which
    /// CPython wraps with ASYNC_GEN_WRAP), 2 inside `yield from`, 3 inside `await`
    /// (in an async generator, passed through to the event loop).
    YieldValue => 0;
    /// Async generators: `[x] -> [wrapped x]` right before the `YieldValue` of a
    /// `yield` (not of an `await`), so the async generator can tell a value it
    /// yields to its consumer from one an awaited object yields to the event loop
    /// (CPython 3.11's ASYNC_GEN_WRAP).
    AsyncGenWrap => 0;
    /// `[x] -> []`: returns `x` from the frame.
    ReturnValue => -1;
    /// arg 0: re-raise the exception being handled (RuntimeError "No active exception
    /// to reraise" if none); 1: `[exc] -> raise exc`; 2: `[exc, cause] -> raise exc
    /// from cause`.
    Raise => -a;
    /// `[exc] -> []`: re-raises `exc` unchanged (traceback kept). When `arg` is
    /// non-zero, the stack also holds `lasti` below exc: `[lasti, exc] -> []`, and
    /// the frame's `f_lasti` is restored from it first (CPython's RERAISE oparg).
    Reraise => -1;
    /// `[exc] -> [prev_exc_info, exc]` and sets the current handled exception to exc
    /// (`sys.exc_info()`); prev is None if nothing was being handled.
    PushExcInfo => 1;
    /// `[prev_exc_info] -> []`: restores the handled exception.
    PopExcept => -1;
    /// `[exc, type] -> [exc, bool]`: `isinstance(exc, type)`; TypeError "catching
    /// classes that do not inherit from BaseException is not allowed" when type is not
    /// an exception class or a tuple of them.
    CheckExcMatch => 0;
    /// `except*`: `[exc, type] -> [rest, match]` (CPython's CHECK_EG_MATCH): match is
    /// None when nothing matched (and rest is the original exc).
    CheckEgMatch => 0;
    /// `except*` end: `[orig, list_of_raised] -> [exc_or_None]` (CPython's
    /// PREP_RERAISE_STAR).
    PrepReraiseStar => -1;
    /// `[mgr] -> [mgr.__exit__ (bound), mgr.__enter__()]`. TypeError "'X' object does
    /// not support the context manager protocol" if either is missing.
    BeforeWith => 1;
    /// `[mgr] -> [mgr.__aexit__ (bound), awaitable mgr.__aenter__()]`.
    BeforeAsyncWith => 1;
    /// `[exit_func, lasti, prev_exc, exc] -> [exit_func, lasti, prev_exc, exc, res]`
    /// where `res = exit_func(type(exc), exc, exc.__traceback__)`.
    WithExceptStart => 1;
    /// `[obj] -> [awaitable]` (`await`): coroutines pass, generators with the
    /// iterable-coroutine flag pass, else `obj.__await__()`; arg as CPython's
    /// GET_AWAITABLE (1: after `__aenter__`, 2: after `__aexit__`) for the messages.
    GetAwaitable => 0;
    /// `[obj] -> [obj.__aiter__()]`
    GetAiter => 0;
    /// `[aiter] -> [aiter, awaitable aiter.__anext__()]`
    GetAnext => 1;
    /// `async for` exhaustion handler: `[aiter, exc] -> []` if exc is
    /// StopAsyncIteration, else re-raises exc.
    EndAsyncFor => -2;
    /// Builds a function: `[<defaults tuple if arg&1>, <kwdefaults dict if arg&2>,
    /// <annotations dict or flat tuple (name, value, ..) if arg&4>, <closure tuple if
    /// arg&8>, code] -> [function]`. Name and qualname come from the code object.
    MakeFunction => -((a & 1 != 0) as i32 + (a & 2 != 0) as i32 + (a & 4 != 0) as i32 + (a & 8 != 0) as i32);
    /// Pushes `builtins.__build_class__`.
    LoadBuildClass => 1;
    /// Creates `__annotations__` in the locals mapping if missing.
    SetupAnnotations => 0;
    /// `[level, fromlist] -> [module]`: `__import__(names[arg], globals, locals,
    /// fromlist, level)`.
    ImportName => -1;
    /// `[module] -> [module, module.names[arg]]`, falling back to
    /// `sys.modules[f"{module.__name__}.{name}"]`; ImportError "cannot import name ..."
    ImportFrom => 1;
    /// `[module] -> []`: `from module import *` into the locals mapping.
    ImportStar => -1;
    /// Pushes `AssertionError`.
    LoadAssertionError => 1;
    /// Interactive mode: `[x] -> []`, calls `sys.displayhook(x)`.
    PrintExpr => -1;
    /// `[obj] -> [obj, len(obj)]` (match statements).
    GetLen => 1;
    /// `[subject] -> [subject, bool]`: is the subject a mapping (match).
    MatchMapping => 1;
    /// `[subject] -> [subject, bool]`: is the subject a sequence (match; str, bytes,
    /// bytearray are not).
    MatchSequence => 1;
    /// `[subject, keys_tuple] -> [subject, keys_tuple, values_tuple_or_None]`.
    MatchKeys => 1;
    /// `[subject, cls, names_tuple] -> [attrs_tuple_or_None]` with arg positional
    /// sub-patterns (uses `__match_args__`; CPython's MATCH_CLASS).
    MatchClass => -2;
    /// `[mapping, keys_tuple] -> [mapping, rest_dict]`
    CopyDictWithoutKeys => 0;
    /// Class bodies: `[] -> [locals mapping]` (for `__classcell__`-free returns).
    LoadLocals => 1;
    /// Pushes a NULL marker (only for `CallMethod` with a non-method callable).
    PushNull => 1;
    /// Superinstructions: the interpreter's quickening fuses an instruction with the
    /// next one (whose argument it reads) into one dispatch; never emitted by the
    /// compiler. `LoadFast` then `LoadFast`.
    LoadFastLoadFast => 2;
    /// `LoadFast` then `LoadConst`.
    LoadFastLoadConst => 2;
    /// `LoadConst` then `LoadFast`.
    LoadConstLoadFast => 2;
    /// `StoreFast` then `LoadFast`.
    StoreFastLoadFast => 0;
    /// `StoreFast` then `StoreFast`.
    StoreFastStoreFast => -2;
    /// `LoadFast` then `LoadAttr`.
    LoadFastLoadAttr => 1;
    /// `LoadFast` then `LoadMethod`.
    LoadFastLoadMethod => 2;
    /// `Copy` then `Copy` (`a[i] op= x` starts with them).
    CopyCopy => 2;
    /// `Swap` then `Swap` (`a[i] op= x` ends with them).
    SwapSwap => 0;
    /// `BinaryOp` quickened by its operator (`arg` unchanged, in-place or not), so
    /// the interpreter tries the int and float fast path of that operator without
    /// decoding the argument: `+`.
    BinaryAdd => -1;
    /// `BinaryOp` for `-`.
    BinarySubtract => -1;
    /// `BinaryOp` for `*`.
    BinaryMultiply => -1;
    /// `BinaryOp` for `/`.
    BinaryTrueDivide => -1;
}

impl Op {
    /// What the argument indexes or means (for the disassembler and the verifier).
    pub fn operand(self) -> Operand {
        match self {
            Op::LoadConst => Operand::Const,
            Op::LoadFast | Op::StoreFast | Op::DeleteFast => Operand::Local,
            Op::LoadDeref | Op::StoreDeref | Op::DeleteDeref | Op::LoadClosure | Op::LoadClassDeref => Operand::Cell,
            Op::LoadName
            | Op::StoreName
            | Op::DeleteName
            | Op::LoadGlobal
            | Op::StoreGlobal
            | Op::DeleteGlobal
            | Op::LoadAttr
            | Op::StoreAttr
            | Op::DeleteAttr
            | Op::LoadMethod
            | Op::ImportName
            | Op::ImportFrom => Operand::Name,
            Op::BinaryOp | Op::BinaryAdd | Op::BinarySubtract | Op::BinaryMultiply | Op::BinaryTrueDivide => Operand::BinOp,
            Op::CompareOp => Operand::CmpOp,
            op if op.is_jump() => Operand::Jump,
            _ => Operand::Other,
        }
    }

    /// Whether the argument is an instruction index control may continue at.
    pub fn is_jump(self) -> bool {
        matches!(
            self,
            Op::Jump
                | Op::JumpBackward
                | Op::PopJumpIfFalse
                | Op::PopJumpIfTrue
                | Op::PopJumpIfNone
                | Op::PopJumpIfNotNone
                | Op::JumpIfFalseOrPop
                | Op::JumpIfTrueOrPop
                | Op::ForIter
                | Op::Send
        )
    }

    /// An unconditional jump.
    pub fn is_unconditional(self) -> bool {
        matches!(self, Op::Jump | Op::JumpBackward)
    }

    /// Leaves the frame's code: returns or raises.
    pub fn is_terminator(self) -> bool {
        matches!(self, Op::ReturnValue | Op::Raise | Op::Reraise)
    }

    /// A superinstruction (`fused_with`) or an operator-quickened instruction
    /// (`quickened`): made only when the VM prepares code.
    pub fn is_quickened(self) -> bool {
        matches!(
            self,
            Op::LoadFastLoadFast
                | Op::LoadFastLoadConst
                | Op::LoadConstLoadFast
                | Op::StoreFastLoadFast
                | Op::StoreFastStoreFast
                | Op::LoadFastLoadAttr
                | Op::LoadFastLoadMethod
                | Op::CopyCopy
                | Op::SwapSwap
                | Op::BinaryAdd
                | Op::BinarySubtract
                | Op::BinaryMultiply
                | Op::BinaryTrueDivide
        )
    }

    /// The instruction a superinstruction starts with (itself for others): what a
    /// traced frame runs in its place, so that the instruction after is seen too.
    #[inline(always)]
    pub fn first_of_pair(self) -> Op {
        match self {
            Op::LoadFastLoadFast | Op::LoadFastLoadConst | Op::LoadFastLoadAttr | Op::LoadFastLoadMethod => Op::LoadFast,
            Op::LoadConstLoadFast => Op::LoadConst,
            Op::StoreFastLoadFast | Op::StoreFastStoreFast => Op::StoreFast,
            Op::CopyCopy => Op::Copy,
            Op::SwapSwap => Op::Swap,
            op => op,
        }
    }

    /// The form of this instruction specialised by its argument, if it has one:
    /// `BinaryOp` by operator.
    pub fn quickened(self, arg: u32) -> Option<Op> {
        if self != Op::BinaryOp {
            return None;
        }
        Some(match BinOp::ALL.get(arg as usize)?.base() {
            BinOp::Add => Op::BinaryAdd,
            BinOp::Subtract => Op::BinarySubtract,
            BinOp::Multiply => Op::BinaryMultiply,
            BinOp::TrueDivide => Op::BinaryTrueDivide,
            _ => return None,
        })
    }

    /// The superinstruction running `self` and then `next` in one dispatch.
    pub fn fused_with(self, next: Op) -> Option<Op> {
        Some(match (self, next) {
            (Op::LoadFast, Op::LoadFast) => Op::LoadFastLoadFast,
            (Op::LoadFast, Op::LoadConst) => Op::LoadFastLoadConst,
            (Op::LoadConst, Op::LoadFast) => Op::LoadConstLoadFast,
            (Op::StoreFast, Op::LoadFast) => Op::StoreFastLoadFast,
            (Op::StoreFast, Op::StoreFast) => Op::StoreFastStoreFast,
            (Op::LoadFast, Op::LoadAttr) => Op::LoadFastLoadAttr,
            (Op::LoadFast, Op::LoadMethod) => Op::LoadFastLoadMethod,
            (Op::Copy, Op::Copy) => Op::CopyCopy,
            (Op::Swap, Op::Swap) => Op::SwapSwap,
            _ => return None,
        })
    }
}

/// What an instruction's argument is (`Op::operand`).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Operand {
    /// An index into `co_consts`.
    Const,
    /// An index into `co_varnames` (a fast local).
    Local,
    /// An index into the cells: cellvars then freevars.
    Cell,
    /// An index into `co_names`.
    Name,
    /// A `BinOp`.
    BinOp,
    /// A `CmpOp`.
    CmpOp,
    /// An instruction index.
    Jump,
    /// A count, flags, or nothing.
    Other,
}

/// The operator of `BinaryOp`, CPython's `NB_*` numbering.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum BinOp {
    Add = 0,
    And = 1,
    FloorDivide = 2,
    Lshift = 3,
    MatrixMultiply = 4,
    Multiply = 5,
    Remainder = 6,
    Or = 7,
    Power = 8,
    Rshift = 9,
    Subtract = 10,
    TrueDivide = 11,
    Xor = 12,
    InplaceAdd = 13,
    InplaceAnd = 14,
    InplaceFloorDivide = 15,
    InplaceLshift = 16,
    InplaceMatrixMultiply = 17,
    InplaceMultiply = 18,
    InplaceRemainder = 19,
    InplaceOr = 20,
    InplacePower = 21,
    InplaceRshift = 22,
    InplaceSubtract = 23,
    InplaceTrueDivide = 24,
    InplaceXor = 25,
}

impl BinOp {
    const ALL: [BinOp; 26] = [
        BinOp::Add, BinOp::And, BinOp::FloorDivide, BinOp::Lshift, BinOp::MatrixMultiply,
        BinOp::Multiply, BinOp::Remainder, BinOp::Or, BinOp::Power, BinOp::Rshift,
        BinOp::Subtract, BinOp::TrueDivide, BinOp::Xor, BinOp::InplaceAdd, BinOp::InplaceAnd,
        BinOp::InplaceFloorDivide, BinOp::InplaceLshift, BinOp::InplaceMatrixMultiply,
        BinOp::InplaceMultiply, BinOp::InplaceRemainder, BinOp::InplaceOr, BinOp::InplacePower,
        BinOp::InplaceRshift, BinOp::InplaceSubtract, BinOp::InplaceTrueDivide, BinOp::InplaceXor,
    ];

    pub fn from_arg(arg: u32) -> BinOp {
        BinOp::ALL[arg as usize]
    }

    pub fn is_inplace(self) -> bool {
        self as u8 >= BinOp::InplaceAdd as u8
    }

    /// The binary (not in-place) form of this operator.
    pub fn base(self) -> BinOp {
        if self.is_inplace() {
            BinOp::ALL[self as usize - BinOp::InplaceAdd as usize]
        } else {
            self
        }
    }

    /// The in-place form of a binary operator.
    pub fn inplace(self) -> BinOp {
        BinOp::ALL[self.base() as usize + BinOp::InplaceAdd as usize]
    }

    /// The operator as Python writes it: "+", "+=", ...
    pub fn symbol(self) -> &'static str {
        const SYMS: [&str; 13] = ["+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^"];
        const ISYMS: [&str; 13] = ["+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^="];
        if self.is_inplace() {
            ISYMS[self.base() as usize]
        } else {
            SYMS[self as usize]
        }
    }
}

/// The comparison of `CompareOp`, CPython's `Py_LT..Py_GE` numbering.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum CmpOp {
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

impl CmpOp {
    pub fn from_arg(arg: u32) -> CmpOp {
        [CmpOp::Lt, CmpOp::Le, CmpOp::Eq, CmpOp::Ne, CmpOp::Gt, CmpOp::Ge][arg as usize]
    }

    /// The operator with its operands swapped (`a < b` is `b > a`).
    pub fn swapped(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Eq => CmpOp::Eq,
            CmpOp::Ne => CmpOp::Ne,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
        }
    }

    pub fn symbol(self) -> &'static str {
        ["<", "<=", "==", "!=", ">", ">="][self as usize]
    }

    /// The special method name: `__lt__`, ...
    pub fn dunder(self) -> &'static str {
        ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"][self as usize]
    }
}

/// One instruction: an opcode and its argument.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Instr {
    pub op: Op,
    pub arg: u32,
}

impl Instr {
    pub fn new(op: Op, arg: u32) -> Instr {
        Instr { op, arg }
    }
}
