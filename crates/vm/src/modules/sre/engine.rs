//! The matching engine: an interpreter over the SRE code list, following
//! CPython's Modules/_sre/sre_lib.h step by step.
//!
//! `SRE(match)` there is a backtracking machine whose "recursive" calls push a
//! context on an explicit stack and jump back to the entrance; returning pops the
//! context and resumes the caller at the label its jump kind names. Here the same
//! machine is a loop over three actions (enter a context, dispatch opcodes, exit
//! to the caller's resume point) with the contexts in a `Vec` and the saved
//! marks and repeat pointers in a second `Vec` (the C data stack). Nothing
//! recurses natively except `count` on a one-character item, which is one level
//! deep, so deep patterns and long subjects cannot overflow the Rust stack.
//!
//! Positions are indices into the subject (code points for str, bytes for bytes);
//! `NONE` stands for C's NULL mark pointers.

use super::constants::*;

pub const NONE: usize = usize::MAX;

/// The subject as indexable characters: bytes (bytes-like subjects and ASCII
/// str) or code points (other str).
pub trait Chars {
    fn at(&self, i: usize) -> u32;
}

impl Chars for [u8] {
    #[inline(always)]
    fn at(&self, i: usize) -> u32 {
        self[i] as u32
    }
}

impl Chars for [u32] {
    #[inline(always)]
    fn at(&self, i: usize) -> u32 {
        self[i]
    }
}

/// Why a match stopped without an answer.
#[derive(Debug)]
pub enum Error {
    /// A signal is pending (the caller raises KeyboardInterrupt).
    Interrupted,
    /// Code the engine cannot run ("internal error in regular expression engine").
    Internal,
}

// ---- character predicates (sre.c) ----

#[inline]
pub fn lower_ascii(ch: u32) -> u32 {
    if (b'A' as u32..=b'Z' as u32).contains(&ch) {
        ch + 32
    } else {
        ch
    }
}

/// `tolower` in the C locale, which is what Ferropy runs with.
#[inline]
pub fn lower_locale(ch: u32) -> u32 {
    lower_ascii(ch)
}

#[inline]
pub fn upper_locale(ch: u32) -> u32 {
    if (b'a' as u32..=b'z' as u32).contains(&ch) {
        ch - 32
    } else {
        ch
    }
}

#[inline]
pub fn lower_unicode(ch: u32) -> u32 {
    if ch < 128 {
        return lower_ascii(ch);
    }
    format::text::simple_lower(ch)
}

#[inline]
pub fn upper_unicode(ch: u32) -> u32 {
    if ch < 128 {
        return upper_locale(ch);
    }
    format::text::simple_upper(ch)
}

fn as_char(ch: u32) -> Option<char> {
    char::from_u32(ch)
}

#[inline]
fn is_digit(ch: u32) -> bool {
    (b'0' as u32..=b'9' as u32).contains(&ch)
}

#[inline]
fn is_space(ch: u32) -> bool {
    matches!(ch, 9..=13 | 32)
}

#[inline]
pub fn is_linebreak(ch: u32) -> bool {
    ch == b'\n' as u32
}

#[inline]
fn is_word(ch: u32) -> bool {
    ch < 128 && ((ch as u8).is_ascii_alphanumeric() || ch == b'_' as u32)
}

#[inline]
fn is_loc_word(ch: u32) -> bool {
    is_word(ch)
}

fn uni_is_digit(ch: u32) -> bool {
    if ch < 128 {
        return is_digit(ch);
    }
    as_char(ch).is_some_and(format::text::is_decimal)
}

fn uni_is_space(ch: u32) -> bool {
    if ch < 128 {
        return matches!(ch, 9..=13 | 28..=32);
    }
    as_char(ch).is_some_and(format::text::is_space)
}

fn uni_is_linebreak(ch: u32) -> bool {
    as_char(ch).is_some_and(format::text::is_linebreak)
}

#[inline]
pub fn uni_is_word(ch: u32) -> bool {
    if ch < 128 {
        return is_word(ch);
    }
    as_char(ch).is_some_and(format::text::is_alnum)
}

fn category(cat: u32, ch: u32) -> bool {
    match cat {
        CATEGORY_DIGIT => is_digit(ch),
        CATEGORY_NOT_DIGIT => !is_digit(ch),
        CATEGORY_SPACE => is_space(ch),
        CATEGORY_NOT_SPACE => !is_space(ch),
        CATEGORY_WORD => is_word(ch),
        CATEGORY_NOT_WORD => !is_word(ch),
        CATEGORY_LINEBREAK => is_linebreak(ch),
        CATEGORY_NOT_LINEBREAK => !is_linebreak(ch),
        CATEGORY_LOC_WORD => is_loc_word(ch),
        CATEGORY_LOC_NOT_WORD => !is_loc_word(ch),
        CATEGORY_UNI_DIGIT => uni_is_digit(ch),
        CATEGORY_UNI_NOT_DIGIT => !uni_is_digit(ch),
        CATEGORY_UNI_SPACE => uni_is_space(ch),
        CATEGORY_UNI_NOT_SPACE => !uni_is_space(ch),
        CATEGORY_UNI_WORD => uni_is_word(ch),
        CATEGORY_UNI_NOT_WORD => !uni_is_word(ch),
        CATEGORY_UNI_LINEBREAK => uni_is_linebreak(ch),
        CATEGORY_UNI_NOT_LINEBREAK => !uni_is_linebreak(ch),
        _ => false,
    }
}

#[inline]
fn char_loc_ignore(pattern: u32, ch: u32) -> bool {
    ch == pattern || lower_locale(ch) == pattern || upper_locale(ch) == pattern
}

