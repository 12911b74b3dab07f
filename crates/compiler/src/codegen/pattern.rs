//! Match statements (CPython 3.11's `compiler_match` and pattern helpers).

use super::{Compiler, R};
use ruff_python_ast as ast;

impl<'a> Compiler<'a> {
    pub(crate) fn compile_match(&mut self, m: &'a ast::StmtMatch) -> R {
        Err(self.error("match statements are not supported yet", m.range))
    }
}
