//! `_validate` of sre.c: checks a code list the way the compiler generates it,
//! so that the engine never reads outside the code nor the marks, whatever list
//! `_sre.compile` is given. Jumps are relative and forward, and never cross.

use super::constants::*;

type V = Result<(), ()>;

struct Reader<'a> {
    code: &'a [u32],
}

impl Reader<'_> {
    fn get(&self, at: usize, end: usize) -> Result<u32, ()> {
        if at >= end {
            return Err(());
        }
        Ok(self.code[at])
    }

    /// A skip at `at` must not reach past `end` (less `adj`).
    fn skip(&self, at: usize, end: usize, adj: usize) -> Result<usize, ()> {
        let skip = self.get(at, end)? as usize;
        if skip.wrapping_sub(adj) > end - at {
            return Err(());
        }
        Ok(skip)
    }
}

fn charset(r: &Reader, mut at: usize, end: usize) -> V {
    while at < end {
        let op = r.get(at, end)?;
        at += 1;
        match op {
            NEGATE => {}
            LITERAL => {
                r.get(at, end)?;
                at += 1;
            }
            RANGE | RANGE_UNI_IGNORE => {
                r.get(at + 1, end)?;
                at += 2;
            }
            CHARSET => {
                if 8 > end - at {
                    return Err(());
                }
                at += 8;
            }
            BIGCHARSET => {
                let count = r.get(at, end)? as usize;
                at += 1;
                if 64 > end - at {
                    return Err(());
                }
                for k in 0..256 {
                    let b = (r.code[at + k / 4] >> (8 * (k % 4))) & 0xff;
                    if b as usize >= count {
                        return Err(());
                    }
                }
                at += 64;
                if count.saturating_mul(8) > end - at {
                    return Err(());
                }
                at += count * 8;
            }
            CATEGORY => {
                let arg = r.get(at, end)?;
                at += 1;
                if arg > CATEGORY_UNI_NOT_LINEBREAK {
                    return Err(());
                }
            }
            _ => return Err(()),
        }
    }
    Ok(())
}

/// A sequence that must not end with a JUMP.
fn body(r: &Reader, at: usize, end: usize, groups: usize) -> V {
    match inner(r, at, end, groups)? {
        false => Ok(()),
        true => Err(()),
    }
}