/// Is `ch` in the set starting at `code[i]` (ended by FAILURE)?
fn charset(code: &[u32], mut i: usize, ch: u32) -> bool {
    let mut ok = true;
    loop {
        let op = code[i];
        i += 1;
        match op {
            FAILURE => return !ok,
            LITERAL => {
                if ch == code[i] {
                    return ok;
                }
                i += 1;
            }
            CATEGORY => {
                if category(code[i], ch) {
                    return ok;
                }
                i += 1;
            }
            CHARSET => {
                if ch < 256 && code[i + (ch / 32) as usize] & (1u32 << (ch & 31)) != 0 {
                    return ok;
                }
                i += 8;
            }
            RANGE => {
                if code[i] <= ch && ch <= code[i + 1] {
                    return ok;
                }
                i += 2;
            }
            RANGE_UNI_IGNORE => {
                // ch is already lower-cased.
                if code[i] <= ch && ch <= code[i + 1] {
                    return ok;
                }
                let u = upper_unicode(ch);
                if code[i] <= u && u <= code[i + 1] {
                    return ok;
                }
                i += 2;
            }
            NEGATE => ok = !ok,
            BIGCHARSET => {
                // <BIGCHARSET> <blockcount> <256 block indices as bytes> <blocks>
                let count = code[i] as usize;
                i += 1;
                if ch < 0x10000 {
                    let k = (ch >> 8) as usize;
                    let block = (code[i + k / 4] >> (8 * (k % 4))) & 0xff;
                    let bit = block * 256 + (ch & 255);
                    if code[i + 64 + (bit / 32) as usize] & (1u32 << (bit & 31)) != 0 {
                        return ok;
                    }
                }
                i += 64 + count * 8;
            }
            _ => return false,
        }
    }
}

fn charset_loc_ignore(code: &[u32], i: usize, ch: u32) -> bool {
    let lo = lower_locale(ch);
    if charset(code, i, lo) {
        return true;
    }
    let up = upper_locale(ch);
    up != lo && charset(code, i, up)
}

// ---- the machine ----

/// `end - ptr` as C computes it on pointers (negative when a match starts past `endpos`).
#[inline]
fn avail(end: usize, ptr: usize) -> isize {
    end as isize - ptr as isize
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Jump {
    None,
    MaxUntil1,
    MaxUntil2,
    MaxUntil3,
    MinUntil1,
    MinUntil2,
    MinUntil3,
    Repeat,
    RepeatOne1,
    RepeatOne2,
    MinRepeatOne,
    Branch,
    Assert,
    AssertNot,
    PossRepeat1,
    PossRepeat2,
    AtomicGroup,
}

/// One `SRE(match_context)`.
#[derive(Clone, Copy, Debug)]
struct Ctx {
    count: isize,
    /// The repeat (index into `State::repeats`) of REPEAT and the UNTILs.
    rep: usize,
    lastmark: isize,
    lastindex: isize,
    /// Where to resume (or, for a new context, where to start).
    pc: usize,
    ptr: usize,
    toplevel: bool,
    jump: Jump,
}

/// `SRE_REPEAT`: the state of a REPEAT ... MAX_UNTIL/MIN_UNTIL loop.
#[derive(Clone, Copy, Debug)]
struct Repeat {
    count: isize,
    /// The REPEAT's arguments: <skip> <min> <max> item.
    pc: usize,
    prev: usize,
    last_ptr: usize,
}

thread_local! {
    static SPARE: std::cell::Cell<Option<State>> = const { std::cell::Cell::new(None) };
}

enum Next {
    Enter,
    Dispatch,
    Exit(bool),
}

/// `SRE_STATE`: the positions of one match attempt and the engine's stacks,
/// kept between attempts so that searches in a loop allocate nothing.
pub struct State {
    /// The match starts here (updated by search).
    pub start: usize,
    /// The end of the searched slice (`endpos`).
    pub end: usize,
    pub pos: usize,
    pub endpos: usize,
    /// The subject's length.
    pub len: usize,
    /// The current position; after a match, its end.
    pub ptr: usize,
    pub marks: Vec<usize>,
    pub lastmark: isize,
    pub lastindex: isize,
    pub match_all: bool,
    pub must_advance: bool,
    repeat: usize,
    repeats: Vec<Repeat>,
    ctxs: Vec<Ctx>,
    data: Vec<usize>,
    steps: u32,
}

impl State {
    /// `state_init` after the subject checks: `pos`/`endpos` are clamped to the length.
    /// The stacks come from the last state given back by `recycle` (no allocation
    /// per call in the common case).
    pub fn new(len: usize, groups: usize, pos: i64, endpos: i64) -> State {
        let clamp = |v: i64| if v < 0 { 0 } else { (v as u64).min(len as u64) as usize };
        let (start, end) = (clamp(pos), clamp(endpos));
        let spare = SPARE.with(|s| s.take());
        let (mut marks, repeats, ctxs, data) = match spare {
            Some(st) => (st.marks, st.repeats, st.ctxs, st.data),
            None => (Vec::new(), Vec::new(), Vec::new(), Vec::new()),
        };
        marks.clear();
        marks.resize(2 * groups + 2, NONE);
        let mut st = State {
            start,
            end,
            pos: start,
            endpos: end,
            len,
            ptr: start,
            marks,
            lastmark: -1,
            lastindex: -1,
            match_all: false,
            must_advance: false,
            repeat: NONE,
            repeats,
            ctxs,
            data,
            steps: 0,
        };
        st.reset();
        st
    }

    /// Gives the stacks back for the next `State::new` (small ones only).
    pub fn recycle(self) {
        if self.ctxs.capacity() <= 1024 && self.data.capacity() <= 4096 && self.marks.capacity() <= 1024 {
            SPARE.with(|s| s.set(Some(self)));
        }
    }

    /// `state_reset`.
    pub fn reset(&mut self) {
        self.lastmark = -1;
        self.lastindex = -1;
        self.repeat = NONE;
        self.repeats.clear();
        self.ctxs.clear();
        self.data.clear();
    }

    /// The span of group `g` (1-based) if it took part in the match.
    pub fn group_span(&self, g: usize) -> Option<(usize, usize)> {
        let j = 2 * (g - 1);
        if (j + 1) as isize <= self.lastmark && self.marks[j] != NONE && self.marks[j + 1] != NONE {
            Some((self.marks[j], self.marks[j + 1]))
        } else {
            None
        }
    }

    fn mark_push(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            self.data.extend_from_slice(&self.marks[..n]);
        }
    }

    fn mark_pop(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            let at = self.data.len() - n;
            self.marks[..n].copy_from_slice(&self.data[at..]);
            self.data.truncate(at);
        }
    }

    fn mark_pop_keep(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            let at = self.data.len() - n;
            self.marks[..n].copy_from_slice(&self.data[at..]);
        }
    }

    fn mark_pop_discard(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            self.data.truncate(self.data.len() - n);
        }
    }

    #[inline]
    fn lastmark_save(&mut self, ci: usize) {
        self.ctxs[ci].lastmark = self.lastmark;
        self.ctxs[ci].lastindex = self.lastindex;
    }

    #[inline]
    fn lastmark_restore(&mut self, ci: usize) {
        self.lastmark = self.ctxs[ci].lastmark;
        self.lastindex = self.ctxs[ci].lastindex;
    }

    /// `DO_JUMPX`: remember where the current context resumes and start a child
    /// context at `next_pc` (its position is `self.ptr`).
    #[inline]
    fn push_ctx(&mut self, ci: usize, pc: usize, ptr: usize, jump: Jump, next_pc: usize, toplevel: bool) -> Next {
        self.ctxs[ci].pc = pc;
        self.ctxs[ci].ptr = ptr;
        self.ctxs.push(Ctx { count: 0, rep: NONE, lastmark: -1, lastindex: -1, pc: next_pc, ptr: 0, toplevel, jump });
        Next::Enter
    }

    /// `SRE(at)`.
    fn at<S: Chars + ?Sized>(&self, s: &S, ptr: usize, at: u32) -> bool {
        let end = self.end;
        let boundary = |word: fn(u32) -> bool| -> Option<(bool, bool)> {
            if end == 0 {
                return None;
            }
            let that = ptr > 0 && word(s.at(ptr - 1));
            let this = ptr < end && word(s.at(ptr));
            Some((this, that))
        };
        match at {
            AT_BEGINNING | AT_BEGINNING_STRING => ptr == 0,
            AT_BEGINNING_LINE => ptr == 0 || is_linebreak(s.at(ptr - 1)),
            AT_END => (ptr + 1 == end && is_linebreak(s.at(ptr))) || ptr == end,
            AT_END_LINE => ptr == end || (ptr < self.len && is_linebreak(s.at(ptr))),
            AT_END_STRING => ptr == end,
            AT_BOUNDARY => boundary(is_word).is_some_and(|(a, b)| a != b),
            AT_NON_BOUNDARY => boundary(is_word).is_some_and(|(a, b)| a == b),
            AT_LOC_BOUNDARY => boundary(is_loc_word).is_some_and(|(a, b)| a != b),
            AT_LOC_NON_BOUNDARY => boundary(is_loc_word).is_some_and(|(a, b)| a == b),
            AT_UNI_BOUNDARY => boundary(uni_is_word).is_some_and(|(a, b)| a != b),
            AT_UNI_NON_BOUNDARY => boundary(uni_is_word).is_some_and(|(a, b)| a == b),
            _ => false,
        }
    }

    /// `SRE(count)`: how many times the one-character item at `pc` matches from
    /// `self.ptr`, at most `maxcount` times.
    fn count<S: Chars + ?Sized>(&mut self, s: &S, code: &[u32], pc: usize, maxcount: u32) -> Result<usize, Error> {
        let start = self.ptr;
        let mut end = self.end;
        if maxcount != MAXREPEAT && start < end && (maxcount as usize) < end - start {
            end = start + maxcount as usize;
        }
        let mut p = start;
        let chr = code.get(pc + 1).copied().unwrap_or(0);
        match code[pc] {
            IN => {
                while p < end && charset(code, pc + 2, s.at(p)) {
                    p += 1;
                }
            }
            IN_IGNORE => {
                while p < end && charset(code, pc + 2, lower_ascii(s.at(p))) {
                    p += 1;
                }
            }
            IN_UNI_IGNORE => {
                while p < end && charset(code, pc + 2, lower_unicode(s.at(p))) {
                    p += 1;
                }
            }
            IN_LOC_IGNORE => {
                while p < end && charset_loc_ignore(code, pc + 2, s.at(p)) {
                    p += 1;
                }
            }
            CATEGORY => {
                while p < end && category(chr, s.at(p)) {
                    p += 1;
                }
            }
            ANY => {
                while p < end && !is_linebreak(s.at(p)) {
                    p += 1;
                }
            }
            ANY_ALL => p = end,
            LITERAL => {
                while p < end && s.at(p) == chr {
                    p += 1;
                }
            }
            LITERAL_IGNORE => {
                while p < end && lower_ascii(s.at(p)) == chr {
                    p += 1;
                }
            }
            LITERAL_UNI_IGNORE => {
                while p < end && lower_unicode(s.at(p)) == chr {
                    p += 1;
                }
            }
            LITERAL_LOC_IGNORE => {
                while p < end && char_loc_ignore(chr, s.at(p)) {
                    p += 1;
                }
            }
            NOT_LITERAL => {
                while p < end && s.at(p) != chr {
                    p += 1;
                }
            }
            NOT_LITERAL_IGNORE => {
                while p < end && lower_ascii(s.at(p)) != chr {
                    p += 1;
                }
            }
            NOT_LITERAL_UNI_IGNORE => {
                while p < end && lower_unicode(s.at(p)) != chr {
                    p += 1;
                }
            }
            NOT_LITERAL_LOC_IGNORE => {
                while p < end && !char_loc_ignore(chr, s.at(p)) {
                    p += 1;
                }
            }
            _ => {
                // Any other one-character item: run the machine on it repeatedly.
                while self.ptr < end {
                    if !self.run(s, code, pc, false)? {
                        break;
                    }
                }
                return Ok(self.ptr - start);
            }
        }
        Ok(p - start)
    }

    /// `sre_match` at `self.ptr` (top level): a match must start at `self.start`.
    pub fn pmatch<S: Chars + ?Sized>(&mut self, s: &S, code: &[u32]) -> Result<bool, Error> {
        self.run(s, code, 0, true)
    }

    /// `SRE(match)`: does the code at `pc0` match at `self.ptr`? On success
    /// `self.ptr` is the end of the match.
    fn run<S: Chars + ?Sized>(&mut self, s: &S, code: &[u32], pc0: usize, toplevel: bool) -> Result<bool, Error> {
        let base = self.ctxs.len();
        self.ctxs.push(Ctx { count: 0, rep: NONE, lastmark: -1, lastindex: -1, pc: pc0, ptr: 0, toplevel, jump: Jump::None });
        let end = self.end;
        let mut pc = 0usize;
        let mut ptr = 0usize;
        let mut next = Next::Enter;
        loop {
            match next {
                Next::Enter => {
                    // Every long-running match enters contexts: poll for Ctrl-C here
                    // (C checks at every opcode; a straight run of opcodes is short).
                    self.steps = self.steps.wrapping_add(1);
                    if self.steps & 0xfff == 0 && crate::signals::pending() {
                        return Err(Error::Interrupted);
                    }
                    let ci = self.ctxs.len() - 1;
                    pc = self.ctxs[ci].pc;
                    ptr = self.ptr;
                    next = Next::Dispatch;
                    if code[pc] == INFO {
                        // <INFO> <1=skip> <2=flags> <3=min> ...
                        let min = code[pc + 3] as usize;
                        if min != 0 && end.wrapping_sub(ptr) < min {
                            next = Next::Exit(false);
                            continue;
                        }
                        pc += code[pc + 1] as usize + 1;
                    }
                }
                Next::Dispatch => {
                    next = self.dispatch(s, code, &mut pc, &mut ptr)?;
                }
                Next::Exit(ret) => {
                    let done = self.ctxs.pop().expect("context");
                    if self.ctxs.len() == base {
                        return Ok(ret);
                    }
                    let ci = self.ctxs.len() - 1;
                    pc = self.ctxs[ci].pc;
                    ptr = self.ctxs[ci].ptr;
                    next = self.resume(s, code, done.jump, ret, ci, &mut pc, &mut ptr)?;
                }
            }
        }
    }

    /// Runs opcodes of the top context until it must call a child or return.
    #[inline(always)]
    fn dispatch<S: Chars + ?Sized>(&mut self, s: &S, code: &[u32], pcr: &mut usize, ptrr: &mut usize) -> Result<Next, Error> {
        let end = self.end;
        let ci = self.ctxs.len() - 1;
        let mut pc = *pcr;
        let mut ptr = *ptrr;
        macro_rules! fail {
            () => {
                return Ok(Next::Exit(false))
            };
        }
        loop {
            let op = code[pc];
            pc += 1;
            match op {
                MARK => {
                    let i = code[pc] as isize;
                    if i & 1 != 0 {
                        self.lastindex = i / 2 + 1;
                    }
                    if i > self.lastmark {
                        let mut j = (self.lastmark + 1) as usize;
                        while (j as isize) < i {
                            self.marks[j] = NONE;
                            j += 1;
                        }
                        self.lastmark = i;
                    }
                    self.marks[i as usize] = ptr;
                    pc += 1;
                }
                LITERAL => {
                    if ptr >= end || s.at(ptr) != code[pc] {
                        fail!();
                    }
                    pc += 1;
                    ptr += 1;
                }
                NOT_LITERAL => {
                    if ptr >= end || s.at(ptr) == code[pc] {
                        fail!();
                    }
                    pc += 1;
                    ptr += 1;
                }
                SUCCESS => {
                    if self.ctxs[ci].toplevel && ((self.match_all && ptr != end) || (self.must_advance && ptr == self.start)) {
                        fail!();
                    }
                    self.ptr = ptr;
                    return Ok(Next::Exit(true));
                }
                AT => {
                    if !self.at(s, ptr, code[pc]) {
                        fail!();
                    }
                    pc += 1;
                }
                CATEGORY => {
                    if ptr >= end || !category(code[pc], s.at(ptr)) {
                        fail!();
                    }
                    pc += 1;
                    ptr += 1;
                }
                ANY => {
                    if ptr >= end || is_linebreak(s.at(ptr)) {
                        fail!();
                    }
                    ptr += 1;
                }
                ANY_ALL => {
                    if ptr >= end {
                        fail!();
                    }
                    ptr += 1;
                }
                IN => {
                    if ptr >= end || !charset(code, pc + 1, s.at(ptr)) {
                        fail!();
                    }
                    pc += code[pc] as usize;
                    ptr += 1;
                }
                LITERAL_IGNORE => {
                    if ptr >= end || lower_ascii(s.at(ptr)) != code[pc] {
                        fail!();
                    }
                    pc += 1;
                    ptr += 1;
                }
                LITERAL_UNI_IGNORE => {
                    if ptr >= end || lower_unicode(s.at(ptr)) != code[pc] {
                        fail!();
                    }
                    pc += 1;
                    ptr += 1;
                }
                LITERAL_LOC_IGNORE => {
                    if ptr >= end || !char_loc_ignore(code[pc], s.at(ptr)) {
                        fail!();
                    }
                    pc += 1;
                    ptr += 1;
                }
                NOT_LITERAL_IGNORE => {
                    if ptr >= end || lower_ascii(s.at(ptr)) == code[pc] {
                        fail!();
                    }
                    pc += 1;
                    ptr += 1;
                }
                NOT_LITERAL_UNI_IGNORE => {
                    if ptr >= end || lower_unicode(s.at(ptr)) == code[pc] {
                        fail!();
                    }
                    pc += 1;
                    ptr += 1;
                }
                NOT_LITERAL_LOC_IGNORE => {
                    if ptr >= end || char_loc_ignore(code[pc], s.at(ptr)) {
                        fail!();
                    }
                    pc += 1;
                    ptr += 1;
                }
                IN_IGNORE => {
                    if ptr >= end || !charset(code, pc + 1, lower_ascii(s.at(ptr))) {
                        fail!();
                    }
                    pc += code[pc] as usize;
                    ptr += 1;
                }
                IN_UNI_IGNORE => {
                    if ptr >= end || !charset(code, pc + 1, lower_unicode(s.at(ptr))) {
                        fail!();
                    }
                    pc += code[pc] as usize;
                    ptr += 1;
                }
                IN_LOC_IGNORE => {
                    if ptr >= end || !charset_loc_ignore(code, pc + 1, s.at(ptr)) {
                        fail!();
                    }
                    pc += code[pc] as usize;
                    ptr += 1;
                }
                JUMP | INFO => {
                    pc += code[pc] as usize;
                }
                BRANCH => {
                    // <BRANCH> <0=skip> code <JUMP> ... <NULL>
                    self.lastmark_save(ci);
                    if self.repeat != NONE {
                        self.mark_push(self.ctxs[ci].lastmark);
                    }
                    return Ok(self.branch_next(s, code, ci, pc, ptr));
                }
                REPEAT_ONE => {
                    // <REPEAT_ONE> <skip> <1=min> <2=max> item <SUCCESS> tail
                    let min = code[pc + 1] as usize;
                    if min as isize > avail(end, ptr) {
                        fail!();
                    }
                    self.ptr = ptr;
                    let n = self.count(s, code, pc + 3, code[pc + 2])?;
                    self.ctxs[ci].count = n as isize;
                    ptr += n;
                    if n < min {
                        fail!();
                    }
                    let tail = pc + code[pc] as usize;
                    if code[tail] == SUCCESS && ptr == end && !(self.ctxs[ci].toplevel && self.must_advance && ptr == self.start) {
                        // The tail is empty: done.
                        self.ptr = ptr;
                        return Ok(Next::Exit(true));
                    }
                    self.lastmark_save(ci);
                    if self.repeat != NONE {
                        self.mark_push(self.ctxs[ci].lastmark);
                    }
                    return Ok(self.repeat_one_next(s, code, ci, pc, ptr));
                }
                MIN_REPEAT_ONE => {
                    // <MIN_REPEAT_ONE> <skip> <1=min> <2=max> item <SUCCESS> tail
                    let min = code[pc + 1] as usize;
                    if min as isize > avail(end, ptr) {
                        fail!();
                    }
                    self.ptr = ptr;
                    if min == 0 {
                        self.ctxs[ci].count = 0;
                    } else {
                        let n = self.count(s, code, pc + 3, min as u32)?;
                        if n < min {
                            fail!();
                        }
                        self.ctxs[ci].count = n as isize;
                        ptr += n;
                    }
                    let tail = pc + code[pc] as usize;
                    let top = self.ctxs[ci].toplevel;
                    if code[tail] == SUCCESS && !(top && ((self.match_all && ptr != end) || (self.must_advance && ptr == self.start))) {
                        self.ptr = ptr;
                        return Ok(Next::Exit(true));
                    }
                    self.lastmark_save(ci);
                    if self.repeat != NONE {
                        self.mark_push(self.ctxs[ci].lastmark);
                    }
                    return Ok(self.min_repeat_one_next(ci, code, pc, ptr));
                }
                POSSESSIVE_REPEAT_ONE => {
                    let min = code[pc + 1] as usize;
                    if ptr + min > end {
                        fail!();
                    }
                    self.ptr = ptr;
                    let n = self.count(s, code, pc + 3, code[pc + 2])?;
                    self.ctxs[ci].count = n as isize;
                    ptr += n;
                    if n < min {
                        fail!();
                    }
                    pc += code[pc] as usize;
                    if code[pc] == SUCCESS && ptr == end && !(self.ctxs[ci].toplevel && self.must_advance && ptr == self.start) {
                        self.ptr = ptr;
                        return Ok(Next::Exit(true));
                    }
                }
                REPEAT => {
                    // <REPEAT> <skip> <1=min> <2=max> <3=repeat_index> item <UNTIL> tail
                    let idx = self.repeats.len();
                    self.repeats.push(Repeat { count: -1, pc, prev: self.repeat, last_ptr: NONE });
                    self.repeat = idx;
                    self.ctxs[ci].rep = idx;
                    self.ptr = ptr;
                    return Ok(self.push_ctx(ci, pc, ptr, Jump::Repeat, pc + code[pc] as usize, self.ctxs[ci].toplevel));
                }
                MAX_UNTIL => {
                    let ri = self.repeat;
                    if ri == NONE {
                        return Err(Error::Internal);
                    }
                    self.ctxs[ci].rep = ri;
                    self.ptr = ptr;
                    let count = self.repeats[ri].count + 1;
                    self.ctxs[ci].count = count;
                    let rpc = self.repeats[ri].pc;
                    if count < code[rpc + 1] as isize {
                        // Not enough matches yet.
                        self.repeats[ri].count = count;
                        return Ok(self.push_ctx(ci, pc, ptr, Jump::MaxUntil1, rpc + 3, self.ctxs[ci].toplevel));
                    }
                    let max = code[rpc + 2];
                    if (count < max as isize || max == MAXREPEAT) && self.ptr != self.repeats[ri].last_ptr {
                        // We may have enough matches, but if we can match another item, do so.
                        self.repeats[ri].count = count;
                        self.lastmark_save(ci);
                        self.mark_push(self.ctxs[ci].lastmark);
                        // Zero-width match protection.
                        self.data.push(self.repeats[ri].last_ptr);
                        self.repeats[ri].last_ptr = self.ptr;
                        return Ok(self.push_ctx(ci, pc, ptr, Jump::MaxUntil2, rpc + 3, self.ctxs[ci].toplevel));
                    }
                    // Cannot match more repeated items here: make sure the tail matches.
                    self.repeat = self.repeats[ri].prev;
                    return Ok(self.push_ctx(ci, pc, ptr, Jump::MaxUntil3, pc, self.ctxs[ci].toplevel));
                }
                MIN_UNTIL => {
                    let ri = self.repeat;
                    if ri == NONE {
                        return Err(Error::Internal);
                    }
                    self.ctxs[ci].rep = ri;
                    self.ptr = ptr;
                    let count = self.repeats[ri].count + 1;
                    self.ctxs[ci].count = count;
                    let rpc = self.repeats[ri].pc;
                    if count < code[rpc + 1] as isize {
                        self.repeats[ri].count = count;
                        return Ok(self.push_ctx(ci, pc, ptr, Jump::MinUntil1, rpc + 3, self.ctxs[ci].toplevel));
                    }
                    // See if the tail matches.
                    self.repeat = self.repeats[ri].prev;
                    self.lastmark_save(ci);
                    if self.repeat != NONE {
                        self.mark_push(self.ctxs[ci].lastmark);
                    }
                    return Ok(self.push_ctx(ci, pc, ptr, Jump::MinUntil2, pc, self.ctxs[ci].toplevel));
                }
                POSSESSIVE_REPEAT => {
                    // <POSSESSIVE_REPEAT> <skip> <1=min> <2=max> pattern <SUCCESS> tail
                    self.ptr = ptr;
                    self.ctxs[ci].count = 0;
                    match self.poss_repeat_next(ci, code, pc, ptr, true) {
                        Some(n) => return Ok(n),
                        None => {
                            pc += code[pc] as usize + 1;
                            ptr = self.ptr;
                        }
                    }
                }
                ATOMIC_GROUP => {
                    // <ATOMIC_GROUP> <skip> pattern <SUCCESS> tail
                    self.ptr = ptr;
                    return Ok(self.push_ctx(ci, pc, ptr, Jump::AtomicGroup, pc + 1, false));
                }
                GROUPREF | GROUPREF_IGNORE | GROUPREF_UNI_IGNORE | GROUPREF_LOC_IGNORE => {
                    let g = code[pc] as usize * 2;
                    if g as isize >= self.lastmark {
                        fail!();
                    }
                    let (mut p, e) = (self.marks[g], self.marks[g + 1]);
                    if p == NONE || e == NONE || e < p {
                        fail!();
                    }
                    let fold: fn(u32) -> u32 = match op {
                        GROUPREF => |c| c,
                        GROUPREF_IGNORE => lower_ascii,
                        GROUPREF_UNI_IGNORE => lower_unicode,
                        _ => lower_locale,
                    };
                    while p < e {
                        if ptr >= end || fold(s.at(ptr)) != fold(s.at(p)) {
                            fail!();
                        }
                        p += 1;
                        ptr += 1;
                    }
                    pc += 1;
                }
                GROUPREF_EXISTS => {
                    // <GROUPREF_EXISTS> <group> <skip> codeyes <JUMP> codeno ...
                    let g = code[pc] as usize * 2;
                    let exists = (g as isize) < self.lastmark && {
                        let (p, e) = (self.marks[g], self.marks[g + 1]);
                        !(p == NONE || e == NONE || e < p)
                    };
                    if exists {
                        pc += 2;
                    } else {
                        pc += code[pc + 1] as usize;
                    }
                }
                ASSERT => {
                    // <ASSERT> <skip> <back> <pattern>
                    let back = code[pc + 1] as usize;
                    if ptr < back {
                        fail!();
                    }
                    self.ptr = ptr - back;
                    return Ok(self.push_ctx(ci, pc, ptr, Jump::Assert, pc + 2, false));
                }
                ASSERT_NOT => {
                    let back = code[pc + 1] as usize;
                    if ptr >= back {
                        self.ptr = ptr - back;
                        self.lastmark_save(ci);
                        if self.repeat != NONE {
                            self.mark_push(self.ctxs[ci].lastmark);
                        }
                        return Ok(self.push_ctx(ci, pc, ptr, Jump::AssertNot, pc + 2, false));
                    }
                    pc += code[pc] as usize;
                }
                FAILURE => fail!(),
                _ => return Err(Error::Internal),
            }
        }
    }

    /// The BRANCH loop from the alternative at `pc`: tries the next one that
    /// may match, or fails when none is left.
    fn branch_next<S: Chars + ?Sized>(&mut self, s: &S, code: &[u32], ci: usize, mut pc: usize, ptr: usize) -> Next {
        let end = self.end;
        while code[pc] != 0 {
            if !self.first_op_fails(s, code, pc + 1, ptr, end) {
                self.ptr = ptr;
                let top = self.ctxs[ci].toplevel;
                return self.push_ctx(ci, pc, ptr, Jump::Branch, pc + 1, top);
            }
            pc += code[pc] as usize;
        }
        if self.repeat != NONE {
            self.mark_pop_discard(self.ctxs[ci].lastmark);
        }
        Next::Exit(false)
    }

    /// Does the one-character or zero-width test at `pc` fail at `ptr`? An
    /// alternative starting with a failing test is skipped without entering a
    /// context for it (sre_lib.h does this for LITERAL and IN; the others fail
    /// the same way inside the child, with nothing to undo).
    #[inline]
    fn first_op_fails<S: Chars + ?Sized>(&self, s: &S, code: &[u32], pc: usize, ptr: usize, end: usize) -> bool {
        let arg = code[pc + 1];
        match code[pc] {
            AT => !self.at(s, ptr, arg),
            op if ptr >= end => matches!(
                op,
                LITERAL
                    | NOT_LITERAL
                    | IN
                    | ANY
                    | ANY_ALL
                    | CATEGORY
                    | LITERAL_IGNORE
                    | LITERAL_UNI_IGNORE
                    | NOT_LITERAL_IGNORE
                    | NOT_LITERAL_UNI_IGNORE
                    | IN_IGNORE
                    | IN_UNI_IGNORE
            ),
            LITERAL => s.at(ptr) != arg,
            NOT_LITERAL => s.at(ptr) == arg,
            IN => !charset(code, pc + 2, s.at(ptr)),
            ANY => is_linebreak(s.at(ptr)),
            CATEGORY => !category(arg, s.at(ptr)),
            LITERAL_IGNORE => lower_ascii(s.at(ptr)) != arg,
            LITERAL_UNI_IGNORE => lower_unicode(s.at(ptr)) != arg,
            NOT_LITERAL_IGNORE => lower_ascii(s.at(ptr)) == arg,
            NOT_LITERAL_UNI_IGNORE => lower_unicode(s.at(ptr)) == arg,
            IN_IGNORE => !charset(code, pc + 2, lower_ascii(s.at(ptr))),
            IN_UNI_IGNORE => !charset(code, pc + 2, lower_unicode(s.at(ptr))),
            _ => false,
        }
    }

    /// REPEAT_ONE's backtracking loop: gives back one character at a time and
    /// tries the tail (`pc` is at the op's arguments, `ctxs[ci].count` the count).
    fn repeat_one_next<S: Chars + ?Sized>(&mut self, s: &S, code: &[u32], ci: usize, pc: usize, mut ptr: usize) -> Next {
        let end = self.end;
        let min = code[pc + 1] as isize;
        let tail = pc + code[pc] as usize;
        let top = self.ctxs[ci].toplevel;
        if code[tail] == LITERAL {
            // The tail starts with a literal: skip positions where it cannot match.
            let chr = code[tail + 1];
            let mut count = self.ctxs[ci].count;
            while count >= min && (ptr >= end || s.at(ptr) != chr) {
                ptr = ptr.wrapping_sub(1);
                count -= 1;
            }
            self.ctxs[ci].count = count;
            if count >= min {
                self.ptr = ptr;
                return self.push_ctx(ci, pc, ptr, Jump::RepeatOne1, tail, top);
            }
        } else if self.ctxs[ci].count >= min {
            self.ptr = ptr;
            return self.push_ctx(ci, pc, ptr, Jump::RepeatOne2, tail, top);
        }
        if self.repeat != NONE {
            self.mark_pop_discard(self.ctxs[ci].lastmark);
        }
        Next::Exit(false)
    }

    /// MIN_REPEAT_ONE's loop: tries the tail, then one more item.
    fn min_repeat_one_next(&mut self, ci: usize, code: &[u32], pc: usize, ptr: usize) -> Next {
        let max = code[pc + 2];
        if max == MAXREPEAT || self.ctxs[ci].count <= max as isize {
            self.ptr = ptr;
            let top = self.ctxs[ci].toplevel;
            return self.push_ctx(ci, pc, ptr, Jump::MinRepeatOne, pc + code[pc] as usize, top);
        }
        if self.repeat != NONE {
            self.mark_pop_discard(self.ctxs[ci].lastmark);
        }
        Next::Exit(false)
    }

    /// POSSESSIVE_REPEAT's loops. `first` is the minimum phase; the second phase
    /// matches as many more items as possible. None when done: the tail follows.
    fn poss_repeat_next(&mut self, ci: usize, code: &[u32], pc: usize, ptr: usize, first: bool) -> Option<Next> {
        let min = code[pc + 1] as isize;
        let max = code[pc + 2];
        if first {
            if self.ctxs[ci].count < min {
                return Some(self.push_ctx(ci, pc, ptr, Jump::PossRepeat1, pc + 3, false));
            }
            // C clears its local pointer so the loop below is entered.
            return self.poss_repeat_next(ci, code, pc, NONE, false);
        }
        let count = self.ctxs[ci].count;
        if (count < max as isize || max == MAXREPEAT) && self.ptr != ptr {
            self.lastmark_save(ci);
            self.mark_push(self.ctxs[ci].lastmark);
            let p = self.ptr;
            return Some(self.push_ctx(ci, pc, p, Jump::PossRepeat2, pc + 3, false));
        }
        None
    }

    /// The code after each `DO_JUMP` in sre_lib.h: the child context of kind
    /// `jump` returned `ret` to context `ci`.
    #[allow(clippy::too_many_arguments)]
    fn resume<S: Chars + ?Sized>(
        &mut self,
        s: &S,
        code: &[u32],
        jump: Jump,
        ret: bool,
        ci: usize,
        pcr: &mut usize,
        ptrr: &mut usize,
    ) -> Result<Next, Error> {
        let pc = *pcr;
        let ptr = *ptrr;
        let has_repeat = self.repeat != NONE;
        let lastmark = self.ctxs[ci].lastmark;
        Ok(match jump {
            Jump::None => Next::Exit(ret),
            Jump::Branch => {
                if ret {
                    if has_repeat {
                        self.mark_pop_discard(lastmark);
                    }
                    Next::Exit(true)
                } else {
                    if has_repeat {
                        self.mark_pop_keep(lastmark);
                    }
                    self.lastmark_restore(ci);
                    self.branch_next(s, code, ci, pc + code[pc] as usize, ptr)
                }
            }
            Jump::RepeatOne1 | Jump::RepeatOne2 => {
                if ret {
                    if has_repeat {
                        self.mark_pop_discard(lastmark);
                    }
                    Next::Exit(true)
                } else {
                    if has_repeat {
                        self.mark_pop_keep(lastmark);
                    }
                    self.lastmark_restore(ci);
                    self.ctxs[ci].count -= 1;
                    self.repeat_one_next(s, code, ci, pc, ptr.wrapping_sub(1))
                }
            }
            Jump::MinRepeatOne => {
                if ret {
                    if has_repeat {
                        self.mark_pop_discard(lastmark);
                    }
                    Next::Exit(true)
                } else {
                    if has_repeat {
                        self.mark_pop_keep(lastmark);
                    }
                    self.lastmark_restore(ci);
                    self.ptr = ptr;
                    let n = self.count(s, code, pc + 3, 1)?;
                    if n == 0 {
                        if self.repeat != NONE {
                            self.mark_pop_discard(lastmark);
                        }
                        Next::Exit(false)
                    } else {
                        self.ctxs[ci].count += 1;
                        self.min_repeat_one_next(ci, code, pc, ptr + 1)
                    }
                }
            }
            Jump::Repeat => {
                let ri = self.ctxs[ci].rep;
                self.repeat = self.repeats[ri].prev;
                self.repeats.truncate(ri);
                Next::Exit(ret)
            }
            Jump::MaxUntil1 | Jump::MinUntil1 => {
                if ret {
                    Next::Exit(true)
                } else {
                    let ri = self.ctxs[ci].rep;
                    self.repeats[ri].count = self.ctxs[ci].count - 1;
                    self.ptr = ptr;
                    Next::Exit(false)
                }
            }
            Jump::MaxUntil2 => {
                let ri = self.ctxs[ci].rep;
                self.repeats[ri].last_ptr = self.data.pop().expect("saved last_ptr");
                if ret {
                    self.mark_pop_discard(lastmark);
                    Next::Exit(true)
                } else {
                    self.mark_pop(lastmark);
                    self.lastmark_restore(ci);
                    self.repeats[ri].count = self.ctxs[ci].count - 1;
                    self.ptr = ptr;
                    // Cannot match more repeated items here: make sure the tail matches.
                    self.repeat = self.repeats[ri].prev;
                    let top = self.ctxs[ci].toplevel;
                    self.push_ctx(ci, pc, ptr, Jump::MaxUntil3, pc, top)
                }
            }
            Jump::MaxUntil3 => {
                self.repeat = self.ctxs[ci].rep;
                if !ret {
                    self.ptr = ptr;
                }
                Next::Exit(ret)
            }
            Jump::MinUntil2 => {
                let ri = self.ctxs[ci].rep;
                let repeat_of_tail = self.repeat;
                self.repeat = ri;
                if ret {
                    if repeat_of_tail != NONE {
                        self.mark_pop_discard(lastmark);
                    }
                    return Ok(Next::Exit(true));
                }
                if repeat_of_tail != NONE {
                    self.mark_pop(lastmark);
                }
                self.lastmark_restore(ci);
                self.ptr = ptr;
                let max = code[self.repeats[ri].pc + 2];
                let count = self.ctxs[ci].count;
                if (count >= max as isize && max != MAXREPEAT) || self.ptr == self.repeats[ri].last_ptr {
                    return Ok(Next::Exit(false));
                }
                self.repeats[ri].count = count;
                // Zero-width match protection.
                self.data.push(self.repeats[ri].last_ptr);
                self.repeats[ri].last_ptr = self.ptr;
                let body = self.repeats[ri].pc + 3;
                let top = self.ctxs[ci].toplevel;
                self.push_ctx(ci, pc, ptr, Jump::MinUntil3, body, top)
            }
            Jump::MinUntil3 => {
                let ri = self.ctxs[ci].rep;
                self.repeats[ri].last_ptr = self.data.pop().expect("saved last_ptr");
                if ret {
                    Next::Exit(true)
                } else {
                    self.repeats[ri].count = self.ctxs[ci].count - 1;
                    self.ptr = ptr;
                    Next::Exit(false)
                }
            }
            Jump::PossRepeat1 => {
                if ret {
                    self.ctxs[ci].count += 1;
                    match self.poss_repeat_next(ci, code, pc, ptr, true) {
                        Some(n) => n,
                        None => self.poss_tail(code, pcr, ptrr),
                    }
                } else {
                    self.ptr = ptr;
                    Next::Exit(false)
                }
            }
            Jump::PossRepeat2 => {
                if ret {
                    self.mark_pop_discard(lastmark);
                    self.ctxs[ci].count += 1;
                    match self.poss_repeat_next(ci, code, pc, ptr, false) {
                        Some(n) => n,
                        None => self.poss_tail(code, pcr, ptrr),
                    }
                } else {
                    self.mark_pop(lastmark);
                    self.lastmark_restore(ci);
                    self.ptr = ptr;
                    self.poss_tail(code, pcr, ptrr)
                }
            }
            Jump::AtomicGroup => {
                if !ret {
                    self.ptr = ptr;
                    Next::Exit(false)
                } else {
                    *pcr = pc + code[pc] as usize;
                    *ptrr = self.ptr;
                    Next::Dispatch
                }
            }
            Jump::Assert => {
                if !ret {
                    Next::Exit(false)
                } else {
                    *pcr = pc + code[pc] as usize;
                    Next::Dispatch
                }
            }
            Jump::AssertNot => {
                if ret {
                    if has_repeat {
                        self.mark_pop_discard(lastmark);
                    }
                    Next::Exit(false)
                } else {
                    if has_repeat {
                        self.mark_pop(lastmark);
                    }
                    self.lastmark_restore(ci);
                    *pcr = pc + code[pc] as usize;
                    Next::Dispatch
                }
            }
        })
    }

    /// After POSSESSIVE_REPEAT: continue with the tail after its SUCCESS.
    fn poss_tail(&mut self, code: &[u32], pcr: &mut usize, ptrr: &mut usize) -> Next {
        *pcr += code[*pcr] as usize + 1;
        *ptrr = self.ptr;
        Next::Dispatch
    }

    fn reset_capture(&mut self) {
        self.lastmark = -1;
        self.lastindex = -1;
    }

    /// `SRE(search)`: the first match at or after `self.start`; on success
    /// `self.start` is where it begins and `self.ptr` where it ends.
    pub fn search<S: Chars + ?Sized>(&mut self, s: &S, code: &[u32]) -> Result<bool, Error> {
        let mut ptr = self.start;
        let mut end = self.end;
        if ptr > end {
            return Ok(false);
        }
        let mut pc = 0;
        let mut flags = 0;
        let mut prefix_len = 0usize;
        let mut prefix_skip = 0usize;
        let mut prefix = 0usize;
        let mut charset_at = None;
        if code[0] == INFO {
            // <INFO> <1=skip> <2=flags> <3=min> <4=max> <5=prefix info>
            flags = code[2];
            let min = code[3] as usize;
            if min != 0 && end - ptr < min {
                return Ok(false);
            }
            if min > 1 {
                // Leave at least one character in there, so literal search works.
                end -= min - 1;
                if end <= ptr {
                    end = ptr;
                }
            }
            if flags & INFO_PREFIX != 0 {
                // <length> <skip> <prefix data> <overlap data>
                prefix_len = code[5] as usize;
                prefix_skip = code[6] as usize;
                prefix = 7;
            } else if flags & INFO_CHARSET != 0 {
                charset_at = Some(5);
            }
            pc = 1 + code[1] as usize;
        }

        if prefix_len == 1 {
            // The pattern starts with a literal character.
            let c = code[prefix];
            let end = self.end;
            self.must_advance = false;
            while ptr < end {
                while s.at(ptr) != c {
                    ptr += 1;
                    if ptr >= end {
                        return Ok(false);
                    }
                }
                self.start = ptr;
                self.ptr = ptr + prefix_skip;
                if flags & INFO_LITERAL != 0 {
                    return Ok(true);
                }
                if self.run(s, code, pc + 2 * prefix_skip, false)? {
                    return Ok(true);
                }
                ptr += 1;
                self.reset_capture();
            }
            return Ok(false);
        }

        if prefix_len > 1 {
            // A known prefix: use the overlap table to skip forward.
            let end = self.end;
            if prefix_len > end - ptr {
                return Ok(false);
            }
            let overlap = prefix + prefix_len - 1;
            while ptr < end {
                let c = code[prefix];
                loop {
                    let ch = s.at(ptr);
                    ptr += 1;
                    if ch == c {
                        break;
                    }
                    if ptr >= end {
                        return Ok(false);
                    }
                }
                if ptr >= end {
                    return Ok(false);
                }
                let mut i = 1;
                self.must_advance = false;
                loop {
                    if s.at(ptr) == code[prefix + i] {
                        i += 1;
                        if i != prefix_len {
                            ptr += 1;
                            if ptr >= end {
                                return Ok(false);
                            }
                            continue;
                        }
                        // A potential match.
                        self.start = ptr - (prefix_len - 1);
                        // prefix_skip may exceed prefix_len - 1 (C's pointer arithmetic).
                        self.ptr = ptr + prefix_skip + 1 - prefix_len;
                        if flags & INFO_LITERAL != 0 {
                            return Ok(true);
                        }
                        if self.run(s, code, pc + 2 * prefix_skip, false)? {
                            return Ok(true);
                        }
                        // Close but no cigar: try again.
                        ptr += 1;
                        if ptr >= end {
                            return Ok(false);
                        }
                        self.reset_capture();
                    }
                    i = code[overlap + i] as usize;
                    if i == 0 {
                        break;
                    }
                }
            }
            return Ok(false);
        }

        if let Some(cs) = charset_at {
            // The pattern starts with a character from a known set.
            let end = self.end;
            self.must_advance = false;
            loop {
                while ptr < end && !charset(code, cs, s.at(ptr)) {
                    ptr += 1;
                }
                if ptr >= end {
                    return Ok(false);
                }
                self.start = ptr;
                self.ptr = ptr;
                if self.run(s, code, pc, false)? {
                    return Ok(true);
                }
                ptr += 1;
                self.reset_capture();
            }
        }

        // General case.
        self.start = ptr;
        self.ptr = ptr;
        let mut status = self.run(s, code, pc, true)?;
        self.must_advance = false;
        if !status && code[pc] == AT && (code[pc + 1] == AT_BEGINNING || code[pc + 1] == AT_BEGINNING_STRING) {
            self.start = end;
            self.ptr = end;
            return Ok(false);
        }
        while !status && ptr < end {
            ptr += 1;
            self.reset_capture();
            self.start = ptr;
            self.ptr = ptr;
            status = self.run(s, code, pc, false)?;
        }
        Ok(status)
    }
}