/// Ok(true) when the last op is a JUMP (an alternative's end).
fn inner(r: &Reader, mut at: usize, end: usize, groups: usize) -> Result<bool, ()> {
    if at > end {
        return Err(());
    }
    while at < end {
        let op = r.get(at, end)?;
        at += 1;
        match op {
            MARK => {
                let arg = r.get(at, end)? as usize;
                at += 1;
                if arg > 2 * groups + 1 {
                    return Err(());
                }
            }
            LITERAL | NOT_LITERAL | LITERAL_IGNORE | NOT_LITERAL_IGNORE | LITERAL_UNI_IGNORE | NOT_LITERAL_UNI_IGNORE
            | LITERAL_LOC_IGNORE | NOT_LITERAL_LOC_IGNORE => {
                r.get(at, end)?;
                at += 1;
            }
            SUCCESS | FAILURE | ANY | ANY_ALL => {}
            AT => {
                let arg = r.get(at, end)?;
                at += 1;
                if arg > AT_UNI_NON_BOUNDARY {
                    return Err(());
                }
            }
            IN | IN_IGNORE | IN_UNI_IGNORE | IN_LOC_IGNORE => {
                let skip = r.skip(at, end, 0)?;
                at += 1;
                if skip < 2 {
                    return Err(());
                }
                charset(r, at, at + skip - 2)?;
                if r.code[at + skip - 2] != FAILURE {
                    return Err(());
                }
                at += skip - 1;
            }
            INFO => {
                // <INFO> <1=skip> <2=flags> <3=min> <4=max> [prefix or charset]
                let skip = r.skip(at, end, 0)?;
                at += 1;
                if skip == 0 {
                    return Err(());
                }
                let newcode = at + skip - 1;
                let flags = r.get(at, end)?;
                r.get(at + 2, end)?;
                at += 3;
                if flags & !(INFO_PREFIX | INFO_LITERAL | INFO_CHARSET) != 0
                    || (flags & INFO_PREFIX != 0 && flags & INFO_CHARSET != 0)
                    || (flags & INFO_LITERAL != 0 && flags & INFO_PREFIX == 0)
                {
                    return Err(());
                }
                if flags & INFO_PREFIX != 0 {
                    let prefix_len = r.get(at, end)? as usize;
                    r.get(at + 1, end)?;
                    at += 2;
                    if at > newcode || prefix_len > newcode - at {
                        return Err(());
                    }
                    at += prefix_len;
                    if prefix_len > newcode - at {
                        return Err(());
                    }
                    if r.code[at..at + prefix_len].iter().any(|&o| o as usize >= prefix_len) {
                        return Err(());
                    }
                    at += prefix_len;
                }
                if flags & INFO_CHARSET != 0 {
                    if newcode < 1 || at > newcode - 1 {
                        return Err(());
                    }
                    charset(r, at, newcode - 1)?;
                    if r.code[newcode - 1] != FAILURE {
                        return Err(());
                    }
                    at = newcode;
                } else if at != newcode {
                    return Err(());
                }
            }
            BRANCH => {
                let mut target = None;
                loop {
                    let skip = r.skip(at, end, 0)?;
                    at += 1;
                    if skip == 0 {
                        break;
                    }
                    if skip < 3 {
                        return Err(());
                    }
                    body(r, at, at + skip - 3, groups)?;
                    at += skip - 3;
                    if r.get(at, end)? != JUMP {
                        return Err(());
                    }
                    at += 1;
                    let skip = r.skip(at, end, 0)?;
                    at += 1;
                    if skip == 0 {
                        return Err(());
                    }
                    let t = at + skip - 1;
                    match target {
                        None => target = Some(t),
                        Some(x) if x != t => return Err(()),
                        _ => {}
                    }
                }
                if target != Some(at) {
                    return Err(());
                }
            }
            REPEAT_ONE | MIN_REPEAT_ONE | POSSESSIVE_REPEAT_ONE => {
                let skip = r.skip(at, end, 0)?;
                at += 1;
                let min = r.get(at, end)?;
                let max = r.get(at + 1, end)?;
                at += 2;
                if min > max || skip < 4 {
                    return Err(());
                }
                body(r, at, at + skip - 4, groups)?;
                at += skip - 4;
                if r.get(at, end)? != SUCCESS {
                    return Err(());
                }
                at += 1;
            }
            REPEAT | POSSESSIVE_REPEAT => {
                let skip = r.skip(at, end, 0)?;
                at += 1;
                let min = r.get(at, end)?;
                let max = r.get(at + 1, end)?;
                at += 2;
                if min > max || skip < 3 {
                    return Err(());
                }
                body(r, at, at + skip - 3, groups)?;
                at += skip - 3;
                let last = r.get(at, end)?;
                at += 1;
                let ok = if op == POSSESSIVE_REPEAT { last == SUCCESS } else { last == MAX_UNTIL || last == MIN_UNTIL };
                if !ok {
                    return Err(());
                }
            }
            ATOMIC_GROUP => {
                let skip = r.skip(at, end, 0)?;
                at += 1;
                if skip < 2 {
                    return Err(());
                }
                body(r, at, at + skip - 2, groups)?;
                at += skip - 2;
                if r.get(at, end)? != SUCCESS {
                    return Err(());
                }
                at += 1;
            }
            GROUPREF | GROUPREF_IGNORE | GROUPREF_UNI_IGNORE | GROUPREF_LOC_IGNORE => {
                let arg = r.get(at, end)? as usize;
                at += 1;
                if arg >= groups {
                    return Err(());
                }
            }
            GROUPREF_EXISTS => {
                let arg = r.get(at, end)? as usize;
                at += 1;
                if arg >= groups {
                    return Err(());
                }
                let skip = r.skip(at, end, 1)?;
                // The skip is relative to the group argument.
                let base = at - 1;
                if skip < 2 {
                    return Err(());
                }
                let last_jump = inner(r, base + 2, base + skip, groups)?;
                let mut stop = base + skip;
                if last_jump {
                    // ...then part... JUMP <skipno> ...else part...
                    let at2 = base + skip - 1;
                    let skip2 = r.skip(at2, end, 0)?;
                    if skip2 == 0 || inner(r, at2 + 1, at2 + skip2, groups)? {
                        return Err(());
                    }
                    stop = at2 + skip2;
                }
                at = stop;
            }
            ASSERT | ASSERT_NOT => {
                let skip = r.skip(at, end, 0)?;
                r.get(at + 1, end)?;
                if skip < 3 {
                    return Err(());
                }
                body(r, at + 2, at + skip - 1, groups)?;
                at += skip - 1;
                if r.get(at, end)? != SUCCESS {
                    return Err(());
                }
                at += 1;
            }
            JUMP => {
                if at + 1 != end {
                    return Err(());
                }
                return Ok(true);
            }
            _ => return Err(()),
        }
    }
    Ok(false)
}

/// `_validate_outer`: the whole list ends with SUCCESS.
pub fn validate(code: &[u32], groups: usize) -> bool {
    if groups > MAXGROUPS || code.last() != Some(&SUCCESS) {
        return false;
    }
    let r = Reader { code };
    body(&r, 0, code.len() - 1, groups).is_ok()
}
